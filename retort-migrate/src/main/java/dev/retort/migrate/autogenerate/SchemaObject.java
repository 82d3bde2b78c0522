package dev.retort.migrate.autogenerate;

import java.util.Objects;

/**
 * Something autogenerate compares, as given to the ignore predicate of
 * {@link AutogenerateOptions#ignore}: a table, a column, an index, a constraint or a named enum
 * type, in the model or the database. Immutable.
 *
 * @param kind what it is
 * @param table the table's name (for a table, its own name; for an enum type, {@code null})
 * @param name the object's name: the table's, the column's, the index's, the constraint's (which
 *             may be {@code null} for a constraint the database keeps unnamed), the type's
 */
public record SchemaObject(Kind kind, String table, String name) {
    /** The kinds of object. */
    public enum Kind {
        /** A table. */
        TABLE,
        /** A column of a table. */
        COLUMN,
        /** An index. */
        INDEX,
        /** A UNIQUE constraint. */
        UNIQUE_CONSTRAINT,
        /** A foreign key. */
        FOREIGN_KEY,
        /** A named enum type (PostgreSQL). */
        ENUM_TYPE
    }

    /**
     * Rejects a null kind.
     *
     * @param kind what it is
     * @param table the table's name, or {@code null} for an enum type
     * @param name the object's name, or {@code null} for an unnamed constraint
     */
    public SchemaObject {
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * A table.
     *
     * @param name the table's name
     * @return the object
     */
    public static SchemaObject table(String name) {
        return new SchemaObject(Kind.TABLE, name, name);
    }

    /**
     * A column.
     *
     * @param table the table's name
     * @param name the column's name
     * @return the object
     */
    public static SchemaObject column(String table, String name) {
        return new SchemaObject(Kind.COLUMN, table, name);
    }
}
