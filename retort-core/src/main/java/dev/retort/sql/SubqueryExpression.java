package dev.retort.sql;

import dev.retort.types.SqlType;

import java.util.Objects;

/**
 * A SELECT used as a value: a scalar subquery ({@code (SELECT max(x) FROM t)}), or the right
 * side of {@code IN} / {@code EXISTS}. Tables of the enclosing statement that the subquery's own
 * FROM would repeat are left out of it (automatic correlation).
 *
 * @param select the subquery
 * @param type the type of its single column
 * @param <T> the Java type
 */
public record SubqueryExpression<T>(Select select, SqlType<T> type) implements Expression<T> {
    /** Rejects nulls. */
    public SubqueryExpression {
        Objects.requireNonNull(select, "select");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitSubquery(this);
    }
}
