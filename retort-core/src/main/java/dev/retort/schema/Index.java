package dev.retort.schema;

import java.util.List;
import java.util.Optional;

/**
 * An index: over columns, or over SQL expressions (PostgreSQL, SQLite), optionally unique and
 * optionally partial ({@code WHERE}, PostgreSQL and SQLite). Made in a table definition.
 *
 * @param table the indexed table
 * @param name the index name (always set: the naming convention's, or {@code ix_<table>_<columns>})
 * @param unique whether the index is unique
 * @param elements the indexed columns or expressions, in order
 * @param where the condition of a partial index, or {@code null}
 */
public record Index(Table table, String name, boolean unique, List<Element> elements, String where) {

    /**
     * One indexed thing: a column, or a SQL expression written by the developer.
     *
     * @param column the column, or {@code null}
     * @param expression the SQL expression, or {@code null}
     */
    public record Element(Column<?> column, String expression) {
        /** @return whether this is an expression rather than a column */
        public boolean isExpression() {
            return expression != null;
        }

        @Override
        public String toString() {
            return column != null ? column.name() : expression;
        }
    }

    /** Copies the element list. */
    public Index {
        elements = List.copyOf(elements);
    }

    /** @return the condition of a partial index, if any */
    public Optional<String> optionalWhere() {
        return Optional.ofNullable(where);
    }

    /** @return the indexed columns; empty for an expression index */
    public List<Column<?>> columns() {
        return elements.stream().filter(e -> e.column() != null).<Column<?>>map(Element::column).toList();
    }

    @Override
    public String toString() {
        return (unique ? "UNIQUE INDEX " : "INDEX ") + name + " ON " + table.name() + " " + elements;
    }
}
