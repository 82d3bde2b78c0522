package dev.retort.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table under another name in one statement ({@code FROM users AS u}), for joining a table to
 * itself or to another table twice. Two aliases are equal when they alias the same table by the
 * same name, so statements built from separate alias objects share their compiled form.
 *
 * <pre>{@code
 * TableAlias manager = employees.as("manager");
 * select(employees.name, manager.column(employees.name).as("manager_name"))
 *         .from(employees.join(manager, employees.reportsTo.eq(manager.column(employees.id))));
 * }</pre>
 *
 * @param table the aliased table
 * @param alias the alias
 */
public record TableAlias(TableReference table, String alias) implements TableReference {

    /** Checks the alias. */
    public TableAlias {
        Objects.requireNonNull(table, "table");
        if (!SqlNames.isName(alias)) {
            throw new IllegalArgumentException("Table alias '" + alias + "' must be a plain identifier");
        }
        if (table instanceof TableAlias) {
            throw new IllegalArgumentException("Alias the table itself, not the alias " + ((TableAlias) table).alias());
        }
    }

    /**
     * A column of the aliased table, seen through the alias.
     *
     * @param column a column of the table
     * @param <T> its type
     * @return the column qualified by the alias
     */
    public <T> ColumnReference<T> column(ColumnReference<T> column) {
        if (column.table() != table) {
            throw new IllegalArgumentException("Column " + column.name() + " belongs to " + column.table().name()
                    + ", not to " + table.name() + " (aliased " + alias + ")");
        }
        return new AliasedColumn<>(this, column);
    }

    /** @return the alias, which qualifies the columns */
    @Override
    public String name() {
        return alias;
    }

    /** @return {@code null}: an alias is not in a schema */
    @Override
    public String schema() {
        return null;
    }

    @Override
    public List<? extends ColumnReference<?>> columnReferences() {
        List<ColumnReference<?>> out = new ArrayList<>();
        for (ColumnReference<?> c : table.columnReferences()) {
            out.add(new AliasedColumn<>(this, c));
        }
        return out;
    }

    @Override
    public List<List<ColumnReference<?>[]>> foreignKeyLinks(TableReference other) {
        TableReference target = other instanceof TableAlias a ? a.table() : other;
        List<List<ColumnReference<?>[]>> out = new ArrayList<>();
        for (List<ColumnReference<?>[]> link : table.foreignKeyLinks(target)) {
            List<ColumnReference<?>[]> mapped = new ArrayList<>();
            for (ColumnReference<?>[] pair : link) {
                mapped.add(new ColumnReference<?>[] {rebind(pair[0], other), rebind(pair[1], other)});
            }
            out.add(mapped);
        }
        return out;
    }

    /** Sees a column through this alias, or through the other side's alias, whichever it belongs to. */
    private ColumnReference<?> rebind(ColumnReference<?> c, TableReference other) {
        if (c.table() == table) {
            return new AliasedColumn<>(this, c);
        }
        if (other instanceof TableAlias a && c.table() == a.table()) {
            return new AliasedColumn<>(a, c);
        }
        return c;
    }

    @Override
    public TableAlias as(String otherAlias) {
        return new TableAlias(table, otherAlias);
    }

    @Override
    public <R> R accept(FromVisitor<R> visitor) {
        return visitor.visitAlias(this);
    }

    /**
     * A column seen through a table alias.
     *
     * @param alias the alias
     * @param column the column of the aliased table
     * @param <T> its type
     */
    public record AliasedColumn<T>(TableAlias alias, ColumnReference<T> column) implements ColumnReference<T> {
        @Override
        public String name() {
            return column.name();
        }

        @Override
        public TableReference table() {
            return alias;
        }

        @Override
        public dev.retort.types.SqlType<T> type() {
            return column.type();
        }
    }
}
