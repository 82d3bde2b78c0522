package dev.retort.sql;

import java.util.List;

/**
 * {@code operand [NOT] IN (values...)}. An empty list renders a condition that is always false
 * (always true for NOT IN), which every database accepts.
 *
 * @param operand the tested expression
 * @param values the values
 * @param negated true for NOT IN
 */
public record InList(Expression<?> operand, List<Expression<?>> values, boolean negated) implements Predicate {
    /** Copies the values. */
    public InList {
        values = List.copyOf(values);
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitInList(this);
    }
}
