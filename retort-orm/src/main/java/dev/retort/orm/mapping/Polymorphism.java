package dev.retort.orm.mapping;

import dev.retort.schema.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one entity class of a hierarchy knows about the others: its discriminator value, the
 * discriminator column (whose value it stamps into every row it writes), the values a query of it
 * matches (its own and its subclasses'), and how a row read from the shared table picks the class
 * to load it as.
 */
public final class Polymorphism {
    private final Hierarchy hierarchy;
    private final Class<?> type;
    private final MappedColumn discriminator;
    private final String value;
    private final List<String> values;
    private final List<MappedColumn> required;
    private final Map<String, EntityMapping<?>> byValue = new ConcurrentHashMap<>();
    private final Map<Class<?>, Table> tables;
    private final List<Table> chain;
    private final Map<Table, List<MappedColumn>> keyCopies;
    private final List<MappedColumn> idColumns;

    Polymorphism(Hierarchy hierarchy, Class<?> type, MappedColumn discriminator, List<MappedColumn> required,
                 Map<Class<?>, Table> tables, Map<Table, List<MappedColumn>> keyCopies, List<MappedColumn> idColumns) {
        this.hierarchy = hierarchy;
        this.type = type;
        this.discriminator = discriminator;
        this.value = hierarchy.valueOf(type);
        this.values = List.copyOf(hierarchy.valuesFrom(type));
        this.required = List.copyOf(required);
        this.tables = tables;
        this.keyCopies = Collections.unmodifiableMap(keyCopies);
        this.idColumns = idColumns;
        List<Table> c = new ArrayList<>();
        if (tables == null) {
            c.add(discriminator.column().table());
        } else {
            tables.forEach((cls, t) -> {
                if (cls.isAssignableFrom(type)) {
                    c.add(t);
                }
            });
        }
        this.chain = List.copyOf(c);
    }

    /**
     * @return for a JOINED hierarchy, every class's table, the root's first and each after its
     *         parent's; {@code null} for a single-table hierarchy
     */
    public Map<Class<?>, Table> tables() {
        return tables;
    }

    /** @return the tables a row of this class is stored in: the root's, then down to its own (one table for SINGLE_TABLE) */
    public List<Table> chainTables() {
        return chain;
    }

    /**
     * @param table one of {@link #chainTables()}
     * @return its key columns in this mapping: the id columns in the root's table, the key copies in a subclass's
     */
    public List<MappedColumn> keyColumns(Table table) {
        return table == chain.get(0) ? idColumns : keyCopies.get(table);
    }

    /** @return the hierarchy */
    public Hierarchy hierarchy() {
        return hierarchy;
    }

    /** @return the discriminator column */
    public MappedColumn discriminator() {
        return discriminator;
    }

    /** @return this class's discriminator value, or {@code null} for an abstract class */
    public String value() {
        return value;
    }

    /**
     * @return the discriminator values a query of this class matches: its own and its subclasses',
     *         or an empty list for the root, whose queries match every row
     */
    public List<String> matchedValues() {
        return type == hierarchy.root() ? List.of() : values;
    }

    /**
     * @return the columns of fields declared in subclasses as not-null: nullable in the shared
     *         table, so the session checks them at flush
     */
    public List<MappedColumn> required() {
        return required;
    }

    /** Writes this class's discriminator value into column values about to be written. */
    void stamp(Object[] columnValues) {
        if (value != null) {                       // an abstract class has no instances of its own
            columnValues[discriminator.index()] = value;
        }
        for (List<MappedColumn> copies : keyCopies.values()) {   // a JOINED subclass table's key is the id
            for (int i = 0; i < copies.size(); i++) {
                columnValues[copies.get(i).index()] = columnValues[idColumns.get(i).index()];
            }
        }
    }

    /**
     * The mapping of the class a row of the hierarchy's table is.
     *
     * @param columnValues the row's column values, in the mapping's column order
     * @return the mapping of the class its discriminator names
     * @throws IllegalStateException if the discriminator holds a value no class of the hierarchy has
     */
    public EntityMapping<?> mappingOf(Object[] columnValues) {
        Object v = columnValues[discriminator.index()];
        if (value != null && value.equals(v)) {
            return EntityMapping.of(type);
        }
        String key = String.valueOf(v);
        EntityMapping<?> m = byValue.get(key);
        if (m == null) {
            Class<?> c = v == null ? null : hierarchy.classOf(key);
            if (c == null || !type.isAssignableFrom(c)) {
                throw new IllegalStateException("A row of " + discriminator.column().table().name() + " has "
                        + discriminator.column().name() + " = " + (v == null ? "NULL" : "'" + v + "'") + ", which marks no "
                        + (c == null ? "class of the hierarchy of " + hierarchy.root().getSimpleName() : "subclass of " + type.getSimpleName())
                        + "; the known values are " + hierarchy.valuesFrom(type) + ". Fix the row, or list its class in @Inheritance(subclasses)");
            }
            m = EntityMapping.of(c);
            byValue.put(key, m);
        }
        return m;
    }

    @Override
    public String toString() {
        return type.getSimpleName() + " '" + value + "' of " + hierarchy;
    }
}
