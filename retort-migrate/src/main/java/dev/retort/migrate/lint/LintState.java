package dev.retort.migrate.lint;

import dev.retort.migrate.ops.ChangeKind;
import dev.retort.migrate.ops.PlannedChange;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the linted range did before the change being judged: the tables the current revision
 * created (new, so empty: nothing to lock for long), and the columns a validated
 * {@code CHECK (col IS NOT NULL)} proves (PostgreSQL 12+ then sets NOT NULL without a scan).
 * Not thread-safe; one per lint run.
 */
public final class LintState {
    private static final Pattern NOT_NULL_CHECK = Pattern.compile("\\s*\\(?\\s*[\"`]?([A-Za-z_][A-Za-z0-9_]*)[\"`]?"
            + "\\s+IS\\s+NOT\\s+NULL\\s*\\)?\\s*", Pattern.CASE_INSENSITIVE);

    private final Set<String> createdInRevision = new HashSet<>();
    private final Map<String, String> pendingChecks = new HashMap<>();
    private final Set<String> provenNotNull = new HashSet<>();

    LintState() {
    }

    /** Starts a new revision: the tables it creates are counted afresh. */
    void startRevision() {
        createdInRevision.clear();
    }

    /**
     * Whether the current revision created a table (before this change).
     *
     * @param table the table
     * @return {@code true} if it is new in this revision
     */
    public boolean createdInRevision(String table) {
        return table != null && createdInRevision.contains(key(table));
    }

    /**
     * Whether a validated CHECK constraint {@code col IS NOT NULL} is known on the column.
     *
     * @param table the table
     * @param column the column
     * @return {@code true} if one was added (and validated) earlier in the range
     */
    public boolean provenNotNull(String table, String column) {
        return provenNotNull.contains(key(table) + "." + key(column));
    }

    /** Records what a change does, after it was judged. */
    void after(PlannedChange c) {
        if (c.kind() == ChangeKind.CREATE_TABLE) {
            createdInRevision.add(key(c.table()));
        } else if (c.kind() == ChangeKind.ADD_CHECK && c.condition() != null) {
            Matcher m = NOT_NULL_CHECK.matcher(c.condition());
            if (m.matches()) {
                String column = key(c.table()) + "." + key(m.group(1));
                if (c.notValid()) {
                    pendingChecks.put(key(c.name()), column);
                } else {
                    provenNotNull.add(column);
                }
            }
        } else if (c.kind() == ChangeKind.VALIDATE_CONSTRAINT && c.name() != null) {
            String column = pendingChecks.remove(key(c.name()));
            if (column != null) {
                provenNotNull.add(column);
            }
        }
    }

    private static String key(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }
}
