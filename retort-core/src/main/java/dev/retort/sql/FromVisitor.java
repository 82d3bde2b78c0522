package dev.retort.sql;

/**
 * Visits each kind of {@link FromItem}.
 *
 * @param <R> what each visit returns
 */
public interface FromVisitor<R> {
    /**
     * Visits a table.
     *
     * @param table the table
     * @return the result
     */
    R visitTable(TableReference table);
}
