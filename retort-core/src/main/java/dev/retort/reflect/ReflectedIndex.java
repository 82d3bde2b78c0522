package dev.retort.reflect;

import java.util.List;
import java.util.Objects;

/**
 * An index as the database describes it, without the indexes that a primary key or unique
 * constraint owns (those are reported as the constraint). Immutable.
 *
 * @param name the index name
 * @param unique whether the index is unique
 * @param elements the indexed columns and expressions, in order
 * @param where the condition of a partial index as SQL text, or {@code null}
 */
public record ReflectedIndex(String name, boolean unique, List<Element> elements, String where) {
    /** Copies the element list. */
    public ReflectedIndex {
        Objects.requireNonNull(name, "name");
        elements = List.copyOf(Objects.requireNonNull(elements, "elements"));
    }

    /**
     * One indexed thing: a column by name, or an expression as SQL text.
     *
     * @param column the column name, or {@code null}
     * @param expression the expression text, or {@code null}
     */
    public record Element(String column, String expression) {
        /** Checks that exactly one of the two is set. */
        public Element {
            if ((column == null) == (expression == null)) {
                throw new IllegalArgumentException("An index element is either a column or an expression");
            }
        }

        /**
         * A column element.
         *
         * @param name the column name
         * @return the element
         */
        public static Element column(String name) {
            return new Element(name, null);
        }

        /**
         * An expression element.
         *
         * @param sql the expression text
         * @return the element
         */
        public static Element expression(String sql) {
            return new Element(null, sql);
        }

        /** @return whether this is an expression rather than a column */
        public boolean isExpression() {
            return expression != null;
        }

        @Override
        public String toString() {
            return column != null ? column : expression;
        }
    }

    /** @return the names of the indexed columns; expressions are left out */
    public List<String> columnNames() {
        return elements.stream().filter(e -> !e.isExpression()).map(Element::column).toList();
    }
}
