package dev.retort.orm;

import dev.retort.types.SqlType;

/**
 * Stores a Java type Retort does not map itself through one it does: a {@code Money} as a
 * {@code BigDecimal}, a {@code Path} as text. Used with {@link Convert}; implementations need a public
 * no-argument constructor and must not keep state.
 *
 * <pre>{@code
 * public final class PathConverter implements AttributeConverter<Path, String> {
 *     public SqlType<String> storedType() { return SqlTypes.TEXT; }
 *     public String toStored(Path p) { return p.toString(); }
 *     public Path fromStored(String s) { return Path.of(s); }
 * }
 * }</pre>
 *
 * @param <A> the field's type
 * @param <S> the stored type
 */
public interface AttributeConverter<A, S> {

    /** @return the SQL type the value is stored as */
    SqlType<S> storedType();

    /**
     * @param value the field's value, never {@code null}
     * @return the value to store
     */
    S toStored(A value);

    /**
     * @param stored the stored value, never {@code null}
     * @return the field's value
     */
    A fromStored(S stored);
}
