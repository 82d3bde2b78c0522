package dev.retort.sql;

import java.util.Objects;

/**
 * {@code left op right} for a comparison operator.
 *
 * @param left the left operand
 * @param operator the operator
 * @param right the right operand
 */
public record Comparison(Expression<?> left, Operator operator, Expression<?> right) implements Predicate {
    /** Rejects nulls. */
    public Comparison {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitComparison(this);
    }
}
