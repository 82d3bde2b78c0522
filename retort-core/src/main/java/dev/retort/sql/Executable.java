package dev.retort.sql;

import dev.retort.types.SqlType;

import java.util.List;
import java.util.Map;

/**
 * A statement that a connection can run: a {@link TextClause} today, the expression language's
 * SELECT, INSERT, UPDATE and DELETE as they land.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Executable {

    /**
     * The statement's structure without its values. Two statements with equal keys compile to
     * the same SQL for a dialect, so the engine compiles a structure once and reuses the result.
     *
     * @return a key with value-based {@code equals} and {@code hashCode}
     */
    Object cacheKey();

    /**
     * The values bound into this statement, by parameter name. Values passed at execution time
     * override these.
     *
     * @return an unmodifiable map; values may be {@code null} (SQL NULL)
     */
    Map<String, Object> boundValues();

    /**
     * The SQL types of the parameters that have one, by parameter name. A typed parameter is
     * bound through its dialect's codec for the type (exact decimals, time zones normalised,
     * enum labels, JSON, ...); the others are handed to the driver as they are. The types also
     * apply to values passed at execution time when those are of the type's Java class.
     *
     * @return an unmodifiable map; empty (the default) when no parameter is typed
     */
    default Map<String, SqlType<?>> parameterTypes() {
        return Map.of();
    }

    /**
     * The SQL types of the result columns, by position: column {@code i} is read with the
     * codec of type {@code i}. Columns past the end of the list are read untyped, as the driver
     * returns them.
     *
     * @return an unmodifiable list; empty (the default) when the results are untyped
     */
    default List<SqlType<?>> resultTypes() {
        return List.of();
    }

    /**
     * Dispatches to the visitor method for this kind of statement.
     *
     * @param visitor the compiler or other walker
     * @param <R> what the visitor returns
     * @return the visitor's result
     */
    <R> R accept(StatementVisitor<R> visitor);

    /**
     * The expressions that produce the result's columns, in order, so that a row can be read by
     * the expression that selected it ({@code row.get(users.name)}).
     *
     * @return the expressions; empty (the default) when the statement does not know them
     */
    default List<? extends Expression<?>> resultExpressions() {
        return List.of();
    }
}
