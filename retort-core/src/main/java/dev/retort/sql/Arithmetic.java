package dev.retort.sql;

import dev.retort.types.SqlType;

import java.util.Objects;

/**
 * {@code left op right} for an arithmetic or concatenation operator; typed like its left operand.
 *
 * @param left the left operand
 * @param operator the operator
 * @param right the right operand
 * @param <T> the Java type
 */
public record Arithmetic<T>(Expression<T> left, Operator operator, Expression<?> right) implements Expression<T> {
    /** Rejects nulls. */
    public Arithmetic {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public SqlType<T> type() {
        return left.type();
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitArithmetic(this);
    }
}
