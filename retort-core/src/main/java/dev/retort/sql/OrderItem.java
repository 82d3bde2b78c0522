package dev.retort.sql;

import java.util.Objects;

/**
 * One ORDER BY item.
 *
 * @param expression what to order by
 * @param descending DESC rather than ASC
 * @param nulls where NULLs go
 */
public record OrderItem(Expression<?> expression, boolean descending, Nulls nulls) {

    /** Where NULLs sort; emulated where the dialect has no NULLS FIRST/LAST. */
    public enum Nulls {
        /** The database's default. */
        DEFAULT,
        /** NULLS FIRST. */
        FIRST,
        /** NULLS LAST. */
        LAST
    }

    /** Rejects nulls. */
    public OrderItem {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(nulls, "nulls");
    }

    /** @return the same order with NULLs first */
    public OrderItem nullsFirst() {
        return new OrderItem(expression, descending, Nulls.FIRST);
    }

    /** @return the same order with NULLs last */
    public OrderItem nullsLast() {
        return new OrderItem(expression, descending, Nulls.LAST);
    }
}
