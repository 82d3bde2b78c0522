package dev.retort.sql;

import dev.retort.types.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A SELECT used as a table in FROM under an alias: {@code (SELECT ...) AS alias}, or a common
 * table expression ({@code WITH name AS (SELECT ...)}) referred to by name. Its columns are the
 * SELECT's items, named by their labels (a column's name, or the alias given with {@code as}).
 * Made by {@link Select#subquery} and {@link Select#cte}.
 */
public final class DerivedTable implements TableReference {
    private final String name;
    private final Select body;
    private final boolean cte;
    private final boolean recursive;
    private final List<DerivedColumn<?>> columns;

    DerivedTable(String name, Select body, boolean cte, boolean recursive, List<Expression<?>> shapeItems) {
        if (!SqlNames.isName(name)) {
            throw new IllegalArgumentException("Subquery or CTE name '" + name + "' must be a plain identifier");
        }
        this.name = name;
        this.body = body;
        this.cte = cte;
        this.recursive = recursive;
        List<DerivedColumn<?>> cols = new ArrayList<>();
        for (Expression<?> e : shapeItems) {
            cols.add(derived(this, e));
        }
        this.columns = List.copyOf(cols);
    }

    private static <T> DerivedColumn<T> derived(DerivedTable owner, Expression<T> e) {
        return new DerivedColumn<>(owner, labelOf(e), e.type());
    }

    static String labelOf(Expression<?> e) {
        if (e instanceof Aliased<?> a) {
            return a.alias();
        }
        if (e instanceof ColumnReference<?> c) {
            return c.name();
        }
        throw new IllegalArgumentException("A subquery's columns need names: give " + e + " one with as(\"name\")");
    }

    /**
     * A recursive CTE: {@code WITH RECURSIVE name AS (anchor UNION ALL recursive)}. The function
     * gets the CTE itself, to refer to in the recursive part.
     *
     * @param recursivePart builds the recursive SELECT from this CTE
     * @return the complete CTE
     */
    public DerivedTable unionAll(java.util.function.Function<DerivedTable, Select> recursivePart) {
        if (!cte) {
            throw new IllegalStateException("unionAll(recursive part) is for recursive CTEs made with Select.cte(name, true)");
        }
        DerivedTable self = new DerivedTable(name, null, true, true, body.items());
        Select recursiveSelect = recursivePart.apply(self);
        self.compound = new CompoundSelect(List.of(body, recursiveSelect), List.of(CompoundSelect.Kind.UNION_ALL),
                List.of(), null, null);
        return self;
    }

    private CompoundSelect compound;

    /** @return the name or alias */
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

    /**
     * A column by its label.
     *
     * @param label the label
     * @param type the Java type expected
     * @param <T> that type
     * @return the column
     */
    @SuppressWarnings("unchecked")
    public <T> ColumnReference<T> column(String label, Class<T> type) {
        for (DerivedColumn<?> c : columns) {
            if (c.name().equals(label)) {
                if (!type.isAssignableFrom(c.type().javaType())) {
                    throw new IllegalArgumentException(name + "." + label + " holds " + c.type().javaType().getSimpleName()
                            + ", not " + type.getSimpleName());
                }
                return (ColumnReference<T>) c;
            }
        }
        throw new IllegalArgumentException(name + " has no column " + label + "; its columns are "
                + columns.stream().map(DerivedColumn::name).toList());
    }

    /**
     * The column that an item of the SELECT became, typed like it.
     *
     * @param item an item of the SELECT (a column, or an aliased expression)
     * @param <T> its type
     * @return the column
     */
    public <T> ColumnReference<T> column(Expression<T> item) {
        return column(labelOf(item), item.type().javaType());
    }

    /** @return the SELECT, for a plain subquery or a non-recursive CTE; {@code null} for a recursive CTE */
    public Select body() {
        return body;
    }

    /** @return the UNION ALL of a recursive CTE, or {@code null} */
    public CompoundSelect recursiveBody() {
        return compound;
    }

    /** @return whether this is a common table expression (rendered in WITH) */
    public boolean isCte() {
        return cte;
    }

    /** @return whether this CTE is recursive */
    public boolean isRecursive() {
        return recursive;
    }

    @Override
    public <R> R accept(FromVisitor<R> visitor) {
        return visitor.visitDerived(this);
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * A column of a derived table.
     *
     * @param table the derived table
     * @param name the label
     * @param type the type
     * @param <T> the Java type
     */
    public record DerivedColumn<T>(DerivedTable table, String name, SqlType<T> type) implements ColumnReference<T> {
        /** Rejects nulls. */
        public DerivedColumn {
            Objects.requireNonNull(table);
            Objects.requireNonNull(name);
            Objects.requireNonNull(type);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DerivedColumn<?> d && d.table == table && d.name.equals(name);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(table) * 31 + name.hashCode();
        }
    }
}
