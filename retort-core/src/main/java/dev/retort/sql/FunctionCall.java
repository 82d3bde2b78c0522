package dev.retort.sql;

import dev.retort.types.SqlType;

import java.util.List;
import java.util.Objects;

/**
 * A SQL function call: {@code name(arguments...)}, or {@code name(*)}, optionally
 * {@code DISTINCT}. Made by {@link Functions}.
 *
 * @param name the function name, as SQL writes it
 * @param arguments the arguments
 * @param type the result type
 * @param star whether the argument is {@code *} (COUNT(*))
 * @param distinct whether the arguments are DISTINCT (aggregates)
 * @param <T> the Java type of the result
 */
public record FunctionCall<T>(String name, List<Expression<?>> arguments, SqlType<T> type, boolean star,
                              boolean distinct) implements Expression<T> {
    /** Checks the name and copies the arguments. */
    public FunctionCall {
        Objects.requireNonNull(type, "type");
        if (!SqlNames.isQualifiedName(name)) {
            throw new IllegalArgumentException("Function name '" + name + "' is not a plain SQL identifier");
        }
        arguments = List.copyOf(arguments);
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitFunction(this);
    }
}
