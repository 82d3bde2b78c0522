package dev.retort.orm;

/** Where a {@link Generated} key comes from. */
public enum GenerationStrategy {
    /** An identity or auto-increment column (SQLite's rowid); the key is read back at insert. */
    IDENTITY,
    /** A sequence's next value as the column's default (PostgreSQL, MariaDB 10.3+); read back at insert. */
    SEQUENCE,
    /** A random {@code java.util.UUID} set by Retort when the object is added. */
    UUID
}
