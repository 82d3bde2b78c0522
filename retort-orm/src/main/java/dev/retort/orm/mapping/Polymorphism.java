package dev.retort.orm.mapping;

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

    Polymorphism(Hierarchy hierarchy, Class<?> type, MappedColumn discriminator, List<MappedColumn> required) {
        this.hierarchy = hierarchy;
        this.type = type;
        this.discriminator = discriminator;
        this.value = hierarchy.valueOf(type);
        this.values = List.copyOf(hierarchy.valuesFrom(type));
        this.required = List.copyOf(required);
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
