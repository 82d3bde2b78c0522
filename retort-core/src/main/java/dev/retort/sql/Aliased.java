package dev.retort.sql;

import dev.retort.types.SqlType;

import java.util.Objects;

/**
 * An expression named in a select list: {@code expression AS alias}.
 *
 * @param expression the expression
 * @param alias the name
 * @param <T> the Java type
 */
public record Aliased<T>(Expression<T> expression, String alias) implements Expression<T> {
    /** Rejects nulls and blank aliases. */
    public Aliased {
        Objects.requireNonNull(expression, "expression");
        if (alias == null || alias.isBlank()) {
            throw new IllegalArgumentException("as(alias): the alias is null or blank");
        }
    }

    @Override
    public SqlType<T> type() {
        return expression.type();
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitAliased(this);
    }
}
