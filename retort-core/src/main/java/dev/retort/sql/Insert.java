package dev.retort.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An INSERT of one or more rows. Immutable. Made by {@link Statements#insert}.
 *
 * <pre>{@code
 * insert(users).value(users.name, "ada").value(users.email, "ada@example.org")
 * insert(users).columns(users.name, users.email).values("ada", "a@x.org").values("grace", "g@x.org")
 * }</pre>
 *
 * <p>Columns of the table with a client-side default ({@code defaultValue}, {@code defaultFrom})
 * that the statement does not set get their default, computed each time the statement runs.
 */
public final class Insert extends DataChange {
    private final TableReference table;
    private final List<ColumnReference<?>> columns;
    private final List<List<Expression<?>>> rows;
    private final List<Expression<?>> returning;
    private final OnConflict onConflict;
    private final Select fromSelect;
    /** The rows with defaults added, made once so that the walker and the compiler see the same parameters. */
    private volatile List<List<Expression<?>>> effectiveRows;

    private Insert(TableReference table, List<ColumnReference<?>> columns, List<List<Expression<?>>> rows) {
        this(table, columns, rows, List.of(), null, null);
    }

    private Insert(TableReference table, List<ColumnReference<?>> columns, List<List<Expression<?>>> rows,
                   List<Expression<?>> returning, OnConflict onConflict) {
        this(table, columns, rows, returning, onConflict, null);
    }

    private Insert(TableReference table, List<ColumnReference<?>> columns, List<List<Expression<?>>> rows,
                   List<Expression<?>> returning, OnConflict onConflict, Select fromSelect) {
        this.fromSelect = fromSelect;
        this.returning = List.copyOf(returning);
        this.onConflict = onConflict;
        this.table = table;
        this.columns = List.copyOf(columns);
        List<List<Expression<?>>> copy = new ArrayList<>();
        for (List<Expression<?>> r : rows) {
            copy.add(List.copyOf(r));
        }
        this.rows = List.copyOf(copy);
    }

    static Insert into(TableReference table) {
        return new Insert(Objects.requireNonNull(table, "insert(table)"), List.of(), List.of());
    }

    /**
     * Sets a column of the single row this statement inserts.
     *
     * @param column the column
     * @param value its value, bound as a parameter; {@code null} inserts NULL
     * @param <T> the column's type
     * @return a new statement
     */
    public <T> Insert value(ColumnReference<T> column, T value) {
        return value(column, bind(column, value));
    }

    /**
     * Sets a column of the single row to an expression.
     *
     * @param column the column
     * @param value the expression
     * @param <T> the column's type
     * @return a new statement
     */
    public <T> Insert value(ColumnReference<T> column, Expression<T> value) {
        checkColumn(column);
        if (rows.size() > 1) {
            throw new IllegalStateException("value(column, v) sets the single row of an INSERT, but this one has "
                    + rows.size() + " rows; use values(...) for each row.");
        }
        if (columns.contains(column)) {
            throw new IllegalArgumentException("INSERT into " + table.name() + " sets column " + column.name() + " twice");
        }
        List<ColumnReference<?>> cols = new ArrayList<>(columns);
        cols.add(column);
        List<Expression<?>> row = new ArrayList<>(rows.isEmpty() ? List.of() : rows.get(0));
        row.add(Objects.requireNonNull(value, "value"));
        return new Insert(table, cols, List.of(row));
    }

    /**
     * Names the columns of a multi-row INSERT; follow with {@link #values(Object...)} per row.
     *
     * @param columns the columns, in the order values will be given
     * @return a new statement
     */
    public Insert columns(ColumnReference<?>... columns) {
        if (!rows.isEmpty()) {
            throw new IllegalStateException("columns(...) must come before values(...) in an INSERT");
        }
        List<ColumnReference<?>> cols = new ArrayList<>();
        for (ColumnReference<?> c : columns) {
            checkColumn(c);
            if (cols.contains(c)) {
                throw new IllegalArgumentException("INSERT into " + table.name() + " names column " + c.name() + " twice");
            }
            cols.add(c);
        }
        return new Insert(table, cols, List.of());
    }

    /**
     * Adds a row: one value per column named in {@link #columns}, in that order; a value may be
     * an {@link Expression}.
     *
     * @param values the row's values
     * @return a new statement
     * @throws IllegalArgumentException naming the column, if a value has the wrong type or count
     */
    public Insert values(Object... values) {
        if (columns.isEmpty()) {
            throw new IllegalStateException("values(...) needs columns(...) first, to say which column each value is for");
        }
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("INSERT into " + table.name() + " has " + columns.size() + " columns "
                    + names() + " but a row of " + values.length + " values");
        }
        List<Expression<?>> row = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            row.add(bindChecked(columns.get(i), values[i], "INSERT into " + table.name()));
        }
        List<List<Expression<?>>> all = new ArrayList<>(rows);
        all.add(row);
        return new Insert(table, columns, all);
    }

    /**
     * Adds many rows at once (one copy, for bulk inserts): each a list of values per column named
     * by {@link #columns}. A statement with more parameters than the database allows is sent in
     * chunks by the connection.
     *
     * @param rowValues the rows
     * @return a new statement
     */
    public Insert valuesList(List<? extends List<?>> rowValues) {
        if (columns.isEmpty()) {
            throw new IllegalStateException("valuesList(...) needs columns(...) first");
        }
        List<List<Expression<?>>> all = new ArrayList<>(rows.size() + rowValues.size());
        all.addAll(rows);
        for (List<?> values : rowValues) {
            if (values.size() != columns.size()) {
                throw new IllegalArgumentException("INSERT into " + table.name() + " has " + columns.size() + " columns "
                        + names() + " but row " + all.size() + " has " + values.size() + " values");
            }
            List<Expression<?>> row = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                row.add(bindChecked(columns.get(i), values.get(i), "INSERT into " + table.name()));
            }
            all.add(row);
        }
        return new Insert(table, columns, all, returning, onConflict, fromSelect);
    }

    /**
     * The same statement for a slice of its rows, for sending a large INSERT in chunks.
     *
     * @param from the first row, inclusive
     * @param to the last row, exclusive
     * @return the statement with those rows
     */
    public Insert slice(int from, int to) {
        return new Insert(table, columns, rows.subList(from, to), returning, onConflict, fromSelect);
    }

    /** @return how many rows were given (client-side defaults aside) */
    public int rowCount() {
        return rows.size();
    }

    private List<String> names() {
        List<String> n = new ArrayList<>();
        for (ColumnReference<?> c : columns) {
            n.add(c.name());
        }
        return n;
    }

    private void checkColumn(ColumnReference<?> column) {
        Objects.requireNonNull(column, "column");
        if (column.table() != table) {
            throw new IllegalArgumentException("INSERT into " + table.name() + " cannot set column "
                    + column.table().name() + "." + column.name() + " of another table");
        }
    }

    @Override
    public TableReference table() {
        return table;
    }

    /**
     * Inserts the rows of a SELECT into the named columns: {@code INSERT INTO t (a, b) SELECT ...}.
     *
     * @param select a SELECT with one item per column named by {@link #columns}
     * @return a new statement
     */
    public Insert fromSelect(Select select) {
        if (columns.isEmpty() || !rows.isEmpty()) {
            throw new IllegalStateException("fromSelect(...) follows columns(...) and replaces values(...)");
        }
        if (select.items().size() != columns.size()) {
            throw new IllegalArgumentException("INSERT into " + table.name() + " names " + columns.size()
                    + " columns but the SELECT has " + select.items().size());
        }
        return new Insert(table, columns, rows, returning, onConflict, select);
    }

    /** @return the SELECT whose rows are inserted, or {@code null} */
    public Select fromSelect() {
        return fromSelect;
    }

    /**
     * Returns columns of the inserted rows ({@code RETURNING}): PostgreSQL, SQLite 3.35+,
     * MariaDB 10.5+. Other databases refuse it when the statement is compiled.
     *
     * @param items the columns or expressions to return
     * @return a new statement
     */
    public Insert returning(Expression<?>... items) {
        return new Insert(table, columns, rows, checkReturning(table, items), onConflict, fromSelect);
    }

    @Override
    public List<Expression<?>> returning() {
        return returning;
    }

    /**
     * Skips rows that would duplicate a unique key ({@code ON CONFLICT (target) DO NOTHING}).
     *
     * @param target the columns of the unique constraint (ignored by MariaDB, which reacts to any unique key)
     * @return a new statement
     */
    public Insert onConflictDoNothing(ColumnReference<?>... target) {
        return new Insert(table, columns, rows, returning, new OnConflict(List.of(target), List.of(), null), fromSelect);
    }

    /**
     * Updates the existing row instead when a row would duplicate a unique key (an upsert). Use
     * {@link Excluded#of} for the value the INSERT proposed.
     *
     * <pre>{@code
     * insert(stock).value(stock.sku, "A1").value(stock.qty, 5)
     *         .onConflictDoUpdate(List.of(stock.sku), update -> update.set(stock.qty, stock.qty.plus(Excluded.of(stock.qty))))
     * }</pre>
     *
     * @param target the columns of the unique constraint (ignored by MariaDB)
     * @param assignments builds the SET clause on an UPDATE of this table
     * @return a new statement
     */
    public Insert onConflictDoUpdate(List<ColumnReference<?>> target, java.util.function.UnaryOperator<Update> assignments) {
        Update u = assignments.apply(Update.of(table));
        if (u.explicitAssignments().isEmpty()) {
            throw new IllegalArgumentException("onConflictDoUpdate: the update sets no column; use onConflictDoNothing");
        }
        return new Insert(table, columns, rows, returning, new OnConflict(target, u.explicitAssignments(), u.where()),
                fromSelect);
    }

    /** @return the conflict clause, or {@code null} */
    public OnConflict onConflict() {
        return onConflict;
    }

    /** @return the columns set, then the columns filled by client-side defaults */
    public List<ColumnReference<?>> columns() {
        List<ColumnReference<?>> all = new ArrayList<>(columns);
        all.addAll(defaulted());
        return all;
    }

    private List<ColumnReference<?>> defaulted() {
        List<ColumnReference<?>> out = new ArrayList<>();
        if (fromSelect != null) {
            return out;
        }
        for (ColumnReference<?> c : table.columnReferences()) {
            if (c.insertDefault() != null && !columns.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** @return the rows, each with a value per column of {@link #columns()} (defaults included) */
    public List<List<Expression<?>>> rows() {
        List<List<Expression<?>>> r = effectiveRows;
        if (r == null) {
            r = buildRows();
            effectiveRows = r;
        }
        return r;
    }

    private List<List<Expression<?>>> buildRows() {
        List<ColumnReference<?>> extra = defaulted();
        if (extra.isEmpty()) {
            return rows;
        }
        List<List<Expression<?>>> out = new ArrayList<>();
        for (List<Expression<?>> r : rows.isEmpty() ? List.<List<Expression<?>>>of(List.of()) : rows) {
            List<Expression<?>> row = new ArrayList<>(r);
            for (ColumnReference<?> c : extra) {
                row.add(defaultParameter(c));
            }
            out.add(row);
        }
        return out;
    }

    private static <T> Expression<T> defaultParameter(ColumnReference<T> c) {
        return new BindParameter<>(null, null, c.type(), c.insertDefault());
    }

    @Override
    public void walk(Shape.Walker w) {
        w.token(Insert.class).from(table);
        List<ColumnReference<?>> cols = columns();
        w.expressions(cols);
        List<List<Expression<?>>> r = rows();
        w.token(r.size());
        for (List<Expression<?>> row : r) {
            w.expressions(row);
        }
        if (fromSelect != null) {
            fromSelect.walk(w);
        } else {
            w.token(false);
        }
        if (onConflict == null) {
            w.token(false);
        } else {
            w.token(true).expressions(onConflict.target()).token(onConflict.assignments().size());
            for (Update.Assignment a : onConflict.assignments()) {
                w.expression(a.column()).expression(a.value());
            }
            w.expression(onConflict.where());
        }
        w.expressions(returning);
    }


    @Override
    public <R> R accept(StatementVisitor<R> visitor) {
        return visitor.visitInsert(this);
    }

    /** @return the statement as SQL (PostgreSQL's spelling, {@code ?} for parameters) */
    @Override
    public String toString() {
        return StatementFormatter.describe(this, "INSERT INTO " + table.name() + " " + names());
    }
}
