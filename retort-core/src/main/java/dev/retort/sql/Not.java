package dev.retort.sql;

import java.util.Objects;

/**
 * {@code NOT operand}.
 *
 * @param operand the negated condition
 */
public record Not(Predicate operand) implements Predicate {
    /** Rejects null. */
    public Not {
        Objects.requireNonNull(operand, "operand");
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitNot(this);
    }
}
