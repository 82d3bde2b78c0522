package dev.retort.sql;

import dev.retort.types.SqlType;

import java.util.List;
import java.util.Map;

/**
 * What INSERT, UPDATE and DELETE share: a target table, a memoised {@link Shape}, and the
 * {@link Executable} methods computed from it. Package-private base; the statements are
 * immutable.
 */
abstract class DataChange implements Executable, Shape.Walkable {
    private volatile Shape shape;

    /** @return the RETURNING list; empty when the statement returns no rows */
    public abstract List<Expression<?>> returning();

    @Override
    public final List<Expression<?>> resultExpressions() {
        return returning();
    }

    /** @return the types of the RETURNING columns, in order */
    public final List<SqlType<?>> resultTypes() {
        List<SqlType<?>> types = new java.util.ArrayList<>();
        for (Expression<?> e : returning()) {
            types.add(e.type());
        }
        return types;
    }

    static List<Expression<?>> checkReturning(TableReference table, Expression<?>[] items) {
        if (items.length == 0) {
            throw new IllegalArgumentException("returning(): name at least one column");
        }
        for (Expression<?> e : items) {
            java.util.Objects.requireNonNull(e, "returning(): an item is null");
        }
        return List.of(items);
    }

    /** @return the table changed */
    public abstract TableReference table();

    /** @return this statement's shape (structure and parameters) */
    public final Shape shape() {
        Shape s = shape;
        if (s == null) {
            s = Shape.of(this);
            shape = s;
        }
        return s;
    }

    @Override
    public final Object cacheKey() {
        return shape().key();
    }

    @Override
    public final Map<String, Object> boundValues() {
        return shape().values();
    }

    /** @return the type of every parameter by name */
    public final Map<String, SqlType<?>> parameterTypes() {
        return shape().types();
    }

    static <T> Expression<T> bind(ColumnReference<T> column, T value) {
        return new BindParameter<>(null, value, column.type());
    }

    @SuppressWarnings("unchecked")
    static <T> Expression<T> bindChecked(ColumnReference<T> column, Object value, String statement) {
        if (value instanceof Expression<?> e) {
            return (Expression<T>) e;
        }
        if (value != null && !column.type().accepts(value)) {
            throw new IllegalArgumentException(statement + ": column " + column.table().name() + "." + column.name()
                    + " holds " + column.type().javaType().getSimpleName() + " (" + column.type() + "), not "
                    + value.getClass().getSimpleName() + " (value " + value + ")");
        }
        return new BindParameter<>(null, (T) value, column.type());
    }
}
