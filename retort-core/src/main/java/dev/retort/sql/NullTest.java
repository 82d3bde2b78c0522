package dev.retort.sql;

/**
 * {@code operand IS NULL} or {@code IS NOT NULL}.
 *
 * @param operand the tested expression
 * @param negated true for IS NOT NULL
 */
public record NullTest(Expression<?> operand, boolean negated) implements Predicate {
    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitNullTest(this);
    }
}
