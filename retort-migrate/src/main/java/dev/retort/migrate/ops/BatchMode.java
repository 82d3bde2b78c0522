package dev.retort.migrate.ops;

/** How {@link Operations#batch} applies a group of changes to one table. */
public enum BatchMode {
    /**
     * ALTER TABLE statements where the database can make every change that way; otherwise one
     * rebuild of the table with all the changes (SQLite: new table, copy of the rows, old table
     * dropped, new one renamed, indexes recreated).
     */
    AUTO,
    /**
     * Always rebuild the table, even for changes ALTER TABLE could make. Only on databases that
     * cannot alter constraints (SQLite); elsewhere refused, since AUTO alters in place there.
     */
    REBUILD
}
