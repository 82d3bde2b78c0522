package dev.retort.types;

import java.util.Objects;
import java.util.function.Function;

/**
 * A SQL type and the Java type its values have. Immutable and thread-safe; two types are equal
 * when they are of the same kind with the same parameters (length, precision, ...).
 *
 * <p>Make types with {@link SqlTypes}. {@link #map} derives a type for your own Java class from
 * an existing one (SQLAlchemy's {@code TypeDecorator}):
 *
 * <pre>{@code
 * SqlType<Money> MONEY = SqlTypes.numeric(12, 2).map(Money.class, Money::new, Money::amount);
 * }</pre>
 *
 * @param <T> the Java type of values
 */
public abstract class SqlType<T> {
    private final Class<T> javaType;

    /**
     * For subclasses.
     *
     * @param javaType the Java class of values
     */
    protected SqlType(Class<T> javaType) {
        this.javaType = Objects.requireNonNull(javaType, "javaType");
    }

    /** @return the Java class of values of this type */
    public final Class<T> javaType() {
        return javaType;
    }

    /**
     * Dispatches to the visitor method for this kind of type.
     *
     * @param visitor the visitor (a dialect's type compiler or codec factory)
     * @param <R> what it returns
     * @return its result
     */
    public abstract <R> R accept(TypeVisitor<R> visitor);

    /**
     * A type for another Java class, stored as this type: values are converted on the way in
     * and out.
     *
     * @param javaType the new Java class
     * @param fromStored converts a stored value into the new class (never given null)
     * @param toStored converts a value of the new class into the stored type (never given null)
     * @param <U> the new Java type
     * @return the mapped type
     */
    public <U> MappedType<U, T> map(Class<U> javaType, Function<? super T, ? extends U> fromStored,
                                    Function<? super U, ? extends T> toStored) {
        return new MappedType<>(javaType, this, fromStored, toStored);
    }

    /**
     * Whether a Java value may be bound as this type.
     *
     * @param value a value
     * @return {@code true} if it is null or an instance of the Java type
     */
    public boolean accepts(Object value) {
        return value == null || javaType.isInstance(value);
    }

    /** @return the type as Retort writes it, e.g. {@code VARCHAR(40)} */
    @Override
    public abstract String toString();

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((SqlType<?>) o).javaType == javaType
                && ((SqlType<?>) o).parameters().equals(parameters());
    }

    @Override
    public int hashCode() {
        return getClass().hashCode() * 31 + parameters().hashCode();
    }

    /**
     * The parameters that distinguish one type of this kind from another, for equality.
     *
     * @return a value-comparable object; an empty list when the kind has no parameters
     */
    protected Object parameters() {
        return java.util.List.of();
    }
}
