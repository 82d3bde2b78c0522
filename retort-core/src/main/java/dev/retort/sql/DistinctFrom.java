package dev.retort.sql;

import java.util.Objects;

/**
 * {@code left IS [NOT] DISTINCT FROM right}: equality that treats two NULLs as equal (rendered
 * {@code <=>} on MariaDB, {@code IS} / {@code IS NOT} on SQLite).
 *
 * @param left the left operand
 * @param right the right operand
 * @param negated IS NOT DISTINCT FROM (null-safe equality)
 */
public record DistinctFrom(Expression<?> left, Expression<?> right, boolean negated) implements Predicate {
    /** Rejects nulls. */
    public DistinctFrom {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitDistinctFrom(this);
    }
}
