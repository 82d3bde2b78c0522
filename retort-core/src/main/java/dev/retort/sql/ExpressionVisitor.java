package dev.retort.sql;

/**
 * Visits each kind of {@link Expression}; compilers and the statement walker implement it.
 *
 * @param <R> what each visit returns
 */
public interface ExpressionVisitor<R> {
    /**
     * Visits a column.
     *
     * @param column the column
     * @return the result
     */
    R visitColumn(ColumnReference<?> column);

    /**
     * Visits a bound parameter.
     *
     * @param bind the parameter
     * @return the result
     */
    R visitBind(BindParameter<?> bind);

    /**
     * Visits a comparison.
     *
     * @param comparison the comparison
     * @return the result
     */
    R visitComparison(Comparison comparison);

    /**
     * Visits AND / OR.
     *
     * @param logical the conjunction or disjunction
     * @return the result
     */
    R visitLogical(Logical logical);

    /**
     * Visits NOT.
     *
     * @param not the negation
     * @return the result
     */
    R visitNot(Not not);

    /**
     * Visits IS [NOT] NULL.
     *
     * @param test the test
     * @return the result
     */
    R visitNullTest(NullTest test);

    /**
     * Visits [NOT] IN.
     *
     * @param in the test
     * @return the result
     */
    R visitInList(InList in);

    /**
     * Visits BETWEEN.
     *
     * @param between the test
     * @return the result
     */
    R visitBetween(Between between);

    /**
     * Visits LIKE.
     *
     * @param like the test
     * @return the result
     */
    R visitLike(Like like);

    /**
     * Visits arithmetic.
     *
     * @param arithmetic the expression
     * @return the result
     */
    R visitArithmetic(Arithmetic<?> arithmetic);

    /**
     * Visits a function call.
     *
     * @param function the call
     * @return the result
     */
    R visitFunction(FunctionCall<?> function);

    /**
     * Visits an aliased expression.
     *
     * @param aliased the expression
     * @return the result
     */
    R visitAliased(Aliased<?> aliased);

    /**
     * Visits a scalar subquery.
     *
     * @param subquery the subquery
     * @return the result
     */
    R visitSubquery(SubqueryExpression<?> subquery);

    /**
     * Visits EXISTS.
     *
     * @param exists the test
     * @return the result
     */
    R visitExists(Exists exists);

    /**
     * Visits IN (subquery).
     *
     * @param in the test
     * @return the result
     */
    R visitInSubquery(InSubquery in);

    /**
     * Visits CASE.
     *
     * @param c the expression
     * @return the result
     */
    R visitCase(Case<?> c);

    /**
     * Visits CAST.
     *
     * @param cast the expression
     * @return the result
     */
    R visitCast(Cast<?> cast);

    /**
     * Visits the excluded (proposed) value in an upsert.
     *
     * @param excluded the expression
     * @return the result
     */
    R visitExcluded(Excluded<?> excluded);

    /**
     * Visits a window function.
     *
     * @param window the expression
     * @return the result
     */
    R visitWindow(WindowFunction<?> window);

    /**
     * Visits a function each dialect renders its own way.
     *
     * @param function the function
     * @return the result
     */
    R visitPortable(PortableFunction<?> function);

    /**
     * Visits IS [NOT] DISTINCT FROM.
     *
     * @param d the predicate
     * @return the result
     */
    R visitDistinctFrom(DistinctFrom d);

    /**
     * Visits a tuple IN.
     *
     * @param in the predicate
     * @return the result
     */
    R visitTupleIn(Tuple.TupleIn in);
}
