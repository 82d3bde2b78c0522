package dev.retort.types;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * A type for your own Java class, stored as an existing type and converted on the way in and out
 * (SQLAlchemy's {@code TypeDecorator}). Made by {@link SqlType#map}. DDL uses the stored type.
 *
 * @param <U> the Java type the application sees
 * @param <T> the Java type of the stored type
 */
public final class MappedType<U, T> extends SqlType<U> {
    private final SqlType<T> stored;
    private final Function<? super T, ? extends U> fromStored;
    private final Function<? super U, ? extends T> toStored;

    MappedType(Class<U> javaType, SqlType<T> stored, Function<? super T, ? extends U> fromStored,
               Function<? super U, ? extends T> toStored) {
        super(javaType);
        this.stored = Objects.requireNonNull(stored, "stored");
        this.fromStored = Objects.requireNonNull(fromStored, "fromStored");
        this.toStored = Objects.requireNonNull(toStored, "toStored");
    }

    /** @return the type values are stored as */
    public SqlType<T> stored() {
        return stored;
    }

    /**
     * Converts an application value to the stored form.
     *
     * @param value the value, or null
     * @return the stored value, or null
     */
    public T toStored(U value) {
        return value == null ? null : toStored.apply(value);
    }

    /**
     * Converts a stored value to the application's form.
     *
     * @param value the stored value, or null
     * @return the application value, or null
     */
    public U fromStored(T value) {
        return value == null ? null : fromStored.apply(value);
    }

    @Override
    public <R> R accept(TypeVisitor<R> visitor) {
        return visitor.visitMapped(this);
    }

    @Override
    protected Object parameters() {
        return Arrays.asList(stored, fromStored, toStored);
    }

    @Override
    public String toString() {
        return javaType().getSimpleName() + " as " + stored;
    }
}
