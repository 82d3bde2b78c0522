package dev.retort.dialect;

import java.util.Set;

/**
 * What already exists in the database when DDL is planned with {@code checkFirst}: table names
 * (qualified as {@code schema.name} when a schema is given), enum type names and sequence names.
 *
 * @param tables existing tables
 * @param types existing named types (PostgreSQL enums)
 * @param sequences existing sequences
 */
public record ExistingObjects(Set<String> tables, Set<String> types, Set<String> sequences) {
    /** Nothing exists: plan everything (offline scripts, or checkFirst off). */
    public static final ExistingObjects NONE = new ExistingObjects(Set.of(), Set.of(), Set.of());

    /** Copies the sets. */
    public ExistingObjects {
        tables = Set.copyOf(tables);
        types = Set.copyOf(types);
        sequences = Set.copyOf(sequences);
    }

    /**
     * The key a table has in {@link #tables()}.
     *
     * @param schema the schema, or {@code null}
     * @param name the table name
     * @return {@code schema.name} or {@code name}
     */
    public static String key(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }
}
