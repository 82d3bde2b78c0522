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
        for (Expression<T> e : rest) {
            args.add(e);
        }
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

    /** @return {@code ROW_NUMBER()}, to use with {@code over(...)} */
    public static Expression<Long> rowNumber() {
        return new FunctionCall<>("ROW_NUMBER", List.of(), SqlTypes.BIGINT, false, false);
    }

    /** @return {@code RANK()}, to use with {@code over(...)} */
    public static Expression<Long> rank() {
        return new FunctionCall<>("RANK", List.of(), SqlTypes.BIGINT, false, false);
    }

    /** @return {@code DENSE_RANK()}, to use with {@code over(...)} */
    public static Expression<Long> denseRank() {
        return new FunctionCall<>("DENSE_RANK", List.of(), SqlTypes.BIGINT, false, false);
    }

    /**
     * {@code LAG(expression, offset)}: the value from an earlier row of the window.
     *
     * @param expression the expression
     * @param offset how many rows back, at least 1
     * @param <T> its type
     * @return the call, to use with {@code over(...)}
     */
    public static <T> Expression<T> lag(Expression<T> expression, int offset) {
        return new FunctionCall<>("LAG", List.of(expression, new BindParameter<>(null, offset, SqlTypes.INTEGER)),
                expression.type(), false, false);
    }

    /**
     * {@code LEAD(expression, offset)}: the value from a later row of the window.
     *
     * @param expression the expression
     * @param offset how many rows ahead
     * @param <T> its type
     * @return the call, to use with {@code over(...)}
     */
    public static <T> Expression<T> lead(Expression<T> expression, int offset) {
        return new FunctionCall<>("LEAD", List.of(expression, new BindParameter<>(null, offset, SqlTypes.INTEGER)),
                expression.type(), false, false);
    }

    /**
     * {@code FIRST_VALUE(expression)}.
     *
     * @param expression the expression
     * @param <T> its type
     * @return the call, to use with {@code over(...)}
     */
    public static <T> Expression<T> firstValue(Expression<T> expression) {
        return new FunctionCall<>("FIRST_VALUE", List.of(expression), expression.type(), false, false);
    }

    /**
     * {@code AVG(expression)} as a decimal.
     *
     * @param expression a numeric expression
     * @return the call
     */
    public static Expression<java.math.BigDecimal> avg(Expression<? extends Number> expression) {
        return new FunctionCall<>("AVG", List.of(expression), SqlTypes.numeric(), false, false);
    }

    /**
     * {@code ABS(expression)}.
     *
     * @param expression a numeric expression
     * @param <T> its type
     * @return the call
     */
    public static <T> Expression<T> abs(Expression<T> expression) {
        return new FunctionCall<>("ABS", List.of(expression), expression.type(), false, false);
    }

    /**
     * {@code ROUND(expression, digits)}.
     *
     * @param expression a numeric expression
     * @param digits digits after the point
     * @param <T> its type
     * @return the call
     */
    public static <T> Expression<T> round(Expression<T> expression, int digits) {
        return new FunctionCall<>("ROUND", List.of(expression, new BindParameter<>(null, digits, SqlTypes.INTEGER)),
                expression.type(), false, false);
    }

    /**
     * {@code TRIM(expression)}.
     *
     * @param expression a text expression
     * @return the call
     */
    public static Expression<String> trim(Expression<String> expression) {
        return new FunctionCall<>("TRIM", List.of(expression), SqlTypes.TEXT, false, false);
    }

    /**
     * {@code SUBSTR(expression, start, length)}, counting from 1.
     *
     * @param expression a text expression
     * @param start the first character, from 1
     * @param length how many characters
     * @return the call
     */
    public static Expression<String> substring(Expression<String> expression, int start, int length) {
        return new FunctionCall<>("SUBSTR", List.of(expression, new BindParameter<>(null, start, SqlTypes.INTEGER),
                new BindParameter<>(null, length, SqlTypes.INTEGER)), SqlTypes.TEXT, false, false);
    }

    /**
     * The length in characters (MariaDB's CHAR_LENGTH; LENGTH elsewhere).
     *
     * @param expression a text expression
     * @return the call
     */
    public static Expression<Integer> length(Expression<String> expression) {
        return new PortableFunction<>(PortableFunction.Kind.LENGTH, List.of(expression), null, SqlTypes.INTEGER);
    }

    /**
     * The values of a group joined by a separator: {@code string_agg} (PostgreSQL),
     * {@code group_concat} (SQLite, MariaDB). The separator is written as a quoted literal.
     *
     * @param expression a text expression
     * @param separator the separator
     * @return the call
     */
    public static Expression<String> stringAgg(Expression<String> expression, String separator) {
        java.util.Objects.requireNonNull(separator, "separator");
        return new PortableFunction<>(PortableFunction.Kind.STRING_AGG, List.of(expression), separator, SqlTypes.TEXT);
    }

    /**
     * A part of a date or timestamp as a number: YEAR, MONTH, DAY, HOUR, MINUTE or SECOND.
     *
     * @param part the part
     * @param expression a date or timestamp
     * @return the call
     */
    public static Expression<Integer> extract(String part, Expression<?> expression) {
        String p = part.toUpperCase(java.util.Locale.ROOT);
        if (!List.of("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND").contains(p)) {
            throw new IllegalArgumentException("extract(part): '" + part + "' is not YEAR, MONTH, DAY, HOUR, MINUTE or SECOND");
        }
        return new PortableFunction<>(PortableFunction.Kind.EXTRACT, List.of(expression), p, SqlTypes.INTEGER);
    }

    /**
     * The text at a JSON path of a JSON document ({@code $.a.b}): {@code ->>}-style extraction
     * per dialect, the path bound as a parameter.
     *
     * @param json a JSON expression
     * @param path a path such as {@code $.address.city}
     * @return the call
     */
    public static Expression<String> jsonValue(Expression<?> json, String path) {
        if (path == null || !path.matches("\\$(\\.[A-Za-z_][A-Za-z0-9_]*|\\[\\d+\\])*")) {
            throw new IllegalArgumentException("jsonValue(path): '" + path + "' is not a path like $.a.b or $.items[0]");
        }
        return new PortableFunction<>(PortableFunction.Kind.JSON_VALUE,
                List.of(json, new BindParameter<>(null, path, SqlTypes.TEXT)), null, SqlTypes.TEXT);
    }

    /** @return the current timestamp ({@code CURRENT_TIMESTAMP}) */
    public static Expression<java.time.OffsetDateTime> now() {
        return new PortableFunction<>(PortableFunction.Kind.NOW, List.of(), null, SqlTypes.TIMESTAMPTZ);
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
