package dev.retort.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Several expressions compared together: {@code (a, b) IN ((?, ?), (?, ?))}, which every
 * supported database has (SQLite since 3.15). Made by {@link #of}.
 *
 * @param expressions the expressions, at least two
 */
public record Tuple(List<Expression<?>> expressions) {
    /** Copies the list. */
    public Tuple {
        expressions = List.copyOf(expressions);
        if (expressions.size() < 2) {
            throw new IllegalArgumentException("A tuple needs at least two expressions");
        }
    }

    /**
     * A tuple of expressions.
     *
     * @param expressions the expressions
     * @return the tuple
     */
    public static Tuple of(Expression<?>... expressions) {
        return new Tuple(Arrays.asList(expressions));
    }

    /**
     * {@code (a, b) IN ((...), (...))}: each row a list of values, one per expression, checked
     * against the expressions' types. An empty list is a condition that is false.
     *
     * @param rows the rows of values
     * @return the condition
     */
    public Predicate in(List<? extends List<?>> rows) {
        Objects.requireNonNull(rows, "rows");
        List<List<Expression<?>>> bound = new ArrayList<>();
        for (List<?> row : rows) {
            if (row.size() != expressions.size()) {
                throw new IllegalArgumentException("Tuple IN: a row of " + row.size() + " values for "
                        + expressions.size() + " expressions");
            }
            List<Expression<?>> r = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                r.add(bind(expressions.get(i), row.get(i)));
            }
            bound.add(r);
        }
        return new TupleIn(this, bound);
    }

    @SuppressWarnings("unchecked")
    private static <T> Expression<T> bind(Expression<T> e, Object value) {
        if (value == null || !e.type().accepts(value)) {
            throw new IllegalArgumentException("Tuple IN: value " + value + " does not fit " + e.type());
        }
        return e.bindValue((T) value);
    }

    /**
     * {@code (a, b) IN ((...), ...)}.
     *
     * @param tuple the tuple
     * @param rows the bound rows
     */
    public record TupleIn(Tuple tuple, List<List<Expression<?>>> rows) implements Predicate {
        /** Copies the rows. */
        public TupleIn {
            List<List<Expression<?>>> copy = new ArrayList<>();
            for (List<Expression<?>> r : rows) {
                copy.add(List.copyOf(r));
            }
            rows = List.copyOf(copy);
        }

        @Override
        public <R> R accept(ExpressionVisitor<R> visitor) {
            return visitor.visitTupleIn(this);
        }
    }
}
