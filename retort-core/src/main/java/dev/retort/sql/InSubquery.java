package dev.retort.sql;

import java.util.Objects;

/**
 * {@code operand [NOT] IN (subquery)}.
 *
 * @param operand the tested expression
 * @param select the subquery, selecting one column
 * @param negated NOT IN
 */
public record InSubquery(Expression<?> operand, Select select, boolean negated) implements Predicate {
    /** Rejects nulls and subqueries of several columns. */
    public InSubquery {
        Objects.requireNonNull(operand, "operand");
        Objects.requireNonNull(select, "select");
        if (select.items().size() != 1) {
            throw new IllegalArgumentException("in(subquery): the subquery must select one column, it selects "
                    + select.items().size());
        }
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitInSubquery(this);
    }
}
