package dev.retort.sql;

import dev.retort.types.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rows given in the statement, used as a table: {@code (VALUES (?, ?), (?, ?)) AS v (a, b)} on
 * PostgreSQL, a UNION ALL of one-row SELECTs elsewhere (where VALUES cannot name its columns).
 * Every value is bound. Immutable; made by {@link #of}, filled with {@link #row}.
 *
 * <pre>{@code
 * ValuesTable wanted = ValuesTable.of("wanted", List.of(ValuesTable.column("sku", varchar(10)), ValuesTable.column("qty", INTEGER)))
 *         .row("A1", 2).row("B7", 1);
 * select(stock.sku).from(stock.join(wanted, stock.sku.eq(wanted.column("sku", String.class))))
 * }</pre>
 */
public final class ValuesTable implements TableReference {

    /**
     * A column of a VALUES table.
     *
     * @param table the table
     * @param name the column name
     * @param type its type
     * @param <T> the Java type
     */
    public record ValuesColumn<T>(ValuesTable table, String name, SqlType<T> type) implements ColumnReference<T> {
        @Override
        public boolean equals(Object o) {
            return o instanceof ValuesColumn<?> v && v.table == table && v.name.equals(name);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(table) * 31 + name.hashCode();
        }
    }

    /**
     * A column's name and type, to declare a VALUES table.
     *
     * @param name the name
     * @param type the type
     */
    public record Spec(String name, SqlType<?> type) {
    }

    private final String name;
    private final List<ValuesColumn<?>> columns;
    private final List<List<Expression<?>>> rows;

    private ValuesTable(String name, List<Spec> specs, List<List<Expression<?>>> rows) {
        if (!SqlNames.isName(name)) {
            throw new IllegalArgumentException("VALUES table name '" + name + "' must be a plain identifier");
        }
        this.name = name;
        List<ValuesColumn<?>> cols = new ArrayList<>();
        for (Spec s : specs) {
            cols.add(new ValuesColumn<>(this, s.name(), s.type()));
        }
        this.columns = List.copyOf(cols);
        this.rows = List.copyOf(rows);
    }

    /**
     * A column declaration.
     *
     * @param name the column name
     * @param type its type
     * @return the declaration
     */
    public static Spec column(String name, SqlType<?> type) {
        return new Spec(Objects.requireNonNull(name, "name"), Objects.requireNonNull(type, "type"));
    }

    /**
     * An empty VALUES table with named, typed columns.
     *
     * @param name the table's alias
     * @param columns the columns
     * @return the table, to fill with {@link #row}
     */
    public static ValuesTable of(String name, List<Spec> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A VALUES table needs at least one column");
        }
        return new ValuesTable(name, columns, List.of());
    }

    /**
     * Adds a row: one value per column, checked against the column's type.
     *
     * @param values the values
     * @return a new table
     */
    public ValuesTable row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("VALUES table " + name + " has " + columns.size() + " columns, got a row of "
                    + values.length);
        }
        List<Expression<?>> row = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            row.add(bind(columns.get(i), values[i]));
        }
        List<List<Expression<?>>> all = new ArrayList<>(rows);
        all.add(List.copyOf(row));
        List<Spec> specs = new ArrayList<>();
        for (ValuesColumn<?> c : columns) {
            specs.add(new Spec(c.name(), c.type()));
        }
        return new ValuesTable(name, specs, all);
    }

    @SuppressWarnings("unchecked")
    private static <T> Expression<T> bind(ValuesColumn<T> c, Object value) {
        if (value != null && !c.type().accepts(value)) {
            throw new IllegalArgumentException("VALUES column " + c.name() + " holds " + c.type() + ", not " + value);
        }
        return new BindParameter<>(null, (T) value, c.type());
    }

    /**
     * A column by name, typed.
     *
     * @param columnName the name
     * @param type the Java type expected
     * @param <T> that type
     * @return the column
     */
    @SuppressWarnings("unchecked")
    public <T> ColumnReference<T> column(String columnName, Class<T> type) {
        for (ValuesColumn<?> c : columns) {
            if (c.name().equals(columnName) && type.isAssignableFrom(c.type().javaType())) {
                return (ColumnReference<T>) c;
            }
        }
        throw new IllegalArgumentException("VALUES table " + name + " has no " + type.getSimpleName() + " column " + columnName);
    }

    /** @return the rows of bound values */
    public List<List<Expression<?>>> rows() {
        return rows;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String schema() {
        return null;
    }

    @Override
    public List<? extends ColumnReference<?>> columnReferences() {
        return columns;
    }

    @Override
    public <R> R accept(FromVisitor<R> visitor) {
        return visitor.visitValues(this);
    }
}
