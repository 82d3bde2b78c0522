package dev.retort.sql;

import dev.retort.types.SqlType;

import java.util.Objects;

/**
 * A function evaluated over a window: {@code ROW_NUMBER() OVER (...)}, {@code SUM(x) OVER (...)}.
 *
 * @param function the function
 * @param window the window
 * @param <T> the result type
 */
public record WindowFunction<T>(FunctionCall<T> function, Window window) implements Expression<T> {
    /** Rejects nulls. */
    public WindowFunction {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(window, "window");
    }

    @Override
    public SqlType<T> type() {
        return function.type();
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitWindow(this);
    }
}
