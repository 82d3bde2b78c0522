package dev.retort.migrate.autogenerate;

import java.util.Objects;
import java.util.Optional;

/**
 * One difference between the model and the database, as the operation that closes it: a table
 * to add, a column to alter, a foreign key to drop. Immutable.
 */
public final class SchemaChange {
    /** The kinds of difference. */
    public enum Kind {
        /** A table of the model is missing from the database. */
        ADD_TABLE,
        /** A table of the database is not in the model. */
        DROP_TABLE,
        /** A declared table rename. */
        RENAME_TABLE,
        /** A column of the model is missing. */
        ADD_COLUMN,
        /** A column of the database is not in the model. */
        DROP_COLUMN,
        /** A declared column rename. */
        RENAME_COLUMN,
        /** A column's type, nullability or server default differs. */
        ALTER_COLUMN,
        /** An index of the model is missing. */
        ADD_INDEX,
        /** An index of the database is not in the model (or differs from it). */
        DROP_INDEX,
        /** A unique constraint of the model is missing. */
        ADD_UNIQUE_CONSTRAINT,
        /** A unique constraint of the database is not in the model (or differs from it). */
        DROP_UNIQUE_CONSTRAINT,
        /** A foreign key of the model is missing. */
        ADD_FOREIGN_KEY,
        /** A foreign key of the database is not in the model (or differs from it). */
        DROP_FOREIGN_KEY,
        /** A named enum type of the model is missing (PostgreSQL). */
        CREATE_ENUM_TYPE,
        /** A named enum type no column uses any more. */
        DROP_ENUM_TYPE,
        /** Labels the model adds to an enum type. */
        ADD_ENUM_VALUES,
        /** A declared rename of an enum label. */
        RENAME_ENUM_VALUE,
        /** Labels the model removes or reorders: the type is made anew. */
        RECREATE_ENUM_TYPE,
        /** A difference autogenerate does not write operations for (a primary key, say); the revision says so. */
        UNSUPPORTED
    }

    private final Kind kind;
    private final String table;
    private final String name;
    private final String description;
    private final String destructive;

    SchemaChange(Kind kind, String table, String name, String description, String destructive) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.table = table;
        this.name = name;
        this.description = Objects.requireNonNull(description, "description");
        this.destructive = destructive;
    }

    /** @return what kind of difference */
    public Kind kind() {
        return kind;
    }

    /** @return the table concerned, as the model names it (the database's name for a dropped table); {@code null} for an enum type */
    public String table() {
        return table;
    }

    /** @return the object's name: the table, column, index, constraint or type; may be {@code null} for an unnamed constraint */
    public String name() {
        return name;
    }

    /** @return the difference in words, e.g. {@code add column track.rating SMALLINT NOT NULL} */
    public String description() {
        return description;
    }

    /** @return what data the upgrade may lose to close the difference, if it may */
    public Optional<String> destructive() {
        return Optional.ofNullable(destructive);
    }

    @Override
    public String toString() {
        return description + (destructive == null ? "" : " [destructive: " + destructive + "]");
    }
}
