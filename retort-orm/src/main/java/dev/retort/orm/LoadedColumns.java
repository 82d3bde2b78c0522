package dev.retort.orm;

import dev.retort.engine.Row;
import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.MappedColumn;
import dev.retort.orm.mapping.Polymorphism;
import dev.retort.sql.Expression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which columns of an entity a query reads, and where each one is in its rows: every column
 * but the deferred ones by default, or what {@code undefer}, {@code defer} and {@code loadOnly}
 * made of that. Immutable; the default of each entity is made once.
 */
final class LoadedColumns {
    private static final ClassValue<LoadedColumns> DEFAULTS = new ClassValue<>() {
        @Override
        protected LoadedColumns computeValue(Class<?> type) {
            EntityMapping<?> m = EntityMapping.of(type);
            boolean[] read = new boolean[m.columns().size()];
            for (MappedColumn c : m.columns()) {
                read[c.index()] = !c.isDeferred();
            }
            return new LoadedColumns(m, read);
        }
    };

    /** Per entity class: the columns that always load (ids, versions, keys, references, the discriminator). */
    private static final ClassValue<boolean[]> PINNED = new ClassValue<>() {
        @Override
        protected boolean[] computeValue(Class<?> type) {
            return pinned(EntityMapping.of(type));
        }
    };

    private final EntityMapping<?> mapping;
    private final boolean[] read;
    private final int[] positions;
    private final List<MappedColumn> columns;
    private final boolean all;

    private LoadedColumns(EntityMapping<?> mapping, boolean[] read) {
        this.mapping = mapping;
        this.read = read;
        this.positions = new int[read.length];
        List<MappedColumn> out = new ArrayList<>();
        for (MappedColumn c : mapping.columns()) {
            positions[c.index()] = read[c.index()] ? out.size() : -1;
            if (read[c.index()]) {
                out.add(c);
            }
        }
        this.columns = List.copyOf(out);
        this.all = out.size() == read.length;
    }

    /** The columns an entity's queries read unless told otherwise: all but the deferred ones. */
    static LoadedColumns defaults(EntityMapping<?> mapping) {
        return DEFAULTS.get(mapping.type());
    }

    /**
     * The columns to read with some of them loaded or left out on request; the columns that always
     * load are read whatever the request says.
     *
     * @param mapping the queried entity
     * @param read per column index, whether to read it
     */
    static LoadedColumns of(EntityMapping<?> mapping, boolean[] read) {
        boolean[] pinned = PINNED.get(mapping.type());
        boolean[] out = read.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] |= pinned[i];
        }
        LoadedColumns d = defaults(mapping);
        return Arrays.equals(out, d.read) ? d : new LoadedColumns(mapping, out);
    }

    /** Whether a column always loads: an id or key, a version, a reference's key, the discriminator. */
    static boolean isPinned(EntityMapping<?> mapping, MappedColumn c) {
        return PINNED.get(mapping.type())[c.index()];
    }

    private static boolean[] pinned(EntityMapping<?> m) {
        boolean[] out = new boolean[m.columns().size()];
        Polymorphism p = m.polymorphism();
        List<EntityMapping<?>> classes = new ArrayList<>();
        if (p == null) {
            classes.add(m);
        } else {
            for (Class<?> c : p.hierarchy().classes()) {
                classes.add(EntityMapping.of(c));   // another class's reference column is a placeholder here
            }
        }
        for (MappedColumn c : m.columns()) {
            boolean pin = c.column().isPrimaryKey() || (p != null && c == p.discriminator());
            for (EntityMapping<?> other : classes) {
                MappedColumn same = other.columns().get(c.index());
                pin |= same.attribute().isId() || same.attribute().isVersion() || same.attribute().relationship() != null;
            }
            out[c.index()] = pin;
        }
        return out;
    }

    /** @return the entity these columns are of */
    EntityMapping<?> mapping() {
        return mapping;
    }

    /** @return whether every column is read */
    boolean all() {
        return all;
    }

    /** @return how many columns a row holds */
    int size() {
        return columns.size();
    }

    /** @return whether a column (by its index in the mapping) is read */
    boolean isRead(int index) {
        return read[index];
    }

    /** @return where a column (by its index in the mapping) is in a row, or -1 when it is not read */
    int position(int index) {
        return positions[index];
    }

    /** @return the columns read, in table order */
    List<MappedColumn> columns() {
        return columns;
    }

    /** @return the select list */
    Expression<?>[] items() {
        return columns.stream().map(MappedColumn::column).toArray(Expression<?>[]::new);
    }

    /**
     * The column values of a row, in the mapping's order; a column not read holds {@code null}
     * until {@link #fillDefaults} gives it its field's default.
     *
     * @param row the row
     * @param offset where the entity's columns start in it
     * @return the values
     */
    Object[] values(Row row, int offset) {
        Object[] values = new Object[read.length];
        if (all) {
            for (int i = 0; i < values.length; i++) {
                values[i] = row.get(offset + i);
            }
            return values;
        }
        for (int i = 0; i < values.length; i++) {
            if (positions[i] >= 0) {
                values[i] = row.get(offset + positions[i]);
            }
        }
        return values;
    }

    /**
     * Puts the Java default of each column not read into a row's values, as the row's class (in
     * a hierarchy, the class the discriminator names) declares the field.
     *
     * @param values the row's values
     * @param rowClass the mapping of the row's class
     */
    void fillDefaults(Object[] values, EntityMapping<?> rowClass) {
        if (all) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            if (positions[i] < 0) {
                values[i] = javaDefault(rowClass.columns().get(i));
            }
        }
    }

    /** The value a column's field holds while it is not loaded: {@code null}, or zero for a primitive. */
    static Object javaDefault(MappedColumn c) {
        Class<?> t = c.component() < 0 ? c.attribute().javaType() : null;
        if (t == null || !t.isPrimitive()) {
            return null;
        }
        if (t == boolean.class) {
            return false;
        }
        if (t == char.class) {
            return '\0';
        }
        return switch (t.getName()) {
            case "int" -> 0;
            case "long" -> 0L;
            case "short" -> (short) 0;
            case "byte" -> (byte) 0;
            case "float" -> 0f;
            default -> 0d;
        };
    }

    @Override
    public String toString() {
        return mapping.type().getSimpleName() + columns;
    }
}
