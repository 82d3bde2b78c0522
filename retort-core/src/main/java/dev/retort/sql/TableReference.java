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

    /**
     * The equalities of each foreign key that links this table to another, in either direction:
     * one list of (referencing column, referenced column) pairs per foreign key. Used to infer
     * join conditions.
     *
     * @param other the other table
     * @return one list of {@code [from, to]} column pairs per linking foreign key
     */
    default List<List<ColumnReference<?>[]>> foreignKeyLinks(TableReference other) {
        return List.of();
    }

    /**
     * This table under an alias, to join it twice or name it shortly.
     *
     * @param alias the alias
     * @return the aliased table; get its columns with {@link TableAlias#column}
     */
    default TableAlias as(String alias) {
        return new TableAlias(this, alias);
    }

    @Override
    default List<TableReference> tables() {
        return List.of(this);
    }

    @Override
    default <R> R accept(FromVisitor<R> visitor) {
        return visitor.visitTable(this);
    }
}
