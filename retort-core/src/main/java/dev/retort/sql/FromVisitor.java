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

    /**
     * Visits a join.
     *
     * @param join the join
     * @return the result
     */
    R visitJoin(Join join);

    /**
     * Visits a table under an alias.
     *
     * @param alias the aliased table
     * @return the result
     */
    R visitAlias(TableAlias alias);

    /**
     * Visits a subquery in FROM or a reference to a common table expression.
     *
     * @param derived the derived table
     * @return the result
     */
    R visitDerived(DerivedTable derived);

    /**
     * Visits a VALUES table.
     *
     * @param values the table
     * @return the result
     */
    R visitValues(ValuesTable values);
}
