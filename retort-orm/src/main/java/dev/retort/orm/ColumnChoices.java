package dev.retort.orm;

import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.MappedColumn;
import dev.retort.schema.Column;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Applies the column options of a query ({@code undefer}, {@code undeferGroup}, {@code defer},
 * {@code loadOnly}) to the columns it reads, and finds the mapped columns an option or
 * {@code Session.undefer} names, refusing columns of other entities and of relationships.
 */
final class ColumnChoices {
    private ColumnChoices() {
    }

    /**
     * @param current the columns the query reads so far
     * @param option a column option
     * @return the columns it reads with the option
     */
    static LoadedColumns apply(LoadedColumns current, LoadOption option) {
        EntityMapping<?> m = current.mapping();
        boolean[] read = new boolean[m.columns().size()];
        for (int i = 0; i < read.length; i++) {
            read[i] = current.isRead(i);
        }
        String what = option.toString();
        switch (option.columnChoice()) {
            case UNDEFER -> {
                for (Column<?> c : option.columns()) {
                    valueOf(resolve(m, c, what)).forEach(v -> read[v.index()] = true);
                }
            }
            case UNDEFER_GROUP -> {
                Set<MappedColumn> group = group(m, option.group(), what);
                group.forEach(c -> read[c.index()] = true);
            }
            case DEFER -> {
                for (Column<?> c : option.columns()) {
                    MappedColumn mc = resolve(m, c, what);
                    if (LoadedColumns.isPinned(m, mc)) {
                        throw new IllegalArgumentException(what + ": " + c.qualifiedName() + " is " + pinnedKind(mc)
                                + " of " + m.type().getSimpleName() + ", which always loads; leave it out of defer(...)");
                    }
                    valueOf(mc).forEach(v -> read[v.index()] = false);
                }
            }
            case LOAD_ONLY -> {
                java.util.Arrays.fill(read, false);
                for (Column<?> c : option.columns()) {
                    valueOf(resolve(m, c, what)).forEach(v -> read[v.index()] = true);
                }
            }
            default -> throw new IllegalStateException(option.toString());
        }
        return LoadedColumns.of(m, read);
    }

    /**
     * The mapped column of an entity a column option or {@code Session.undefer} names.
     *
     * @param m the entity
     * @param column the column named
     * @param what the option, for messages
     * @return the mapped column
     * @throws IllegalArgumentException if the column is not one of the entity's value columns
     */
    static MappedColumn resolve(EntityMapping<?> m, Column<?> column, String what) {
        for (MappedColumn c : m.columns()) {
            if (c.column() == column) {
                if (isReference(m, c)) {
                    throw new IllegalArgumentException(what + ": " + column.qualifiedName() + " is the key column of a relationship of "
                            + m.type().getSimpleName() + "; relationships load by their own strategy (selectInLoad, joinedLoad, noLoad)");
                }
                return c;
            }
        }
        throw new IllegalArgumentException(what + ": " + column.qualifiedName() + " is not a column of " + m.type().getSimpleName()
                + " (table " + m.table().name() + "); name columns of " + m.type().getSimpleName() + "_, or query the entity the column belongs to");
    }

    /** A column and the other columns of its value: an embedded value loads whole, never in part. */
    static java.util.List<MappedColumn> valueOf(MappedColumn c) {
        return c.attribute().field() >= 0 ? c.attribute().columns() : java.util.List.of(c);
    }

    /** The columns of a {@code @Deferred} group, or an error that lists the entity's groups. */
    static Set<MappedColumn> group(EntityMapping<?> m, String name, String what) {
        Set<MappedColumn> out = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        for (MappedColumn c : m.columns()) {
            if (c.isDeferred() && !c.deferredGroup().isEmpty()) {
                groups.add(c.deferredGroup());
                if (c.deferredGroup().equals(name)) {
                    out.add(c);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(what + ": " + m.type().getSimpleName() + " has no @Deferred group \"" + name
                    + "\"; its groups are " + groups);
        }
        return out;
    }

    /** Whether a column holds a reference's key in some class of the entity's hierarchy. */
    private static boolean isReference(EntityMapping<?> m, MappedColumn c) {
        if (c.attribute().relationship() != null) {
            return true;
        }
        if (m.polymorphism() != null) {
            for (Class<?> k : m.polymorphism().hierarchy().classes()) {
                if (EntityMapping.of(k).columns().get(c.index()).attribute().relationship() != null) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String pinnedKind(MappedColumn c) {
        return c.attribute().isVersion() ? "the version" : c.column().isPrimaryKey() || c.attribute().isId() ? "the id"
                : "the discriminator";
    }
}
