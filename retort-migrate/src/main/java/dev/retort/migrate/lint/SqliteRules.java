package dev.retort.migrate.lint;

import dev.retort.dialect.ServerVersion;
import dev.retort.migrate.ops.ChangeKind;

import java.util.List;

/**
 * SQLite's lint rule: a change its ALTER TABLE cannot make rebuilds the table, copying every row
 * into a new table while the database's write lock is held. SQLite has no online form of it.
 */
final class SqliteRules implements DialectRules {
    @Override
    public List<LintRule> rules(ServerVersion version) {
        return List.of(new LintRule("sqlite-rebuild", ChangeKind.REBUILD_TABLE, (c, s) -> true,
                "the database's write lock (writers wait)", Rewrite.TABLE_REWRITE, Severity.ERROR,
                c -> "SQLite's ALTER TABLE cannot make this change, so table " + c.table() + " may be rebuilt: every "
                        + "row is copied into a new table while other writers wait.",
                c -> "SQLite has no online form; group the table's changes in one ops.batch(...) so it is copied "
                        + "once, and run it when writes can wait."));
    }
}
