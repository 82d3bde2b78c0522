package dev.retort.migrate.lint;

/** What a change does to a table's rows, besides the lock it takes. */
public enum Rewrite {
    /** Nothing: the catalog changes only. */
    NONE,
    /** Every row is read (to check a constraint) but not written. */
    SCAN,
    /** An index is built from every row. */
    INDEX_BUILD,
    /** The table is rebuilt inside the storage engine while reads and writes may continue (MariaDB ALGORITHM=INPLACE). */
    IN_PLACE_REBUILD,
    /** Every row is written anew: a rewrite (PostgreSQL), a copy (MariaDB ALGORITHM=COPY, SQLite rebuild). */
    TABLE_REWRITE
}
