package dev.retort.sql;

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
     * Dispatches to the visitor method for this kind of statement.
     *
     * @param visitor the compiler or other walker
     * @param <R> what the visitor returns
     * @return the visitor's result
     */
    <R> R accept(StatementVisitor<R> visitor);
}
