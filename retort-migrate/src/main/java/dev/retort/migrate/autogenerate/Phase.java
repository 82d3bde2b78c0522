package dev.retort.migrate.autogenerate;

/**
 * Where an operation goes in a generated {@code upgrade}: an order that works whatever the
 * changes, since every step only needs what earlier phases made. The {@code downgrade} runs the
 * inverse operations in the reverse order.
 */
enum Phase {
    /** New enum types, new and renamed labels: before columns use them. */
    ENUM_TYPES_FIRST,
    /** Foreign keys that go or change: before the columns and tables they involve change. */
    DROP_FOREIGN_KEYS,
    /** Indexes and unique constraints that go or change. */
    DROP_INDEXES,
    /** Tables renamed by a declared rename. */
    RENAME_TABLES,
    /** Columns renamed by a declared rename. */
    RENAME_COLUMNS,
    /** New tables, each after those it refers to. */
    CREATE_TABLES,
    /** New columns and changed columns. */
    COLUMNS,
    /** New indexes and unique constraints. */
    ADD_INDEXES,
    /** New foreign keys: after the tables, columns and keys they refer to. */
    ADD_FOREIGN_KEYS,
    /** Columns that go. */
    DROP_COLUMNS,
    /** Tables that go, each before those it refers to. */
    DROP_TABLES,
    /** Enum types recreated without labels, and types no column uses any more. */
    ENUM_TYPES_LAST
}
