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
