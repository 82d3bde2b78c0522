package dev.retort.schema;

/**
 * A PostgreSQL sequence, created and dropped with its MetaData's tables. Make one with
 * {@link MetaData#sequence(String)}; use it with {@link ColumnOptions#sequence(Sequence)}.
 * Other databases have no sequences and refuse them in DDL.
 *
 * @param schema the schema, or {@code null} for the default
 * @param name the sequence name
 * @param start the first value
 * @param increment the step
 */
public record Sequence(String schema, String name, long start, long increment) {
}
