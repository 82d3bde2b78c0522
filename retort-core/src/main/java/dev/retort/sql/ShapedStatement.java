package dev.retort.sql;

import dev.retort.types.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the statements of the expression language share: a memoised {@link Shape}, from which the
 * cache key, the bound values and the parameter types come, and result types taken from the
 * result expressions. Subclasses are immutable, so the shape is computed at most once.
 */
abstract class ShapedStatement implements Executable, Shape.Walkable {
    private volatile Shape shape;

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

    @Override
    public final Map<String, SqlType<?>> parameterTypes() {
        return shape().types();
    }

    /**
     * A LIMIT or OFFSET row count as a bound parameter.
     *
     * @param clause {@code "limit"} or {@code "offset"}, for the message
     * @param n the row count
     * @return the parameter
     * @throws IllegalArgumentException if {@code n} is negative
     */
    static BindParameter<Long> rowCount(String clause, long n) {
        if (n < 0) {
            throw new IllegalArgumentException(clause + "(n): n must not be negative, got " + n);
        }
        return new BindParameter<>(null, n, dev.retort.types.SqlTypes.BIGINT);
    }

    @Override
    public final List<SqlType<?>> resultTypes() {
        List<SqlType<?>> types = new ArrayList<>();
        for (Expression<?> e : resultExpressions()) {
            types.add(e.type());
        }
        return types;
    }
}
