package dev.retort.types;

import java.util.List;

/**
 * A one-dimensional array of another type, read and written as a {@link List}: PostgreSQL only
 * ({@code INTEGER[]}, {@code TEXT[]}, ...). Other dialects refuse it in DDL.
 *
 * @param <E> the element's Java type
 */
public final class ArrayType<E> extends SqlType<List<E>> {
    private final SqlType<E> elementType;

    @SuppressWarnings({"unchecked", "rawtypes"})
    ArrayType(SqlType<E> elementType) {
        super((Class) List.class);
        this.elementType = elementType;
    }

    /** @return the type of each element */
    public SqlType<E> elementType() {
        return elementType;
    }

    @Override
    public <R> R accept(TypeVisitor<R> visitor) {
        return visitor.visitArray(this);
    }

    @Override
    protected Object parameters() {
        return elementType;
    }

    @Override
    public String toString() {
        return elementType + "[]";
    }
}
