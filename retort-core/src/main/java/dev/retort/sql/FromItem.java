package dev.retort.sql;

/** Something a SELECT reads from: a table (joins and subqueries come with later statements). */
public interface FromItem {

    /**
     * Dispatches to the visitor method for this kind of FROM item.
     *
     * @param visitor the visitor
     * @param <R> what it returns
     * @return its result
     */
    <R> R accept(FromVisitor<R> visitor);
}
