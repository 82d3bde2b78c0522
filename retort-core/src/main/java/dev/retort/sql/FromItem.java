package dev.retort.sql;

/**
 * Something a SELECT reads from: a table, an aliased table, or a join of them. Joins are made
 * from here: {@code users.join(orders)} finds the ON condition from the single foreign key
 * between the two tables; {@code users.join(orders, users.id.eq(orders.userId))} gives it.
 */
public interface FromItem {

    /**
     * The tables (or aliases) this item reads, left to right.
     *
     * @return the tables
     */
    java.util.List<TableReference> tables();

    /**
     * {@code this JOIN right ON ...}, the condition inferred from the one foreign key between them.
     *
     * @param right the table joined
     * @return the join
     * @throws dev.retort.CompileException naming the tables if no foreign key or several link them
     */
    default Join join(TableReference right) {
        return new Join(this, right, Join.Kind.INNER, JoinConditions.infer(this, right));
    }

    /**
     * {@code this JOIN right ON condition}.
     *
     * @param right the item joined
     * @param on the condition
     * @return the join
     */
    default Join join(FromItem right, Predicate on) {
        return new Join(this, right, Join.Kind.INNER, java.util.Objects.requireNonNull(on, "on"));
    }

    /**
     * {@code this LEFT OUTER JOIN right ON ...}, the condition inferred from the foreign key.
     *
     * @param right the table joined
     * @return the join
     */
    default Join outerJoin(TableReference right) {
        return new Join(this, right, Join.Kind.LEFT, JoinConditions.infer(this, right));
    }

    /**
     * {@code this LEFT OUTER JOIN right ON condition}.
     *
     * @param right the item joined
     * @param on the condition
     * @return the join
     */
    default Join outerJoin(FromItem right, Predicate on) {
        return new Join(this, right, Join.Kind.LEFT, java.util.Objects.requireNonNull(on, "on"));
    }

    /**
     * {@code this FULL OUTER JOIN right ON condition} (PostgreSQL, SQLite 3.39+).
     *
     * @param right the item joined
     * @param on the condition
     * @return the join
     */
    default Join fullOuterJoin(FromItem right, Predicate on) {
        return new Join(this, right, Join.Kind.FULL, java.util.Objects.requireNonNull(on, "on"));
    }

    /**
     * {@code this JOIN LATERAL (subquery) AS alias ON condition}: the subquery may refer to the
     * tables on the left, row by row (PostgreSQL; refused elsewhere when compiled).
     *
     * @param subquery a subquery made with {@code select(...).subquery(alias)}
     * @param on the condition
     * @return the join
     */
    default Join joinLateral(DerivedTable subquery, Predicate on) {
        return new Join(this, subquery, Join.Kind.INNER, java.util.Objects.requireNonNull(on, "on"), true);
    }

    /**
     * {@code this LEFT OUTER JOIN LATERAL (subquery) AS alias ON condition}.
     *
     * @param subquery a subquery made with {@code select(...).subquery(alias)}
     * @param on the condition
     * @return the join
     */
    default Join outerJoinLateral(DerivedTable subquery, Predicate on) {
        return new Join(this, subquery, Join.Kind.LEFT, java.util.Objects.requireNonNull(on, "on"), true);
    }

    /**
     * {@code this CROSS JOIN right}.
     *
     * @param right the item joined
     * @return the join
     */
    default Join crossJoin(FromItem right) {
        return new Join(this, right, Join.Kind.CROSS, null);
    }

    /**
     * Dispatches to the visitor method for this kind of FROM item.
     *
     * @param visitor the visitor
     * @param <R> what it returns
     * @return its result
     */
    <R> R accept(FromVisitor<R> visitor);
}
