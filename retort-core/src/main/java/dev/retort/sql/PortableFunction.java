package dev.retort.sql;

import dev.retort.types.SqlType;

import java.util.List;
import java.util.Objects;

/**
 * A function every database has under a different name or form, rendered by each dialect:
 * string aggregation, date parts, text length, JSON extraction, the current time.
 *
 * @param kind which function
 * @param arguments its arguments
 * @param text a literal text argument (the separator of STRING_AGG, the field of EXTRACT), or {@code null}
 * @param type the result type
 * @param <T> the Java type of the result
 */
public record PortableFunction<T>(Kind kind, List<Expression<?>> arguments, String text, SqlType<T> type)
        implements Expression<T> {

    /** The functions. */
    public enum Kind {
        /** Concatenation of a group's values: string_agg / group_concat. */
        STRING_AGG,
        /** A part of a date or timestamp (YEAR, MONTH, DAY, HOUR, MINUTE, SECOND). */
        EXTRACT,
        /** Length in characters. */
        LENGTH,
        /** The text at a JSON path, e.g. {@code $.address.city}. */
        JSON_VALUE,
        /** The current timestamp. */
        NOW
    }

    /** Copies the arguments. */
    public PortableFunction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        arguments = List.copyOf(arguments);
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitPortable(this);
    }
}
