package dev.retort.sql;

/**
 * {@code operand [NOT] BETWEEN low AND high}.
 *
 * @param operand the tested expression
 * @param low the lower bound
 * @param high the upper bound
 * @param negated true for NOT BETWEEN
 */
public record Between(Expression<?> operand, Expression<?> low, Expression<?> high, boolean negated) implements Predicate {
    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitBetween(this);
    }
}
