package dev.retort.sql;

import java.util.Objects;

/**
 * {@code [NOT] EXISTS (subquery)}.
 *
 * @param select the subquery
 * @param negated NOT EXISTS
 */
public record Exists(Select select, boolean negated) implements Predicate {
    /** Rejects null. */
    public Exists {
        Objects.requireNonNull(select, "select");
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitExists(this);
    }
}
