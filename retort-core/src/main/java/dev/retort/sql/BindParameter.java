package dev.retort.sql;

import dev.retort.types.SqlType;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value sent as a bound parameter: anonymous (its value is part of the statement) or named
 * (made by {@link Statements#bindparam}, its value supplied when the statement runs, so one
 * compiled statement serves many values).
 *
 * @param name the parameter name, or {@code null} for an anonymous value
 * @param value the value (anonymous parameters; may be null)
 * @param type the SQL type the value is bound as
 * @param supplier computes the value each time the statement runs (client-side defaults), or {@code null}
 * @param <T> the Java type
 */
public record BindParameter<T>(String name, T value, SqlType<T> type, Supplier<? extends T> supplier)
        implements Expression<T> {

    /**
     * A parameter with a fixed value, or a named one without.
     *
     * @param name the name, or {@code null}
     * @param value the value
     * @param type the type
     */
    public BindParameter(String name, T value, SqlType<T> type) {
        this(name, value, type, null);
    }

    /** Checks the type and the value's class. */
    public BindParameter {
        Objects.requireNonNull(type, "type");
        if (value != null && !type.accepts(value)) {
            throw new IllegalArgumentException("A " + value.getClass().getName() + " cannot be bound as " + type
                    + " (" + type.javaType().getName() + ")");
        }
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitBind(this);
    }

    /** @return whether the value comes from a supplier, called at each execution */
    boolean isSupplied() {
        return supplier != null;
    }

    /** @return the value to bind now: the supplier's, if there is one */
    public Object currentValue() {
        return supplier != null ? supplier.get() : value;
    }

    @Override
    public String toString() {
        return name != null ? ":" + name : "?";
    }
}
