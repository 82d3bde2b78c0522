package dev.retort.sql;

import dev.retort.types.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A searched {@code CASE WHEN condition THEN value ... ELSE value END}. Made by
 * {@link Functions#caseWhen}; add branches with {@link #when}, finish with {@link #otherwise}.
 *
 * @param branches the WHEN ... THEN pairs, in order
 * @param otherwise the ELSE value, or {@code null} (NULL)
 * @param type the result type
 * @param <T> the Java type
 */
public record Case<T>(List<Branch<T>> branches, Expression<T> otherwise, SqlType<T> type) implements Expression<T> {

    /**
     * One WHEN ... THEN.
     *
     * @param when the condition
     * @param then the value
     * @param <T> the Java type
     */
    public record Branch<T>(Predicate when, Expression<T> then) {
    }

    /** Copies the branches. */
    public Case {
        branches = List.copyOf(branches);
        Objects.requireNonNull(type, "type");
        if (branches.isEmpty()) {
            throw new IllegalArgumentException("CASE needs at least one WHEN");
        }
    }

    /**
     * Adds a branch with a value.
     *
     * @param condition the condition
     * @param value the value, bound
     * @return a new CASE
     */
    public Case<T> when(Predicate condition, T value) {
        return when(condition, new BindParameter<>(null, value, type));
    }

    /**
     * Adds a branch with an expression.
     *
     * @param condition the condition
     * @param value the expression
     * @return a new CASE
     */
    public Case<T> when(Predicate condition, Expression<T> value) {
        List<Branch<T>> list = new ArrayList<>(branches);
        list.add(new Branch<>(Objects.requireNonNull(condition, "condition"), Objects.requireNonNull(value, "value")));
        return new Case<>(list, otherwise, type);
    }

    /**
     * Sets the ELSE value.
     *
     * @param value the value, bound
     * @return a new CASE
     */
    public Case<T> otherwise(T value) {
        return new Case<>(branches, new BindParameter<>(null, value, type), type);
    }

    /**
     * Sets the ELSE expression.
     *
     * @param value the expression
     * @return a new CASE
     */
    public Case<T> otherwise(Expression<T> value) {
        return new Case<>(branches, Objects.requireNonNull(value, "value"), type);
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitCase(this);
    }
}
