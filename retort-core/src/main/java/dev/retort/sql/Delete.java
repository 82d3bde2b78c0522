package dev.retort.sql;

import java.util.List;
import java.util.Objects;

/**
 * A DELETE from one table. Immutable. Made by {@link Statements#delete}. A DELETE without WHERE
 * empties the table: allowed, but it must be asked for with {@link #whereAll()}.
 */
public final class Delete extends DataChange {
    private final TableReference table;
    private final Predicate where;
    private final boolean all;
    private final List<Expression<?>> returning;
    private final List<FromItem> using;

    private Delete(TableReference table, Predicate where, boolean all) {
        this(table, where, all, List.of(), List.of());
    }

    private Delete(TableReference table, Predicate where, boolean all, List<Expression<?>> returning, List<FromItem> using) {
        this.using = List.copyOf(using);
        this.returning = List.copyOf(returning);
        this.table = table;
        this.where = where;
        this.all = all;
    }

    static Delete from(TableReference table) {
        return new Delete(Objects.requireNonNull(table, "delete(table)"), null, false);
    }

    /**
     * Adds a WHERE condition, AND-ed with any before it.
     *
     * @param condition the condition
     * @return a new statement
     */
    public Delete where(Predicate condition) {
        Objects.requireNonNull(condition, "where(condition)");
        return new Delete(table, where == null ? condition : where.and(condition), all, returning, using);
    }

    /** @return a statement that deletes every row, on purpose */
    public Delete whereAll() {
        return new Delete(table, where, true, returning, using);
    }

    @Override
    public TableReference table() {
        return table;
    }

    /**
     * Returns columns of the deleted rows ({@code RETURNING}): PostgreSQL, SQLite 3.35+, MariaDB.
     *
     * @param items the columns or expressions to return
     * @return a new statement
     */
    public Delete returning(Expression<?>... items) {
        return new Delete(table, where, all, checkReturning(table, items), using);
    }

    @Override
    public List<Expression<?>> returning() {
        return returning;
    }

    /**
     * Reads other tables to decide which rows to delete: {@code DELETE FROM t USING other WHERE ...}
     * (PostgreSQL), {@code DELETE t FROM t, other WHERE ...} (MariaDB). SQLite refuses it; use
     * {@code where(t.id.in(select(...)))} there.
     *
     * @param items the other tables
     * @return a new statement
     */
    public Delete using(FromItem... items) {
        return new Delete(table, where, all, returning, java.util.Arrays.asList(items));
    }

    /** @return the other tables read, empty when none */
    public List<FromItem> usingItems() {
        return using;
    }

    /** @return the WHERE condition, or {@code null} */
    public Predicate where() {
        return where;
    }

    /** @return whether the statement was asked to delete every row */
    public boolean isWhereAll() {
        return all;
    }

    @Override
    public void walk(Shape.Walker w) {
        w.token(Delete.class).from(table).token(all).token(using.size());
        for (FromItem f : using) {
            w.from(f);
        }
        w.expression(where).expressions(returning);
    }

    @Override
    public <R> R accept(StatementVisitor<R> visitor) {
        return visitor.visitDelete(this);
    }

    /** @return the statement as SQL (PostgreSQL's spelling, {@code ?} for parameters) */
    @Override
    public String toString() {
        return StatementFormatter.describe(this, "DELETE FROM " + table.name());
    }
}
