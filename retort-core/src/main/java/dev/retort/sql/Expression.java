package dev.retort.sql;

import dev.retort.types.SqlType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A SQL expression whose values have the Java type {@code T}: a column, a bound value, a function
 * call, arithmetic. Immutable. Operators are methods that return new expressions, and are typed:
 * {@code users.name.eq(42)} does not compile when {@code name} is an {@code Expression<String>}.
 *
 * <p>Values given to operators are always sent as bound parameters. Comparing with {@code null}
 * through {@link #eq(Object)} or {@link #ne(Object)} renders {@code IS NULL} / {@code IS NOT NULL}.
 *
 * @param <T> the Java type of the expression's values
 */
public interface Expression<T> {

    /** @return the SQL type of the expression's values */
    SqlType<T> type();

    /**
     * Dispatches to the visitor method for this kind of expression.
     *
     * @param visitor the visitor
     * @param <R> what it returns
     * @return its result
     */
    <R> R accept(ExpressionVisitor<R> visitor);

    /**
     * A bound value of this expression's type.
     *
     * @param value the value, or null
     * @return the parameter
     */
    default Expression<T> bindValue(T value) {
        return new BindParameter<>(null, value, type());
    }

    // ---- comparison ---------------------------------------------------------------------------

    /**
     * {@code this = value}, or {@code this IS NULL} for null.
     *
     * @param value the value
     * @return the condition
     */
    default Predicate eq(T value) {
        return value == null ? isNull() : new Comparison(this, Operator.EQ, bindValue(value));
    }

    /**
     * {@code this = other}.
     *
     * @param other another expression of the same type
     * @return the condition
     */
    default Predicate eq(Expression<T> other) {
        return new Comparison(this, Operator.EQ, Objects.requireNonNull(other, "other"));
    }

    /**
     * {@code this <> value}, or {@code this IS NOT NULL} for null.
     *
     * @param value the value
     * @return the condition
     */
    default Predicate ne(T value) {
        return value == null ? isNotNull() : new Comparison(this, Operator.NE, bindValue(value));
    }

    /**
     * {@code this <> other}.
     *
     * @param other another expression
     * @return the condition
     */
    default Predicate ne(Expression<T> other) {
        return new Comparison(this, Operator.NE, Objects.requireNonNull(other, "other"));
    }

    /**
     * {@code this < value}.
     *
     * @param value the value
     * @return the condition
     */
    default Predicate lt(T value) {
        return new Comparison(this, Operator.LT, bindValue(requireValue(value, "lt")));
    }

    /**
     * {@code this < other}.
     *
     * @param other another expression
     * @return the condition
     */
    default Predicate lt(Expression<T> other) {
        return new Comparison(this, Operator.LT, Objects.requireNonNull(other, "other"));
    }

    /**
     * {@code this <= value}.
     *
     * @param value the value
     * @return the condition
     */
    default Predicate le(T value) {
        return new Comparison(this, Operator.LE, bindValue(requireValue(value, "le")));
    }

    /**
     * {@code this <= other}.
     *
     * @param other another expression
     * @return the condition
     */
    default Predicate le(Expression<T> other) {
        return new Comparison(this, Operator.LE, Objects.requireNonNull(other, "other"));
    }

    /**
     * {@code this > value}.
     *
     * @param value the value
     * @return the condition
     */
    default Predicate gt(T value) {
        return new Comparison(this, Operator.GT, bindValue(requireValue(value, "gt")));
    }

    /**
     * {@code this > other}.
     *
     * @param other another expression
     * @return the condition
     */
    default Predicate gt(Expression<T> other) {
        return new Comparison(this, Operator.GT, Objects.requireNonNull(other, "other"));
    }

    /**
     * {@code this >= value}.
     *
     * @param value the value
     * @return the condition
     */
    default Predicate ge(T value) {
        return new Comparison(this, Operator.GE, bindValue(requireValue(value, "ge")));
    }

    /**
     * {@code this >= other}.
     *
     * @param other another expression
     * @return the condition
     */
    default Predicate ge(Expression<T> other) {
        return new Comparison(this, Operator.GE, Objects.requireNonNull(other, "other"));
    }

    /**
     * {@code this BETWEEN low AND high}.
     *
     * @param low the lower bound, inclusive
     * @param high the upper bound, inclusive
     * @return the condition
     */
    default Predicate between(T low, T high) {
        return new Between(this, bindValue(requireValue(low, "between")), bindValue(requireValue(high, "between")), false);
    }

    /**
     * {@code this IS DISTINCT FROM value}: unequal, treating two NULLs as equal.
     *
     * @param value the value, or null
     * @return the condition
     */
    default Predicate isDistinctFrom(T value) {
        return new DistinctFrom(this, bindValue(value), false);
    }

    /**
     * {@code this IS NOT DISTINCT FROM value}: equal, treating two NULLs as equal.
     *
     * @param value the value, or null
     * @return the condition
     */
    default Predicate isNotDistinctFrom(T value) {
        return new DistinctFrom(this, bindValue(value), true);
    }

    /** @return {@code this IS NULL} */
    default Predicate isNull() {
        return new NullTest(this, false);
    }

    /** @return {@code this IS NOT NULL} */
    default Predicate isNotNull() {
        return new NullTest(this, true);
    }

    /**
     * {@code this IN (...)}, each value bound. An empty collection gives a condition that is false.
     *
     * @param values the values (no nulls)
     * @return the condition
     */
    default Predicate in(Collection<? extends T> values) {
        return new InList(this, binds(values), false);
    }

    /**
     * {@code this NOT IN (...)}. An empty collection gives a condition that is true.
     *
     * @param values the values (no nulls)
     * @return the condition
     */
    default Predicate notIn(Collection<? extends T> values) {
        return new InList(this, binds(values), true);
    }

    /**
     * {@code this IN (subquery)}.
     *
     * @param subquery a SELECT of one column
     * @return the condition
     */
    default Predicate in(Select subquery) {
        return new InSubquery(this, subquery, false);
    }

    /**
     * {@code this NOT IN (subquery)}.
     *
     * @param subquery a SELECT of one column
     * @return the condition
     */
    default Predicate notIn(Select subquery) {
        return new InSubquery(this, subquery, true);
    }

    /**
     * {@code CAST(this AS type)}.
     *
     * @param type the target type
     * @param <U> its Java type
     * @return the expression
     */
    default <U> Expression<U> cast(dev.retort.types.SqlType<U> type) {
        return new Cast<>(this, type);
    }

    /**
     * String concatenation: {@code this || other} (CONCAT on MariaDB).
     *
     * @param other the text appended
     * @return the expression
     */
    default Expression<T> concat(Expression<?> other) {
        return new Arithmetic<>(this, Operator.CONCAT, other);
    }

    /**
     * String concatenation with a bound text.
     *
     * @param text the text appended
     * @return the expression
     */
    default Expression<T> concat(String text) {
        return new Arithmetic<>(this, Operator.CONCAT, new BindParameter<>(null, requireValue(text, "concat"),
                dev.retort.types.SqlTypes.TEXT));
    }

    private List<Expression<?>> binds(Collection<? extends T> values) {
        Objects.requireNonNull(values, "in(values): values is null");
        List<Expression<?>> out = new ArrayList<>(values.size());
        for (T v : values) {
            out.add(bindValue(requireValue(v, "in")));
        }
        return out;
    }

    private static <V> V requireValue(V value, String operator) {
        if (value == null) {
            throw new IllegalArgumentException(operator + "(null): a comparison with NULL is never true in SQL. "
                    + "Use isNull() or isNotNull().");
        }
        return value;
    }

    // ---- text -----------------------------------------------------------------------------------

    /**
     * {@code this LIKE pattern}: {@code %} and {@code _} in the pattern are wildcards.
     *
     * @param pattern the pattern, bound as a parameter
     * @return the condition
     */
    default Predicate like(String pattern) {
        return Like.of(this, pattern, null, false, false);
    }

    /**
     * {@code this NOT LIKE pattern}.
     *
     * @param pattern the pattern
     * @return the condition
     */
    default Predicate notLike(String pattern) {
        return Like.of(this, pattern, null, false, true);
    }

    /**
     * Case-insensitive LIKE: PostgreSQL's ILIKE, {@code lower(x) LIKE lower(p)} elsewhere.
     *
     * @param pattern the pattern
     * @return the condition
     */
    default Predicate ilike(String pattern) {
        return Like.of(this, pattern, null, true, false);
    }

    /**
     * {@code this} starts with a text, matched literally: wildcard characters in it are escaped.
     *
     * @param prefix the text
     * @return the condition
     */
    default Predicate startsWith(String prefix) {
        return Like.of(this, Like.escape(requireValue(prefix, "startsWith")) + "%", Like.ESCAPE, false, false);
    }

    /**
     * {@code this} ends with a text, matched literally.
     *
     * @param suffix the text
     * @return the condition
     */
    default Predicate endsWith(String suffix) {
        return Like.of(this, "%" + Like.escape(requireValue(suffix, "endsWith")), Like.ESCAPE, false, false);
    }

    /**
     * {@code this} contains a text, matched literally.
     *
     * @param text the text
     * @return the condition
     */
    default Predicate contains(String text) {
        return Like.of(this, "%" + Like.escape(requireValue(text, "contains")) + "%", Like.ESCAPE, false, false);
    }

    // ---- arithmetic -----------------------------------------------------------------------------

    /**
     * {@code this + value}.
     *
     * @param value the value
     * @return the expression
     */
    default Expression<T> plus(T value) {
        return new Arithmetic<>(this, Operator.PLUS, bindValue(requireValue(value, "plus")));
    }

    /**
     * {@code this + other}.
     *
     * @param other another expression
     * @return the expression
     */
    default Expression<T> plus(Expression<T> other) {
        return new Arithmetic<>(this, Operator.PLUS, other);
    }

    /**
     * {@code this - value}.
     *
     * @param value the value
     * @return the expression
     */
    default Expression<T> minus(T value) {
        return new Arithmetic<>(this, Operator.MINUS, bindValue(requireValue(value, "minus")));
    }

    /**
     * {@code this - other}.
     *
     * @param other another expression
     * @return the expression
     */
    default Expression<T> minus(Expression<T> other) {
        return new Arithmetic<>(this, Operator.MINUS, other);
    }

    /**
     * {@code this * value}.
     *
     * @param value the value
     * @return the expression
     */
    default Expression<T> times(T value) {
        return new Arithmetic<>(this, Operator.TIMES, bindValue(requireValue(value, "times")));
    }

    /**
     * {@code this / value}.
     *
     * @param value the value
     * @return the expression
     */
    default Expression<T> dividedBy(T value) {
        return new Arithmetic<>(this, Operator.DIVIDE, bindValue(requireValue(value, "dividedBy")));
    }

    /**
     * This function evaluated over a window ({@code ... OVER (...)}): for aggregates and the
     * window functions of {@link Functions}.
     *
     * @param window the window
     * @return the expression
     * @throws IllegalArgumentException if this is not a function call
     */
    default Expression<T> over(Window window) {
        if (!(this instanceof FunctionCall<T> f)) {
            throw new IllegalArgumentException("over(window): only a function call can be evaluated over a window, not " + this);
        }
        return new WindowFunction<>(f, window);
    }

    // ---- naming and ordering ------------------------------------------------------------------

    /**
     * This expression under another name in a select list ({@code AS alias}).
     *
     * @param alias the name
     * @return the aliased expression
     */
    default Expression<T> as(String alias) {
        return new Aliased<>(this, alias);
    }

    /** @return ascending order by this expression */
    default OrderItem asc() {
        return new OrderItem(this, false, OrderItem.Nulls.DEFAULT);
    }

    /** @return descending order by this expression */
    default OrderItem desc() {
        return new OrderItem(this, true, OrderItem.Nulls.DEFAULT);
    }
}
