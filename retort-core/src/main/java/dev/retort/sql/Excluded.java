package dev.retort.sql;

import dev.retort.types.SqlType;

import java.util.Objects;

/**
 * In an upsert's update, the value the INSERT tried to write for a column:
 * {@code EXCLUDED.col} on PostgreSQL and SQLite, {@code VALUES(col)} on MariaDB.
 *
 * @param column the column
 * @param <T> its type
 */
public record Excluded<T>(ColumnReference<T> column) implements Expression<T> {
    /** Rejects null. */
    public Excluded {
        Objects.requireNonNull(column, "column");
    }

    /**
     * The inserted value of a column.
     *
     * @param column the column
     * @param <T> its type
     * @return the expression
     */
    public static <T> Excluded<T> of(ColumnReference<T> column) {
        return new Excluded<>(column);
    }

    @Override
    public SqlType<T> type() {
        return column.type();
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitExcluded(this);
    }
}
