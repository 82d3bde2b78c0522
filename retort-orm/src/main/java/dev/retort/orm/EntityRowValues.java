package dev.retort.orm;

import dev.retort.engine.Row;
import dev.retort.orm.mapping.EntityMapping;

/**
 * An entity's column values read from a row: the row's class (in a hierarchy, the one its
 * discriminator names), the values in that class's column order (columns the query did not read
 * hold their Java defaults), and its id.
 *
 * @param mapping the row's class
 * @param values its column values
 * @param id its id, never {@code null}
 */
record EntityRowValues(EntityMapping<Object> mapping, Object[] values, Object id) {

    /**
     * Reads an entity's columns from a row.
     *
     * @param queried the entity the query asked for
     * @param read the columns the query read
     * @param row the row
     * @param offset where the entity's columns start
     * @return the values
     * @throws IllegalStateException if the row's id is NULL
     */
    @SuppressWarnings("unchecked")
    static EntityRowValues of(EntityMapping<?> queried, LoadedColumns read, Row row, int offset) {
        Object[] values = read.values(row, offset);
        EntityMapping<Object> m = (EntityMapping<Object>) queried.mappingOf(values);
        read.fillDefaults(values, m);
        Object id = m.idFromColumns(values);
        if (id == null) {
            throw nullId(m);
        }
        return new EntityRowValues(m, values, id);
    }

    /** Out of line, so that {@link #of} stays small enough to inline (and this record not to be allocated). */
    private static IllegalStateException nullId(EntityMapping<?> m) {
        return new IllegalStateException("A row of " + m.table().name() + " has a NULL id; it cannot become a "
                + m.type().getSimpleName() + " (select all its key columns)");
    }
}
