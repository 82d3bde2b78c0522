package dev.retort.sql;

import java.util.List;

/**
 * What INSERT, UPDATE and DELETE share: a target table and a RETURNING list, on top of
 * {@link ShapedStatement}. Package-private base; the statements are immutable.
 */
abstract class DataChange extends ShapedStatement {

    /** @return the RETURNING list; empty when the statement returns no rows */
    public abstract List<Expression<?>> returning();

    @Override
    public final List<Expression<?>> resultExpressions() {
        return returning();
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
