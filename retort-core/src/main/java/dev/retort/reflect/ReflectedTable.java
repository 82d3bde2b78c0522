package dev.retort.reflect;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything read about one table. Immutable; turn it into a {@link dev.retort.schema.Table}
 * with {@link TableFactory#create}.
 *
 * @param schema the schema as asked for ({@code null} for the connection's default)
 * @param name the table name, as stored
 * @param comment the table comment, or {@code null}
 * @param columns the columns, in table order
 * @param primaryKey the primary key, or {@code null}
 * @param foreignKeys the foreign keys
 * @param uniqueConstraints the UNIQUE constraints
 * @param checkConstraints the CHECK constraints (not those a Retort type implies, such as
 *                         SQLite's enum check or MariaDB's {@code json_valid})
 * @param indexes the indexes that no constraint owns and the database did not create by itself
 */
public record ReflectedTable(String schema, String name, String comment, List<ReflectedColumn> columns,
                             ReflectedPrimaryKey primaryKey, List<ReflectedForeignKey> foreignKeys,
                             List<ReflectedUniqueConstraint> uniqueConstraints,
                             List<ReflectedCheckConstraint> checkConstraints, List<ReflectedIndex> indexes) {
    /** Copies the lists. */
    public ReflectedTable {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
        uniqueConstraints = List.copyOf(uniqueConstraints);
        checkConstraints = List.copyOf(checkConstraints);
        indexes = List.copyOf(indexes);
    }

    /** @return the primary key, if the table has one */
    public Optional<ReflectedPrimaryKey> optionalPrimaryKey() {
        return Optional.ofNullable(primaryKey);
    }

    /** @return the table comment, if any */
    public Optional<String> optionalComment() {
        return Optional.ofNullable(comment);
    }

    /**
     * A column by name.
     *
     * @param columnName the name (exact)
     * @return the column, if there is one
     */
    public Optional<ReflectedColumn> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
