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

    /**
     * Visits a SELECT.
     *
     * @param select the statement
     * @return the visitor's result
     */
    R visitSelect(Select select);

    /**
     * Visits an INSERT.
     *
     * @param insert the statement
     * @return the visitor's result
     */
    R visitInsert(Insert insert);

    /**
     * Visits an UPDATE.
     *
     * @param update the statement
     * @return the visitor's result
     */
    R visitUpdate(Update update);

    /**
     * Visits a DELETE.
     *
     * @param delete the statement
     * @return the visitor's result
     */
    R visitDelete(Delete delete);

    /**
     * Visits a UNION / INTERSECT / EXCEPT.
     *
     * @param compound the statement
     * @return the visitor's result
     */
    R visitCompound(CompoundSelect compound);
}
