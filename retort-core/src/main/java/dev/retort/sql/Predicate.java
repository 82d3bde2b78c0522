package dev.retort.sql;

import java.util.List;
import java.util.Objects;

/**
 * A condition: an {@code Expression<Boolean>} for WHERE, HAVING and ON, combined with
 * {@link #and}, {@link #or} and {@link #not()}. The compiler adds parentheses where precedence
 * needs them.
 */
public interface Predicate extends Expression<Boolean> {

    @Override
    default dev.retort.types.SqlType<Boolean> type() {
        return dev.retort.types.SqlTypes.BOOLEAN;
    }

    /**
     * {@code this AND other}.
     *
     * @param other another condition
     * @return the conjunction
     */
    default Predicate and(Predicate other) {
        return Logical.of(Logical.Kind.AND, List.of(this, Objects.requireNonNull(other, "other")));
    }

    /**
     * {@code this OR other}.
     *
     * @param other another condition
     * @return the disjunction
     */
    default Predicate or(Predicate other) {
        return Logical.of(Logical.Kind.OR, List.of(this, Objects.requireNonNull(other, "other")));
    }

    /** @return {@code NOT this} */
    default Predicate not() {
        return new Not(this);
    }
}
