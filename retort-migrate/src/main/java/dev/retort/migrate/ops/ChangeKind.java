package dev.retort.migrate.ops;

/** What a {@link PlannedChange} does to the schema, for {@code lint}'s rules. */
public enum ChangeKind {
    /** CREATE TABLE. */
    CREATE_TABLE,
    /** DROP TABLE. */
    DROP_TABLE,
    /** ALTER TABLE ... RENAME TO. */
    RENAME_TABLE,
    /** ADD COLUMN. */
    ADD_COLUMN,
    /** DROP COLUMN. */
    DROP_COLUMN,
    /** RENAME COLUMN. */
    RENAME_COLUMN,
    /** A column's type changes. */
    ALTER_COLUMN_TYPE,
    /** A column becomes NOT NULL. */
    SET_NOT_NULL,
    /** A column allows NULL from now on. */
    DROP_NOT_NULL,
    /** A column's server default is set or dropped. */
    ALTER_DEFAULT,
    /** CREATE [UNIQUE] INDEX on an existing table. */
    CREATE_INDEX,
    /** DROP INDEX. */
    DROP_INDEX,
    /** ADD a UNIQUE constraint. */
    ADD_UNIQUE,
    /** ADD a FOREIGN KEY. */
    ADD_FOREIGN_KEY,
    /** ADD a CHECK constraint. */
    ADD_CHECK,
    /** DROP a constraint. */
    DROP_CONSTRAINT,
    /** VALIDATE CONSTRAINT (after NOT VALID). */
    VALIDATE_CONSTRAINT,
    /** The table is rebuilt: copied into a new table with the changes (SQLite). */
    REBUILD_TABLE,
    /** Anything else: enum types, raw SQL, data. */
    OTHER
}
