package dev.retort.migrate.lint;

import dev.retort.dialect.ServerVersion;
import dev.retort.migrate.ops.ChangeKind;
import dev.retort.migrate.ops.PlannedChange;

import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB's and MySQL's lint rules: which ALTER TABLE changes InnoDB cannot make with
 * ALGORITHM=INSTANT or INPLACE (checked on MariaDB 10.11 by asking for those algorithms: the
 * server refuses with "ALGORITHM=... is not supported"), and the versions from which adding and
 * dropping a column is INSTANT.
 */
final class MysqlRules implements DialectRules {
    private static final String COPY_LOCK = "ALGORITHM=COPY, LOCK=SHARED (blocks writes)";

    private final String product;
    private final int[] instantAddSince;
    private final int[] instantDropSince;
    private final boolean shortVarcharsStayOneByte;
    private final String widenVarchar;

    private MysqlRules(String product, int[] instantAddSince, int[] instantDropSince, boolean shortVarcharsStayOneByte,
                       String widenVarchar) {
        this.product = product;
        this.instantAddSince = instantAddSince;
        this.instantDropSince = instantDropSince;
        this.shortVarcharsStayOneByte = shortVarcharsStayOneByte;
        this.widenVarchar = widenVarchar;
    }

    /**
     * @return MariaDB's rules: INSTANT ADD COLUMN (at the end) from 10.3, INSTANT DROP COLUMN from
     *         10.4, a VARCHAR made longer within its length prefix INSTANT
     */
    static MysqlRules mariaDb() {
        return new MysqlRules("MariaDB", new int[] {10, 3}, new int[] {10, 4}, true, "INSTANT");
    }

    /**
     * @return MySQL's rules: INSTANT ADD COLUMN (at the end) from 8.0.12, INSTANT DROP COLUMN from
     *         8.0.29, a VARCHAR made longer within its length prefix INPLACE (metadata only)
     */
    static MysqlRules mysql() {
        return new MysqlRules("MySQL", new int[] {8, 0, 12}, new int[] {8, 0, 29}, false, "INPLACE");
    }

    private boolean widensInPlace(PlannedChange c) {
        return TypeChanges.widensVarcharInPlace(c.existingType(), c.type(), shortVarcharsStayOneByte);
    }

