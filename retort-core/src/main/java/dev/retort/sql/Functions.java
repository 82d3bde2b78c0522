package dev.retort.sql;

import dev.retort.types.SqlType;
import dev.retort.types.SqlTypes;

import java.util.Arrays;
import java.util.List;

/**
 * SQL functions. Import statically: {@code import static dev.retort.sql.Functions.*;}
 * {@link #func} calls any function by name with a declared result type.
 */
public final class Functions {
    private Functions() {
    }

    /** @return {@code COUNT(*)} */
    public static Expression<Long> count() {
        return new FunctionCall<>("COUNT", List.of(), SqlTypes.BIGINT, true, false);
    }

    /**
     * {@code COUNT(expression)}: the non-null values.
     *
     * @param expression the counted expression
     * @return the call
     */
    public static Expression<Long> count(Expression<?> expression) {
        return new FunctionCall<>("COUNT", List.of(expression), SqlTypes.BIGINT, false, false);
    }

    /**
     * {@code COUNT(DISTINCT expression)}.
     *
     * @param expression the counted expression
     * @return the call
     */
    public static Expression<Long> countDistinct(Expression<?> expression) {
        return new FunctionCall<>("COUNT", List.of(expression), SqlTypes.BIGINT, false, true);
    }

    /**
     * {@code SUM(expression)}, typed like its argument.
     *
     * @param expression the summed expression
     * @param <T> its type
     * @return the call
     */
    public static <T> Expression<T> sum(Expression<T> expression) {
        return new FunctionCall<>("SUM", List.of(expression), expression.type(), false, false);
    }

    /**
     * {@code MIN(expression)}.
     *
     * @param expression the expression
     * @param <T> its type
     * @return the call
     */
    public static <T> Expression<T> min(Expression<T> expression) {
        return new FunctionCall<>("MIN", List.of(expression), expression.type(), false, false);
    }

    /**
     * {@code MAX(expression)}.
     *
     * @param expression the expression
     * @param <T> its type
     * @return the call
     */
    public static <T> Expression<T> max(Expression<T> expression) {
        return new FunctionCall<>("MAX", List.of(expression), expression.type(), false, false);
    }

    /**
     * {@code LOWER(expression)}.
     *
     * @param expression a text expression
     * @return the call
     */
    public static Expression<String> lower(Expression<String> expression) {
        return new FunctionCall<>("LOWER", List.of(expression), SqlTypes.TEXT, false, false);
    }

    /**
     * {@code UPPER(expression)}.
     *
     * @param expression a text expression
     * @return the call
     */
    public static Expression<String> upper(Expression<String> expression) {
        return new FunctionCall<>("UPPER", List.of(expression), SqlTypes.TEXT, false, false);
    }

    /**
     * {@code COALESCE(a, b, ...)}: the first non-null argument.
     *
     * @param first the first argument, which gives the type
     * @param rest the others
     * @param <T> the type
     * @return the call
     */
    @SafeVarargs
    public static <T> Expression<T> coalesce(Expression<T> first, Expression<T>... rest) {
        List<Expression<?>> args = new java.util.ArrayList<>();
        args.add(first);
        args.addAll(Arrays.asList(rest));
        return new FunctionCall<>("COALESCE", args, first.type(), false, false);
    }

    /**
     * {@code COALESCE(expression, value)}: the expression, or the value where it is NULL.
     *
     * @param expression the expression
     * @param value the fallback, bound
     * @param <T> the type
     * @return the call
     */
    public static <T> Expression<T> coalesce(Expression<T> expression, T value) {
        return new FunctionCall<>("COALESCE", List.of(expression, expression.bindValue(value)), expression.type(), false, false);
    }

    /**
     * {@code NULLIF(a, b)}: NULL where a equals b, else a.
     *
     * @param a the expression
     * @param b the value that becomes NULL
     * @param <T> the type
     * @return the call
     */
    public static <T> Expression<T> nullif(Expression<T> a, T b) {
        return new FunctionCall<>("NULLIF", List.of(a, a.bindValue(b)), a.type(), false, false);
    }

    /**
     * {@code EXISTS (subquery)}.
     *
     * @param subquery the subquery
     * @return the condition
     */
    public static Predicate exists(Select subquery) {
        return new Exists(subquery, false);
    }

    /**
     * {@code NOT EXISTS (subquery)}: an anti-join.
     *
     * @param subquery the subquery
     * @return the condition
     */
    public static Predicate notExists(Select subquery) {
        return new Exists(subquery, true);
    }

    /**
     * Starts a searched CASE: {@code caseWhen(x.gt(10), "big").when(x.gt(0), "small").otherwise("none")}.
     *
     * @param condition the first condition
     * @param value its value, bound
     * @param <T> the result type
     * @return the CASE, to extend
     */
    public static <T> Case<T> caseWhen(Predicate condition, Expression<T> value) {
        return new Case<>(List.of(new Case.Branch<>(condition, value)), null, value.type());
    }

    /**
     * Starts a searched CASE with a bound value of a given type.
     *
     * @param condition the first condition
     * @param value its value
     * @param type the result type
     * @param <T> the result type
     * @return the CASE, to extend
     */
    public static <T> Case<T> caseWhen(Predicate condition, T value, SqlType<T> type) {
        return caseWhen(condition, new BindParameter<>(null, value, type));
    }

    /**
     * Any SQL function by name. The name must be a plain identifier; arguments are expressions.
     *
     * @param name the function name
     * @param type the result type
     * @param arguments the arguments
     * @param <T> the result's Java type
     * @return the call
     */
    public static <T> Expression<T> func(String name, SqlType<T> type, Expression<?>... arguments) {
        return new FunctionCall<>(name, Arrays.asList(arguments), type, false, false);
    }
}
