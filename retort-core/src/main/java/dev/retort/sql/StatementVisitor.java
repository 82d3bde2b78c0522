package dev.retort.sql;

/**
 * Visits each kind of {@link Executable}; the dialect compilers implement it.
 *
 * @param <R> what each visit returns
 */
public interface StatementVisitor<R> {

    /**
     * Visits a textual SQL statement.
     *
     * @param text the statement
     * @return the visitor's result
     */
    R visitText(TextClause text);
}
