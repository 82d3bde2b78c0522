package dev.retort.orm;

/**
 * An SQL type for {@link Column#type()}, where the Java type's default does not fit.
 */
public enum ColumnType {
    /** The Java type's default. */
    DEFAULT,
    /** Unbounded text ({@code TEXT}) for a {@code String}, instead of {@code VARCHAR(255)}. */
    TEXT,
    /** A JSON document held as a {@code String}. */
    JSON,
    /** A {@code UUID} stored as 16 bytes instead of text (native {@code UUID} on PostgreSQL either way). */
    UUID_BINARY
}
