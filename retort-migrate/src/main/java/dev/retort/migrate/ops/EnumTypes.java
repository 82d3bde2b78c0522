package dev.retort.migrate.ops;

/**
 * Whether {@link Operations#createTable(dev.retort.schema.Table, EnumTypes)} creates the
 * PostgreSQL enum types the table's columns use. Other databases have no named enum types and
 * ignore it.
 */
public enum EnumTypes {
    /** Create each enum type the columns use, before the table (what {@code createTable(table)} does). */
    CREATE,
    /**
     * The enum types exist already (made by {@link Operations#createEnumType} or an earlier
     * revision, or used by another table): create the table alone.
     */
    EXISTING
}