    @Override
    public List<LintRule> rules(ServerVersion version) {
        List<LintRule> rules = new ArrayList<>();
        rules.add(new LintRule("mysql-alter-type", ChangeKind.ALTER_COLUMN_TYPE,
                (c, s) -> !widensInPlace(c) && !TypeChanges.appendsEnumLabels(c.existingType(), c.type()),
                COPY_LOCK, Rewrite.TABLE_REWRITE, Severity.ERROR,
                c -> TypeChanges.widensVarchar(c.existingType(), c.type())
                        ? "Making " + c.table() + "." + c.name() + " longer (" + c.existingType() + " to " + c.type()
                        + ", 4 bytes a character in utf8mb4) needs a two-byte length prefix, so " + product
                        + " copies the whole table while writes wait."
                        : "Changing the type of " + c.table() + "." + c.name() + " to " + c.type() + " copies the whole "
                        + "table while writes wait: " + product + " refuses ALGORITHM=INPLACE and INSTANT for a type "
                        + "change.",
                c -> "add a column of the new type, fill it in batches and move to it, or use an online schema change "
                        + "tool; .algorithm(Algorithm.INPLACE) makes the server refuse instead of copying."));
        rules.add(new LintRule("mysql-widen-varchar", ChangeKind.ALTER_COLUMN_TYPE,
                (c, s) -> widensInPlace(c) && c.algorithm() == null,
                "ALGORITHM=" + widenVarchar + " (metadata only)", Rewrite.NONE, Severity.INFO,
                c -> "Making " + c.table() + "." + c.name() + " longer keeps the size of its length prefix, so "
                        + product + " changes the catalog only (ALGORITHM=" + widenVarchar + ").",
                c -> "pin it with .algorithm(Algorithm." + widenVarchar + ") so the server refuses rather than "
                        + "copies."));
        rules.add(new LintRule("mysql-append-enum-labels", ChangeKind.ALTER_COLUMN_TYPE,
                (c, s) -> TypeChanges.appendsEnumLabels(c.existingType(), c.type()) && c.algorithm() == null,
                "ALGORITHM=INSTANT", Rewrite.NONE, Severity.INFO,
                c -> "Adding labels at the end of the ENUM of " + c.table() + "." + c.name() + " is INSTANT (the "
                        + "catalog changes only); inserting or removing labels, or reordering them, would copy the "
                        + "table.",
                c -> "pin it with .algorithm(Algorithm.INSTANT) so the server refuses rather than copies."));
        rules.add(new LintRule("mysql-nullability", ChangeKind.SET_NOT_NULL, (c, s) -> c.algorithm() == null,
                "ALGORITHM=INPLACE, LOCK=NONE", Rewrite.IN_PLACE_REBUILD, Severity.WARNING,
                c -> "Making " + c.table() + "." + c.name() + " NOT NULL rebuilds the table in place (reads and writes "
                        + "continue).",
                c -> "pin it with .algorithm(Algorithm.INPLACE).lock(LockMode.NONE) so the server refuses rather than "
                        + "copies, and run it when the rebuild's I/O is affordable."));
        rules.add(new LintRule("mysql-nullability", ChangeKind.DROP_NOT_NULL, (c, s) -> c.algorithm() == null,
                "ALGORITHM=INPLACE, LOCK=NONE", Rewrite.IN_PLACE_REBUILD, Severity.WARNING,
                c -> "Letting " + c.table() + "." + c.name() + " hold NULL rebuilds the table in place (reads and "
                        + "writes continue).",
                c -> "pin it with .algorithm(Algorithm.INPLACE).lock(LockMode.NONE) so the server refuses rather than "
                        + "copies."));
        rules.add(new LintRule("mysql-add-foreign-key", ChangeKind.ADD_FOREIGN_KEY, (c, s) -> true,
                COPY_LOCK, Rewrite.TABLE_REWRITE, Severity.ERROR,
                c -> "Adding foreign key " + c.name() + " on " + c.table() + " copies the whole table while writes "
                        + "wait: with foreign_key_checks on, " + product + " refuses ALGORITHM=INPLACE for it.",
                c -> "declare the key when the table is created, or add it while the table is small; "
                        + ".algorithm(Algorithm.INPLACE) makes the server refuse instead of copying."));
        rules.add(new LintRule("mysql-add-check", ChangeKind.ADD_CHECK, (c, s) -> true,
                COPY_LOCK, Rewrite.TABLE_REWRITE, Severity.ERROR,
                c -> "Adding check constraint " + c.name() + " on " + c.table() + " copies the whole table while writes "
                        + "wait: " + product + " refuses ALGORITHM=INPLACE and INSTANT for it.",
                c -> "enforce the rule in the application or a trigger, or add the check while the table is small; "
                        + ".algorithm(Algorithm.INPLACE) makes the server refuse instead of copying."));
        for (ChangeKind kind : List.of(ChangeKind.CREATE_INDEX, ChangeKind.ADD_UNIQUE)) {
            rules.add(new LintRule("mysql-build-index", kind, (c, s) -> c.algorithm() == null && c.lock() == null,
                    "ALGORITHM=INPLACE, LOCK=NONE", Rewrite.INDEX_BUILD, Severity.INFO,
                    c -> "Building " + (kind == ChangeKind.ADD_UNIQUE ? "unique constraint " : "index ") + c.name()
                            + " on " + c.table() + " reads every row; reads and writes continue.",
                    c -> "pin it with .algorithm(Algorithm.INPLACE).lock(LockMode.NONE) so the server refuses rather "
                            + "than copies or locks."));
        }
        if (!atLeast(version, instantAddSince)) {
            rules.add(copies("mysql-add-column-copy", ChangeKind.ADD_COLUMN, version, "Adding column",
                    instantAddSince));
        }
        if (!atLeast(version, instantDropSince)) {
            rules.add(copies("mysql-drop-column-copy", ChangeKind.DROP_COLUMN, version, "Dropping column",
                    instantDropSince));
        }
        return rules;
    }

    private LintRule copies(String id, ChangeKind kind, ServerVersion version, String what, int[] since) {
        return new LintRule(id, kind, (c, s) -> true, "ALGORITHM=INPLACE (rebuild) or COPY", Rewrite.TABLE_REWRITE,
                Severity.ERROR,
                c -> what + " " + c.table() + "." + c.name() + " rebuilds the whole table on " + product + " "
                        + version.text() + "; it is INSTANT from " + product + " " + versionText(since) + ".",
                c -> "upgrade the server to " + product + " " + versionText(since) + " or later, or run it when the "
                        + "table is small.");
    }

    private static boolean atLeast(ServerVersion v, int[] since) {
        if (v.major() != since[0]) {
            return v.major() > since[0];
        }
        if (v.minor() != since[1]) {
            return v.minor() > since[1];
        }
        return since.length < 3 || v.patch() >= since[2];
    }

    private static String versionText(int[] since) {
        StringBuilder b = new StringBuilder();
        for (int part : since) {
            b.append(b.length() == 0 ? "" : ".").append(part);
        }
        return b.toString();
    }
}
