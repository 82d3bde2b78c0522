package dev.retort.migrate.lint;

import dev.retort.dialect.ServerVersion;
import dev.retort.migrate.ops.ChangeKind;
import dev.retort.migrate.ops.PlannedChange;
import dev.retort.schema.ServerDefault;

import java.util.List;
import java.util.regex.Pattern;

/**
 * PostgreSQL's lint rules, from the lock levels of its ALTER TABLE and CREATE INDEX reference
 * pages (PostgreSQL 11+ adds a column with a non-volatile default without a rewrite; 12+ sets NOT
 * NULL without a scan when a valid CHECK proves it).
 */
final class PostgresRules implements DialectRules {
    /**
     * VOLATILE functions (pg_proc.provolatile = 'v'), whose value differs per row, so a default made
     * of them rewrites the table when the column is added. STABLE ones ({@code now()},
     * {@code txid_current()}, {@code statement_timestamp()}) are evaluated once and kept in the
     * catalog, without a rewrite (checked on PostgreSQL 15 by the table's file node).
     */
    private static final Pattern VOLATILE = Pattern.compile("(?i)\\b(random|clock_timestamp|timeofday|gen_random_uuid"
            + "|uuid_generate_v[14]\\w*|nextval)\\s*\\(");

    private static final String ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE (blocks reads and writes)";

    @Override
    public List<LintRule> rules(ServerVersion version) {
        boolean notNullByCheck = version.atLeast(12, 0);
        return List.of(
                new LintRule("pg-create-index", ChangeKind.CREATE_INDEX, (c, s) -> !c.concurrently(),
                        "SHARE (blocks writes)", Rewrite.INDEX_BUILD, Severity.WARNING,
                        c -> "Building index " + c.name() + " on " + c.table() + " blocks writes to the table until "
                                + "the index is built.",
                        c -> "build it with .concurrently() (CREATE INDEX CONCURRENTLY: writes continue; the "
                                + "revision then runs without a transaction, so give the index a revision of its own)."),
                new LintRule("pg-add-unique", ChangeKind.ADD_UNIQUE, (c, s) -> true,
                        ACCESS_EXCLUSIVE, Rewrite.INDEX_BUILD, Severity.WARNING,
                        c -> "Adding unique constraint " + c.name() + " builds its index on " + c.table()
                                + " while reads and writes wait.",
                        c -> "create a unique index with ops.createUniqueIndex(...).concurrently() instead; it "
                                + "enforces the same rule."),
                new LintRule("pg-add-column-volatile-default", ChangeKind.ADD_COLUMN, (c, s) -> volatileFill(c),
                        ACCESS_EXCLUSIVE, Rewrite.TABLE_REWRITE, Severity.ERROR,
                        c -> "Adding column " + c.table() + "." + c.name() + " "
                                + (c.autoincrement() ? "filled by a sequence or identity"
                                : "with the volatile default " + c.serverDefault().expression())
                                + " rewrites the whole table while reads and writes wait.",
                        c -> "add the column without that default, set the default for new rows with "
                                + "alterColumn(..., a -> a.serverDefault(...)), fill the existing rows in batches, "
                                + "then make it NOT NULL."),
                new LintRule("pg-alter-type", ChangeKind.ALTER_COLUMN_TYPE,
                        (c, s) -> !TypeChanges.postgresKeepsRows(c.existingType(), c.type()),
                        ACCESS_EXCLUSIVE, Rewrite.TABLE_REWRITE, Severity.ERROR,
                        c -> "Changing the type of " + c.table() + "." + c.name()
                                + (c.existingType() == null ? " to " + c.type() + " rewrites the whole table (unless it "
                                + "only makes a VARCHAR longer, or VARCHAR into TEXT: give existingType(...) so lint can "
                                + "tell)" : " from " + c.existingType() + " to " + c.type() + " rewrites the whole table")
                                + " while reads and writes wait.",
                        c -> "add a column of the new type, fill it in batches, move readers and writers to it, "
                                + "then drop the old column."),
                new LintRule("pg-add-foreign-key", ChangeKind.ADD_FOREIGN_KEY, (c, s) -> !c.notValid(),
                        "SHARE ROW EXCLUSIVE on both tables (blocks writes)", Rewrite.SCAN, Severity.WARNING,
                        c -> "Adding foreign key " + c.name() + " on " + c.table() + " checks every row while writes "
                                + "to both tables wait.",
                        c -> "add it with .notValid() (new rows are checked at once), then check the existing rows "
                                + "with ops.validateConstraint(\"" + c.name() + "\", \"" + c.table() + "\") in a later "
                                + "revision (SHARE UPDATE EXCLUSIVE: reads and writes continue)."),
                new LintRule("pg-add-check", ChangeKind.ADD_CHECK, (c, s) -> !c.notValid(),
                        ACCESS_EXCLUSIVE, Rewrite.SCAN, Severity.WARNING,
                        c -> "Adding check constraint " + c.name() + " on " + c.table() + " checks every row while "
                                + "reads and writes wait.",
                        c -> "add it with .notValid(), then ops.validateConstraint(\"" + c.name() + "\", \""
                                + c.table() + "\") in a later revision (SHARE UPDATE EXCLUSIVE: reads and writes "
                                + "continue)."),
                new LintRule("pg-set-not-null", ChangeKind.SET_NOT_NULL,
                        (c, s) -> !(notNullByCheck && s.provenNotNull(c.table(), c.name())),
                        ACCESS_EXCLUSIVE, Rewrite.SCAN, Severity.WARNING,
                        c -> "Making " + c.table() + "." + c.name() + " NOT NULL checks every row while reads and "
                                + "writes wait.",
                        c -> notNullByCheck
                                ? "first ops.addCheckConstraint(\"ck_" + c.table() + "_" + c.name() + "_not_null\", \""
                                + c.table() + "\", \"" + c.name() + " IS NOT NULL\").notValid(), then "
                                + "ops.validateConstraint(...) in a later revision; SET NOT NULL after that skips the "
                                + "scan, and the check can be dropped."
                                : "none before PostgreSQL 12; run it when the table is small or writes can wait."));
    }

    private static boolean volatileFill(PlannedChange c) {
        if (c.autoincrement()) {
            return true;
        }
        ServerDefault d = c.serverDefault();
        return d != null && d.isExpression() && VOLATILE.matcher(d.expression()).find();
    }
}
