package dev.retort.sql;

import dev.retort.types.SqlType;

import java.util.Objects;

/**
 * {@code CAST(operand AS type)}, the type named by the dialect.
 *
 * @param operand the expression
 * @param type the target type
 * @param <T> the Java type of the target
 */
public record Cast<T>(Expression<?> operand, SqlType<T> type) implements Expression<T> {
    /** Rejects nulls. */
    public Cast {
        Objects.requireNonNull(operand, "operand");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitCast(this);
    }
}
