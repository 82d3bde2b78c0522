package dev.retort.sql;

import java.util.List;

/**
 * A table as statements see it: a name, a schema and columns. The schema layer's {@code Table}
 * implements it.
 */
public interface TableReference extends FromItem {

    /** @return the table's name */
    String name();

    /** @return the table's schema, or {@code null} for the default */
    String schema();

    /** @return the columns, in order */
    List<? extends ColumnReference<?>> columnReferences();

    @Override
    default <R> R accept(FromVisitor<R> visitor) {
        return visitor.visitTable(this);
    }
}
