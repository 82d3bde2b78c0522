package dev.retort.orm;

import dev.retort.InvalidStateException;
import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.MappedColumn;
import dev.retort.orm.mapping.Relationship;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.MetaData;
import dev.retort.schema.Table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which a flush visits its tables: each after the tables its foreign keys name
 * (INSERTs in this order, DELETEs in the reverse), leaving out the keys of post-update references,
 * which the flush writes after every INSERT and clears before any DELETE. Keys that still form a
 * cycle among the flush's tables fit no order of INSERTs and DELETEs, whatever the rows hold: a
 * flush with any is refused before any statement runs, naming the references and the fix (UPDATEs
 * alone fit any order).
 */
final class TableOrder {
    private TableOrder() {
    }

    /**
     * @param tables the tables the flush writes (more than one)
     * @param flushed the entities of the flush's rows (with their hierarchies), to tell post-update keys and name fields
     * @param insertsOrDeletes whether the flush inserts or deletes rows: UPDATEs alone (of rows that all
     *                         exist before and after) satisfy every key in any order, so a cycle is no error
     * @return the tables in INSERT order
     * @throws InvalidStateException if foreign keys other than post-update ones form a cycle
     */
    static List<Table> of(Set<Table> tables, Collection<EntityMapping<?>> flushed, boolean insertsOrDeletes) {
        // Every class of the rows' hierarchies: a subclass's reference has its column in the table
        // of the root's rows too (single table), and the flush may hold rows of the root alone.
        Set<EntityMapping<?>> mappings = new LinkedHashSet<>();
        for (EntityMapping<?> m : flushed) {
            if (m.polymorphism() == null) {
                mappings.add(m);
            } else {
                for (Class<?> c : m.polymorphism().hierarchy().classes()) {
                    mappings.add(EntityMapping.of(c));
                }
            }
        }
        Set<Column<?>> postUpdated = new HashSet<>();
        for (EntityMapping<?> m : mappings) {
            for (Relationship r : m.relationships()) {
                if (r.isPostUpdate()) {
                    postUpdated.add(r.column().column());
                }
            }
        }
        Set<ForeignKey> ignored = new LinkedHashSet<>();
        if (!postUpdated.isEmpty()) {
            for (Table t : tables) {
                for (ForeignKey fk : t.foreignKeys()) {
                    if (postUpdated.containsAll(fk.columns())) {
                        ignored.add(fk);
                    }
                }
            }
        }
        List<ForeignKey> cycle = insertsOrDeletes ? findCycle(tables, ignored) : null;
        if (cycle != null) {
            throw new InvalidStateException(describe(cycle, mappings));
        }
        return new MetaData().sort(tables, ignored);
    }

    /** A cycle of foreign keys between different tables of the set, as the keys along it; {@code null} if none. */
    private static List<ForeignKey> findCycle(Set<Table> tables, Set<ForeignKey> ignored) {
        Map<Table, Integer> state = new HashMap<>();
        for (Table t : tables) {
            List<ForeignKey> path = new ArrayList<>();
            List<ForeignKey> found = visit(t, tables, ignored, state, path);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static List<ForeignKey> visit(Table t, Set<Table> tables, Set<ForeignKey> ignored, Map<Table, Integer> state,
                                          List<ForeignKey> path) {
        Integer s = state.get(t);
        if (s != null) {
            return null;
        }
        state.put(t, 1);
        for (ForeignKey fk : t.foreignKeys()) {
            Table target = fk.referredTable();
            if (target == t || ignored.contains(fk) || !tables.contains(target)) {
                continue;
            }
            path.add(fk);
            Integer ts = state.get(target);
            if (ts != null && ts == 1) {
                int from = 0;
                while (path.get(from).table() != target) {
                    from++;
                }
                return List.copyOf(path.subList(from, path.size()));
            }
            List<ForeignKey> found = visit(target, tables, ignored, state, path);
            if (found != null) {
                return found;
            }
            path.remove(path.size() - 1);
        }
        state.put(t, 2);
        return null;
    }

    private static String describe(List<ForeignKey> cycle, Collection<EntityMapping<?>> mappings) {
        List<String> tableNames = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        boolean plainColumn = false;
        for (ForeignKey fk : cycle) {
            tableNames.add(fk.table().name());
            String field = fieldOf(fk, mappings);
            plainColumn |= field != null && field.endsWith("(@References)");
            keys.add((field != null ? field + ": " : "") + fk.table().name() + "." + String.join(", ", fk.columnNames())
                    + " -> " + fk.referredTableName());
        }
        return "The flush writes rows of " + String.join(" and ", tableNames) + ", whose foreign keys form a cycle ("
                + String.join("; ", keys) + "), so no order of their INSERTs and DELETEs satisfies every key. "
                + "Mark one of the references postUpdate = true (@ManyToOne(postUpdate = true): written by an UPDATE after "
                + "the INSERTs and set to NULL before the DELETEs)"
                + (plainColumn ? ", or write a plain @References column as NULL first and set it in a later flush" : "")
                + ". A cycle of tables needs this even when the rows of one flush do not name each other";
    }

    /** The entity field whose column a foreign key holds, as "Entity.field", or {@code null}. */
    private static String fieldOf(ForeignKey fk, Collection<EntityMapping<?>> mappings) {
        Column<?> column = fk.columns().get(0);
        for (EntityMapping<?> m : mappings) {
            for (Relationship r : m.relationships()) {
                if (r.isReference() && r.column() != null && r.column().column() == column) {
                    return m.type().getSimpleName() + "." + r.name();
                }
            }
        }
        for (EntityMapping<?> m : mappings) {
            for (MappedColumn c : m.columns()) {
                if (c.column() == column && c.attribute().field() >= 0) {
                    return m.type().getSimpleName() + "." + c.attribute().name() + " (@References)";
                }
            }
        }
        return null;
    }
}
