package dev.retort.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An UPDATE of one table. Immutable. Made by {@link Statements#update}.
 *
 * <pre>{@code
 * update(accounts).set(accounts.balance, accounts.balance.minus(amount)).where(accounts.id.eq(7))
 * }</pre>
 *
 * <p>Columns with an on-update value ({@code onUpdate(...)}) that the statement does not set are
 * set to it, computed each time the statement runs. An UPDATE without WHERE changes every row:
 * that is allowed, but must be asked for with {@link #whereAll()}.
 */
public final class Update extends DataChange {

    /**
     * One {@code column = value} of the SET clause.
     *
     * @param column the column
     * @param value the new value
     */
    public record Assignment(ColumnReference<?> column, Expression<?> value) {
    }

    private final TableReference table;
    private final List<Assignment> assignments;
    private final Predicate where;
    private final boolean all;
    private final List<Expression<?>> returning;
    private final List<FromItem> from;
    private volatile List<Assignment> effective;

    private Update(TableReference table, List<Assignment> assignments, Predicate where, boolean all) {
        this(table, assignments, where, all, List.of());
    }

    private Update(TableReference table, List<Assignment> assignments, Predicate where, boolean all,
                   List<Expression<?>> returning) {
        this(table, assignments, where, all, returning, List.of());
    }

    private Update(TableReference table, List<Assignment> assignments, Predicate where, boolean all,
                   List<Expression<?>> returning, List<FromItem> from) {
        this.from = List.copyOf(from);
        this.returning = List.copyOf(returning);
        this.table = table;
        this.assignments = List.copyOf(assignments);
        this.where = where;
        this.all = all;
    }

    static Update of(TableReference table) {
        return new Update(Objects.requireNonNull(table, "update(table)"), List.of(), null, false);
    }

    /**
     * Sets a column to a value.
     *
     * @param column the column
     * @param value the value, bound; {@code null} sets NULL
     * @param <T> the column's type
     * @return a new statement
     */
    public <T> Update set(ColumnReference<T> column, T value) {
        return set(column, bind(column, value));
    }

    /**
     * Sets a column to an expression, e.g. {@code balance.minus(10)}.
     *
     * @param column the column
     * @param value the expression
     * @param <T> the column's type
     * @return a new statement
     */
    public <T> Update set(ColumnReference<T> column, Expression<T> value) {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(value, "value");
        if (column.table() != table) {
            throw new IllegalArgumentException("UPDATE " + table.name() + " cannot set column " + column.table().name()
                    + "." + column.name() + " of another table");
        }
        for (Assignment a : assignments) {
            if (a.column() == column) {
                throw new IllegalArgumentException("UPDATE " + table.name() + " sets column " + column.name() + " twice");
            }
        }
        List<Assignment> list = new ArrayList<>(assignments);
        list.add(new Assignment(column, value));
        return new Update(table, list, where, all, returning, from);
    }

    /**
     * Adds a WHERE condition, AND-ed with any before it.
     *
     * @param condition the condition
     * @return a new statement
     */
    public Update where(Predicate condition) {
        Objects.requireNonNull(condition, "where(condition)");
        return new Update(table, assignments, where == null ? condition : where.and(condition), all, returning, from);
    }

    /** @return a statement that updates every row, on purpose */
    public Update whereAll() {
        return new Update(table, assignments, where, true, returning, from);
    }

    @Override
    public TableReference table() {
        return table;
    }

    /**
     * Returns columns of the updated rows ({@code RETURNING}): PostgreSQL and SQLite 3.35+;
     * MariaDB has no UPDATE ... RETURNING and refuses it when compiled.
     *
     * @param items the columns or expressions to return
     * @return a new statement
     */
    public Update returning(Expression<?>... items) {
        return new Update(table, assignments, where, all, checkReturning(table, items), from);
    }

    @Override
    public List<Expression<?>> returning() {
        return returning;
    }

    /**
     * Reads other tables too: {@code UPDATE t SET ... FROM other WHERE ...} (PostgreSQL,
     * SQLite 3.33+), {@code UPDATE t, other SET ...} on MariaDB. Join them to the table in WHERE.
     *
     * @param items the other tables
     * @return a new statement
     */
    public Update from(FromItem... items) {
        return new Update(table, assignments, where, all, returning, java.util.Arrays.asList(items));
    }

    /** @return the other tables read, empty when none */
    public List<FromItem> fromItems() {
        return from;
    }

    /** @return the assignments set explicitly, without on-update values */
    List<Assignment> explicitAssignments() {
        return assignments;
    }

    /** @return the SET clause, on-update values included */
    public List<Assignment> assignments() {
        List<Assignment> e = effective;
        if (e == null) {
            e = new ArrayList<>(assignments);
            for (ColumnReference<?> c : table.columnReferences()) {
                if (c.updateDefault() != null && assignments.stream().noneMatch(a -> a.column() == c)) {
                    e.add(new Assignment(c, onUpdateParameter(c)));
                }
            }
            e = List.copyOf(e);
            effective = e;
        }
        return e;
    }

    private static <T> Expression<T> onUpdateParameter(ColumnReference<T> c) {
        return new BindParameter<>(null, null, c.type(), c.updateDefault());
    }

    /** @return the WHERE condition, or {@code null} */
    public Predicate where() {
        return where;
    }

    /** @return whether the statement was asked to update every row */
    public boolean isWhereAll() {
        return all;
    }

    @Override
    public void walk(Shape.Walker w) {
        w.token(Update.class).from(table).token(all).token(from.size());
        for (FromItem f : from) {
            w.from(f);
        }
        List<Assignment> a = assignments();
        w.token(a.size());
        for (Assignment x : a) {
            w.expression(x.column()).expression(x.value());
        }
        w.expression(where).expressions(returning);
    }

    @Override
    public <R> R accept(StatementVisitor<R> visitor) {
        return visitor.visitUpdate(this);
    }

    /** @return the statement as SQL (PostgreSQL's spelling, {@code ?} for parameters) */
    @Override
    public String toString() {
        return StatementFormatter.describe(this, "UPDATE " + table.name());
    }
}
