package dev.retort.orm;

import dev.retort.InvalidStateException;
import dev.retort.dialect.Capability;
import dev.retort.engine.Connection;
import dev.retort.engine.Result;
import dev.retort.engine.Row;
import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.MappedColumn;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import dev.retort.sql.Delete;
import dev.retort.sql.Expression;
import dev.retort.sql.Insert;
import dev.retort.sql.Predicate;
import dev.retort.sql.Statements;
import dev.retort.sql.Update;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One flush: finds what changed, orders the statements by foreign keys (between tables and
 * between rows of one table) and unique keys, batches statements of the same shape, and brings
 * generated keys back into the objects.
 */
final class UnitOfWork {
    /** The key of a referenced object that has none yet: it differs from every key, and is never sent. */
    static final Object PENDING_KEY = new Object() {
        @Override
        public String toString() {
            return "<key of an object not inserted yet>";
        }
    };

    private final Session session;
    private final Connection connection;

    UnitOfWork(Session session, Connection connection) {
        this.session = session;
        this.connection = connection;
    }

    // ---- change detection --------------------------------------------------------------------

    static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return a.equals(b);
    }

    /**
     * A snapshot of column values: {@code byte[]} values are copied, so that changing an array in
     * place shows as a change.
     */
    static Object[] copy(Object[] values) {
        Object[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof byte[] b) {
                out[i] = b.clone();
            }
        }
        return out;
    }

    /**
     * A snapshot made of an array no one else holds (a row just read): {@code byte[]} values are
     * copied in place, the array itself is kept.
     */
    static Object[] own(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof byte[] b) {
                values[i] = b.clone();
            }
        }
        return values;
    }

    /** The updatable columns whose values differ from the snapshot (all of them if it is unknown). */
    static int[] changedColumns(InstanceState s) {
        Object[] current = s.currentValues();
        return changedColumns(s, current);
    }

    private static final int[] NONE = new int[0];

    private static int[] changedColumns(InstanceState s, Object[] current) {
        List<MappedColumn> cols = s.mapping.columns();
        int[] out = null;                      // made at the first difference: most objects of a flush have none
        int n = 0;
        for (int k = 0; k < cols.size(); k++) {
            MappedColumn c = cols.get(k);
            int i = c.index();
            boolean differs = s.snapshot == null ? !c.attribute().isId() : !same(current[i], s.snapshot[i]) || s.isAssigned(i);
            if (!differs) {
                continue;
            }
            if (c.attribute().isId() && s.snapshot != null && current[i] == null && c.attribute().relationship() != null) {
                // A key reference cleared: by the application, or by the delete of the object it referred to
                dev.retort.orm.mapping.Relationship r = c.attribute().relationship();
                throw new InvalidStateException("The persistent " + s.mapping.type().getSimpleName() + " " + s.key.id() + " no longer "
                        + "refers to a " + r.targetType().getSimpleName() + " through " + r.name() + ", which is part of its key: "
                        + "its key would become NULL. Delete the " + s.mapping.type().getSimpleName() + " instead, and with the "
                        + r.targetType().getSimpleName() + " when that is deleted (session.delete, or Cascade.DELETE and "
                        + "DELETE_ORPHAN on the collection that holds it)");
            }
            if (c.attribute().isId() && s.snapshot != null) {
                throw new InvalidStateException("The id of the persistent " + s.mapping.type().getSimpleName() + " " + s.key.id()
                        + " changed to " + current[i] + " (" + c.path() + "); an id cannot change. Delete the object and add a new one");
            }
            if (c.isUpdatable() && !c.attribute().isVersion()) {
                if (out == null) {
                    out = new int[cols.size()];
                }
                out[n++] = i;
            }
        }
        return out == null ? NONE : Arrays.copyOf(out, n);
    }

    // ---- the flush ---------------------------------------------------------------------------

    /** A row to write, with what the planner works out about it. */
    private static final class Work {
        final InstanceState state;
        /** The table this row goes to: the entity's, or one of a JOINED hierarchy class's tables. */
        final Table table;
        /** Whether this is the object's last row of the flush (JOINED: it has one per table); its hooks run then. */
        boolean last = true;
        Object[] values;
        int[] changed;
        Object oldVersion;
        /** Post-update references whose column this row's INSERT or UPDATE leaves out (they point at new rows). */
        List<dev.retort.orm.mapping.Relationship> postUpdates = List.of();

        Work(InstanceState state) {
            this(state, state.mapping.table());
        }

        Work(InstanceState state, Table table) {
            this.state = state;
            this.table = table;
        }

        Table table() {
            return table;
        }
    }

    // ---- JOINED hierarchies: one object, a row per table ------------------------------------

    /** The tables an object's row spans, when more than one (a class of a JOINED hierarchy); else {@code null}. */
    private static List<Table> tablesOf(EntityMapping<?> m) {
        dev.retort.orm.mapping.Polymorphism p = m.polymorphism();
        return p == null || p.chainTables().size() < 2 ? null : p.chainTables();
    }

    /** Splits the work on objects of JOINED classes into one row per table; the last one executed carries the hooks. */
    private static List<Work> split(List<Work> work, boolean deletes) {
        if (work.stream().allMatch(w -> tablesOf(w.state.mapping) == null)) {
            return work;                        // no JOINED classes: one row per object
        }
        List<Work> out = new ArrayList<>(work.size());
        for (Work w : work) {
            List<Table> tables = tablesOf(w.state.mapping);
            if (tables == null) {
                out.add(w);
                continue;
            }
            for (Table t : tables) {
                if (w.changed != null && !touches(w, t)) {
                    continue;                   // an UPDATE of the tables whose columns changed only
                }
                Work part = new Work(w.state, t);
                part.values = w.values;
                part.changed = w.changed == null ? null : restrict(w.state.mapping, t, w.changed);
                part.oldVersion = w.oldVersion;
                part.last = false;
                out.add(part);
            }
        }
        // Inserts and updates run parents' tables first, deletes children's first.
        Map<InstanceState, Work> lastOf = new IdentityHashMap<>();
        for (Work w : out) {
            if (!deletes || !lastOf.containsKey(w.state)) {
                lastOf.put(w.state, w);
            }
        }
        lastOf.values().forEach(w -> w.last = true);
        return out;
    }

    private static boolean touches(Work w, Table t) {
        for (int i : w.changed) {
            if (w.state.mapping.columns().get(i).column().table() == t) {
                return true;
            }
        }
        return false;
    }

    /** The column positions among some that belong to one table. */
    private static int[] restrict(EntityMapping<?> m, Table t, int[] columns) {
        if (tablesOf(m) == null) {
            return columns;
        }
        return Arrays.stream(columns).filter(i -> m.columns().get(i).column().table() == t).toArray();
    }

    /** The table holding the id columns: the entity's, or the root's of a JOINED hierarchy. */
    private static Table keyTable(EntityMapping<?> m) {
        return m.idColumns().get(0).column().table();
    }

    /** The key columns of a table of the entity: the id, or the key of a JOINED subclass table. */
    private static List<MappedColumn> keyColumns(EntityMapping<?> m, Table t) {
        return t == keyTable(m) ? m.idColumns() : m.polymorphism().keyColumns(t);
    }

    /** After a row of an object was written: its snapshot takes that table's values (all of them with the last row). */
    private static void absorb(Work w) {
        InstanceState s = w.state;
        s.assignedKnown(w.last ? null : w.table);
        if (w.last || s.snapshot == null && tablesOf(s.mapping) == null) {
            s.snapshot = copy(w.values);
        } else if (s.snapshot != null) {
            if (s.snapshot == s.committed) {
                s.snapshot = s.snapshot.clone();   // the committed values stay what a rollback returns to
            }
            Object[] values = copy(w.values);
            s.snapshot = s.snapshot.clone();   // not in place: the array may be the committed values a rollback returns to
            for (MappedColumn c : s.mapping.columns()) {
                if (c.column().table() == w.table) {
                    s.snapshot[c.index()] = values[c.index()];
                }
            }
        }
    }

    private List<InstanceState> all = List.of();

    /**
     * Runs the flush of a session's objects, given in any order: the statements follow the order
     * of addition ({@link InstanceState#order}) where nothing else decides.
     */
    void flush(List<InstanceState> all) {
        this.all = all;
        List<Work> inserts = new ArrayList<>();
        List<Work> updates = new ArrayList<>();
        List<Work> deletes = new ArrayList<>();
        // Classified unsorted, and only the objects with work are sorted: sorting every object of a large
        // session by its order took most of a flush with nothing to write (DirtyCheckBench, scenario 9).
        for (InstanceState s : all) {
            switch (s.state) {
                case PENDING -> inserts.add(new Work(s));
                case DELETED -> {
                    if (!s.deletedInTransaction) {
                        deletes.add(new Work(s));
                    }
                }
                case PERSISTENT -> {
                    Object[] values = s.currentValues();
                    int[] changed = changedColumns(s, values);
                    if (changed.length > 0) {
                        Work w = new Work(s);
                        w.values = values;
                        w.changed = changed;
                        updates.add(w);
                    }
                }
                default -> { }
            }
        }
        if (inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty() && !associationsChanged()) {
            return;
        }
        Comparator<Work> byOrder = Comparator.comparingLong(w -> w.state.order);
        inserts.sort(byOrder);
        updates.sort(byOrder);
        deletes.sort(byOrder);
        checkWritable(inserts, "insert");
        checkWritable(updates, "update");
        checkWritable(deletes, "delete");
        prepareInserts(inserts);
        prepareUpdates(updates);
        for (Work w : deletes) {
            session.fire(LifecycleEvent.BEFORE_DELETE, w.state);
            w.values = w.state.snapshot != null ? w.state.snapshot : w.state.currentValues();
            w.oldVersion = w.state.mapping.version().map(v -> w.values[v.index()]).orElse(null);
        }
        execute(split(inserts, false), split(updates, false), split(deletes, true));
    }

    private static void checkWritable(List<Work> work, String what) {
        for (Work w : work) {
            if (w.state.mapping.isReadOnly()) {
                throw new InvalidStateException(w.state.mapping.type().getName() + " is a read-only entity (@Entity(readOnly = true)); "
                        + "the session cannot " + what + " it. Expunge the object, or remove readOnly");
            }
        }
    }

    private void prepareInserts(List<Work> inserts) {
        for (Work w : inserts) {
            InstanceState s = w.state;
            EntityMapping<Object> m = s.mapping;
            Object[] values = null;                  // read only for a mapping with insert defaults
            for (MappedColumn c : m.columns()) {
                Supplier<?> d = c.insertDefault();
                if (d == null) {
                    continue;
                }
                if (values == null) {
                    values = m.read(s.entity);
                }
                if (values[c.index()] == null) {
                    m.writeColumn(s.entity, c, d.get());
                }
            }
            m.version().ifPresent(v -> {
                Object current = m.read(s.entity)[v.index()];
                if (isUnsetVersion(current)) {
                    m.writeColumn(s.entity, v, firstVersion(v));
                }
            });
            if (m.hasValidators()) {
                m.validate(s.entity, null);
            }
            session.fire(LifecycleEvent.BEFORE_INSERT, s);
            w.values = s.currentValues();
            Polymorphic.checkRequired(m, w.values, s);
        }
    }

    /** A new row's version before its first INSERT: {@code null}, or 0 in a primitive field. */
    static boolean isUnsetVersion(Object version) {
        return version == null || ((Number) version).longValue() == 0;
    }

    /** Versions start at 1. */
    static Object firstVersion(MappedColumn version) {
        return version.column().type().javaType() == Integer.class ? (Object) 1 : (Object) 1L;
    }

    private void prepareUpdates(List<Work> updates) {
        for (Work w : updates) {
            InstanceState s = w.state;
            EntityMapping<Object> m = s.mapping;
            session.fire(LifecycleEvent.BEFORE_UPDATE, s);
            if (m.hasValidators()) {
                Object[] now = s.currentValues();
                m.validate(s.entity, m.attributesOf(changedColumns(s, now)));
            }
            for (MappedColumn c : m.columns()) {
                if (c.onUpdate() != null) {
                    m.writeColumn(s.entity, c, c.onUpdate().get());
                }
            }
            if (m.version().isPresent()) {
                MappedColumn v = m.version().get();
                Object current = s.snapshot != null ? s.snapshot[v.index()] : m.read(s.entity)[v.index()];
                w.oldVersion = current;
                Object next = current == null ? 1 : current instanceof Integer i ? (Object) (i + 1) : (Object) (((Number) current).longValue() + 1);
                if (v.attribute().javaType() == long.class || v.attribute().javaType() == Long.class) {
                    next = ((Number) next).longValue();
                } else {
                    next = ((Number) next).intValue();
                }
                m.writeColumn(s.entity, v, next);
            }
            w.values = s.currentValues();
            w.changed = updatedColumns(s, w.values);
            Polymorphic.checkRequired(m, w.values, s);
        }
    }

    /** The columns an UPDATE sets: the changed ones, plus the version and on-update columns. */
    private static int[] updatedColumns(InstanceState s, Object[] values) {
        int[] changed = changedColumns(s, values);
        List<Integer> cols = new ArrayList<>();
        for (int i : changed) {
            cols.add(i);
        }
        for (MappedColumn c : s.mapping.columns()) {
            if ((c.onUpdate() != null || c.attribute().isVersion()) && !cols.contains(c.index())) {
                cols.add(c.index());
            }
        }
        return cols.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    // ---- ordering ----------------------------------------------------------------------------

    private void execute(List<Work> inserts, List<Work> updates, List<Work> deletes) {
        Set<Table> tables = new LinkedHashSet<>();
        Set<EntityMapping<?>> mappings = new LinkedHashSet<>();
        for (List<Work> list : List.of(inserts, updates, deletes)) {
            for (Work w : list) {
                tables.add(w.table());
                mappings.add(w.state.mapping);
            }
        }
        // Post-update references (rows in a cycle, within a table or across tables) do not order the tables.
        List<Table> order = tables.size() == 1 ? List.copyOf(tables) : TableOrder.of(tables, mappings, !inserts.isEmpty() || !deletes.isEmpty());
        List<Work> early = withReferringDeletes(earlyDeletes(deletes, inserts, updates), deletes);
        checkNothingStillRefersTo(early, updates);
        List<Work> late = new ArrayList<>(deletes);
        late.removeAll(early);

        deleteAssociationsOf(deletes);
        clearPostUpdateReferences(deletes);
        runDeletes(early, order);
        for (Table t : order) {
            // Keys of objects inserted by earlier tables are known now: read the values again.
            List<Work> tableInserts = rowsOf(inserts, t);
            for (Work w : tableInserts) {
                if (mayHaveNewKeys(w.state.mapping)) {
                    w.values = w.state.currentValues();
                }
                deferPostUpdates(w, true);
            }
            tableInserts = parentsFirst(t, tableInserts);
            List<Work> tableUpdates = rowsOf(updates, t);
            for (Work w : tableUpdates) {
                w.values = w.state.currentValues();
                w.changed = restrict(w.state.mapping, t, updatedColumns(w.state, w.values));
                deferPostUpdates(w, false);
            }
            tableUpdates = uniqueSafeOrder(t, tableUpdates);
            // UPDATEs that give up a unique value an INSERT takes run before the INSERTs: the
            // prefix of the (unique-safe) update order up to the last of them.
            int before = lastFreeingUpdate(t, tableUpdates, tableInserts) + 1;
            if (before > 0) {
                updateRows(t, tableUpdates.subList(0, before));
            }
            // Rows that refer to new rows of the same table wait for their keys: one INSERT per level.
            List<List<Work>> levels = levels(t, tableInserts);
            for (int l = 0; l < levels.size(); l++) {
                if (l > 0) {
                    for (Work w : levels.get(l)) {   // their parents' keys were generated by the level before
                        w.values = w.state.currentValues();
                        deferPostUpdates(w, true);
                    }
                }
                insertRows(t, levels.get(l));
            }
            if (before < tableUpdates.size()) {
                List<Work> rest = tableUpdates.subList(before, tableUpdates.size());
                for (Work w : rest) {          // keys of the rows just inserted are known now
                    w.values = w.state.currentValues();
                    w.changed = restrict(w.state.mapping, t, updatedColumns(w.state, w.values));
                    deferPostUpdates(w, false);
                }
                updateRows(t, rest);
            }
        }
        writePostUpdates(inserts, updates);
        writeAssociationChanges();
        runDeletes(late, order);
    }

    /**
     * Whether a row's entity (rows of one table may be of several classes of a hierarchy) has a
     * reference to a generated-key entity of the same table (a tree).
     */
    private static boolean anyRefersToItself(List<Work> rows, Table t) {
        EntityMapping<?> last = null;
        for (Work w : rows) {
            EntityMapping<?> m = w.state.mapping;
            if (m == last) {
                continue;
            }
            last = m;
            for (dev.retort.orm.mapping.Relationship r : m.relationships()) {
                if (r.isReference() && !r.isPostUpdate() && r.target().table() == t && r.target().generatedKey().isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a new row's values may hold keys generated since they were read: it refers to other
     * objects, or it is a subclass row of a joined hierarchy (its key comes from the parent row).
     */
    private static boolean mayHaveNewKeys(EntityMapping<?> m) {
        if (m.polymorphism() != null && m.polymorphism().chainTables().size() > 1) {
            return true;
        }
        for (dev.retort.orm.mapping.Relationship r : m.relationships()) {
            if (r.isReference()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Splits new rows of one table into levels: a row referring to another new row of the table
     * (whose key the database generates) comes one level after it.
     */
    private static List<List<Work>> levels(Table t, List<Work> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        if (!anyRefersToItself(rows, t)) {
            return List.of(rows);                 // no row can need another of the same table first
        }
        Map<Object, Work> byObject = new IdentityHashMap<>();
        for (Work w : rows) {
            byObject.put(w.state.entity, w);
        }
        Map<Work, Integer> level = new IdentityHashMap<>();
        int max = 0;
        for (Work w : rows) {                 // rows come parents first
            int l = 0;
            for (dev.retort.orm.mapping.Relationship r : w.state.mapping.relationships()) {
                if (r.isReference() && !r.isPostUpdate() && r.target().table() == t && r.target().generatedKey().isPresent()) {
                    Work parent = byObject.get(w.state.mapping.accessor().get(w.state.entity, r.field()));
                    if (parent != null && parent != w) {
                        l = Math.max(l, level.getOrDefault(parent, 0) + 1);
                    }
                }
            }
            level.put(w, l);
            max = Math.max(max, l);
        }
        List<List<Work>> out = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
            out.add(new ArrayList<>());
        }
        for (Work w : rows) {
            out.get(level.get(w)).add(w);
        }
        return out;
    }

    // ---- post-update references (rows of one table referring to each other in a cycle) ---------

    /**
     * Leaves out of a row's INSERT or UPDATE the post-update references that point at objects
     * whose rows are not inserted yet: the INSERT writes NULL there, an UPDATE leaves the column
     * alone, and {@link #writePostUpdates} sets it once every row exists.
     */
    private void deferPostUpdates(Work w, boolean insert) {
        List<dev.retort.orm.mapping.Relationship> deferred = null;
        for (dev.retort.orm.mapping.Relationship r : w.state.mapping.relationships()) {
            if (!r.isPostUpdate() || r.column().column().table() != w.table) {
                continue;
            }
            int col = r.column().index();
            Object target = w.state.mapping.accessor().get(w.state.entity, r.field());
            InstanceState ts = target == null ? null : session.stateOf(target);
            boolean pending = w.values[col] == PENDING_KEY || (ts != null && ts.state == ObjectState.PENDING && !ts.insertedInTransaction);
            if (!pending || (!insert && !contains(w.changed, col))) {
                continue;
            }
            if (deferred == null) {
                deferred = new ArrayList<>(2);
            }
            deferred.add(r);
            if (insert) {
                w.values[col] = null;
            } else {
                w.values[col] = w.state.snapshot != null ? w.state.snapshot[col] : null;
                w.changed = Arrays.stream(w.changed).filter(i -> i != col).toArray();
            }
        }
        w.postUpdates = deferred == null ? List.of() : deferred;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    /** Sets the post-update references left out of this flush's INSERTs and UPDATEs: one batch per column. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void writePostUpdates(List<Work> inserts, List<Work> updates) {
        Map<dev.retort.orm.mapping.Relationship, List<Work>> byReference = new LinkedHashMap<>();
        for (List<Work> list : List.of(inserts, updates)) {
            for (Work w : list) {
                for (dev.retort.orm.mapping.Relationship r : w.postUpdates) {
                    byReference.computeIfAbsent(r, k -> new ArrayList<>()).add(w);
                }
            }
        }
        for (Map.Entry<dev.retort.orm.mapping.Relationship, List<Work>> e : byReference.entrySet()) {
            dev.retort.orm.mapping.Relationship r = e.getKey();
            List<Work> rows = e.getValue();
            Table t = r.column().column().table();
            EntityMapping<Object> m = rows.get(0).state.mapping;
            int col = r.column().index();
            Update update = setParam(Statements.update(t), r.column().column(), "ref").where(keyPredicate(m, t));
            List<Map<String, Object>> sets = new ArrayList<>(rows.size());
            List<Object> keys = new ArrayList<>(rows.size());
            for (Work w : rows) {
                Object target = w.state.mapping.accessor().get(w.state.entity, r.field());
                Object key = target == null ? null : ((EntityMapping<Object>) r.target()).idOf(target);
                if (target != null && key == null) {
                    throw new InvalidStateException(describe(List.of(w)) + "." + r.name() + " refers to a "
                            + target.getClass().getSimpleName() + " that has no key and is not in the session, so its row "
                            + "will not exist. Add it to the session (or keep the SAVE_UPDATE cascade on " + r + ")");
                }
                Map<String, Object> p = new HashMap<>();
                p.put("ref", key);
                putKey(w.state.mapping, t, w, p);
                sets.add(p);
                keys.add(key);
            }
            StatementCauses.run("flush: post-update of " + rows.size() + " " + m.type().getSimpleName() + "." + r.name(), () -> {
                try (Result result = connection.executeMany(update, sets)) {
                    checkCounts(m, rows, result, "UPDATE", false);
                }
            });
            for (int i = 0; i < rows.size(); i++) {
                InstanceState s = rows.get(i).state;
                if (s.snapshot != null) {
                    s.snapshot = copy(s.snapshot);
                    s.snapshot[col] = keys.get(i);
                }
            }
        }
    }

    /**
     * Before a flush deletes rows that refer to each other through post-update references, sets
     * those references to NULL, so the rows can go in any order.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void clearPostUpdateReferences(List<Work> deletes) {
        Map<dev.retort.orm.mapping.Relationship, List<Work>> byReference = new LinkedHashMap<>();
        Map<Table, Set<Object>> deletedKeys = new HashMap<>();
        for (Work w : deletes) {
            for (dev.retort.orm.mapping.Relationship r : w.state.mapping.relationships()) {
                if (r.isPostUpdate() && r.column().column().table() == w.table && w.values[r.column().index()] != null) {
                    byReference.computeIfAbsent(r, k -> new ArrayList<>()).add(w);
                }
            }
            if (w.state.key != null) {
                // By the table of the key: a JOINED subclass's object is a row of its root's table too,
                // which is the table a reference to the hierarchy (typed as any of its classes) names.
                deletedKeys.computeIfAbsent(keyTable(w.state.mapping), k -> new java.util.HashSet<>()).add(w.state.key.id());
            }
        }
        for (Map.Entry<dev.retort.orm.mapping.Relationship, List<Work>> e : byReference.entrySet()) {
            dev.retort.orm.mapping.Relationship r = e.getKey();
            Table t = r.column().column().table();
            Set<Object> gone = deletedKeys.getOrDefault(keyTable(r.target()), Set.of());
            List<Work> rows = new ArrayList<>();
            for (Work w : e.getValue()) {
                if (gone.contains(w.values[r.column().index()])) {
                    rows.add(w);
                }
            }
            if (rows.isEmpty()) {
                continue;
            }
            EntityMapping<Object> m = rows.get(0).state.mapping;
            Update update = setParam(Statements.update(t), r.column().column(), "ref").where(keyPredicate(m, t));
            List<Map<String, Object>> sets = new ArrayList<>(rows.size());
            for (Work w : rows) {
                Map<String, Object> p = new HashMap<>();
                p.put("ref", null);
                putKey(m, t, w, p);
                sets.add(p);
            }
            StatementCauses.run("flush: post-update of " + rows.size() + " " + m.type().getSimpleName() + "." + r.name()
                    + " before DELETE", () -> {
                // No count check: a row already gone is gone either way, as for the DELETE that
                // follows (which checks the version of a versioned row).
                connection.executeMany(update, sets).close();
            });
        }
    }

    /** The columns of a table that hold post-update references of these rows' entities. */
    private static Set<Column<?>> postUpdateColumns(List<Work> rows, Table t) {
        Set<Column<?>> out = null;
        EntityMapping<?> last = null;
        for (Work w : rows) {
            if (w.state.mapping == last) {
                continue;
            }
            last = w.state.mapping;
            for (dev.retort.orm.mapping.Relationship r : last.relationships()) {
                if (r.isPostUpdate() && r.column().column().table() == t) {
                    if (out == null) {
                        out = new java.util.HashSet<>();
                    }
                    out.add(r.column().column());
                }
            }
        }
        return out == null ? Set.of() : out;
    }

    // ---- many-to-many association rows ------------------------------------------------------

    /** The loaded many-to-many collections of the flush's objects, with what they hold, in the owners' order of addition. */
    private List<RelatedObjects<?>> manyToManyCollections() {
        List<RelatedObjects<?>> out = new ArrayList<>();
        List<InstanceState> owners = new ArrayList<>();
        for (InstanceState s : all) {
            if (s.state != ObjectState.DELETED && hasManyToMany(s.mapping)) {
                owners.add(s);
            }
        }
        owners.sort(Comparator.comparingLong(s -> s.order));
        for (InstanceState s : owners) {
            for (dev.retort.orm.mapping.Relationship r : s.mapping.relationships()) {
                if (r.isManyToMany()) {
                    RelatedObjects<?> c = session.collectionOf(s, r);
                    if (c != null && c.isLoaded()) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    private static boolean hasManyToMany(EntityMapping<?> m) {
        for (dev.retort.orm.mapping.Relationship r : m.relationships()) {
            if (r.isManyToMany()) {
                return true;
            }
        }
        return false;
    }

    private boolean associationsChanged() {
        for (RelatedObjects<?> c : manyToManyCollections()) {
            if (c.replaceAll || !sameElements(c.items, c.baseline)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameElements(java.util.Collection<?> a, java.util.Collection<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Set<Object> ids = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        ids.addAll(a);
        for (Object o : b) {
            if (!ids.contains(o)) {
                return false;
            }
        }
        return true;
    }

    /** Before deleting objects: the association rows of their many-to-many relationships go first. */
    private void deleteAssociationsOf(List<Work> deletes) {
        Map<Column<?>, List<Map<String, Object>>> byColumn = new LinkedHashMap<>();
        Map<Column<?>, Table> tables = new HashMap<>();
        for (Work w : deletes) {
            for (dev.retort.orm.mapping.Relationship r : w.state.mapping.relationships()) {
                if (r.isManyToMany()) {
                    dev.retort.orm.mapping.Association a = r.association();
                    tables.put(a.ownerColumn(), a.table());
                    byColumn.computeIfAbsent(a.ownerColumn(), k -> new ArrayList<>()).add(Map.of("k", w.state.key.id()));
                }
            }
        }
        for (Map.Entry<Column<?>, List<Map<String, Object>>> e : byColumn.entrySet()) {
            Delete delete = Statements.delete(tables.get(e.getKey())).where(eqParam(e.getKey(), "k"));
            StatementCauses.run("flush: association rows of deleted " + e.getKey().table().name(), () ->
                    connection.executeMany(delete, e.getValue()).close());
        }
    }

    /** After the objects' rows: association rows for what was added to and removed from many-to-many collections. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void writeAssociationChanges() {
        List<RelatedObjects<?>> collections = manyToManyCollections();
        Map<dev.retort.orm.mapping.Association, Set<List<Object>>> added = new LinkedHashMap<>();
        Map<dev.retort.orm.mapping.Association, Set<List<Object>>> removed = new LinkedHashMap<>();
        for (RelatedObjects<?> c : collections) {
            dev.retort.orm.mapping.Relationship r = c.relationship;
            dev.retort.orm.mapping.Relationship owning = r.isOwningSide() ? r : r.inverse();
            dev.retort.orm.mapping.Association table = owning.association();
            InstanceState owner = session.stateOf(c.owner);
            Object ownerKey = owner.key.id();
            EntityMapping<Object> target = (EntityMapping<Object>) r.target();
            Set<Object> before = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            before.addAll(c.baseline);
            Set<Object> now = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            now.addAll(c.items);
            if (c.replaceAll) {               // the rows are unknown: delete them all, insert the contents
                Column<?> side = r.isOwningSide() ? table.ownerColumn() : table.targetColumn();
                Delete all = Statements.delete(table.table()).where(eqParam(side, "k"));
                StatementCauses.run("flush: association rows of a replaced " + r, () ->
                        connection.executeMany(all, List.of(Map.of("k", ownerKey))).close());
            }
            for (Object e : c.items) {
                InstanceState es = session.stateOf(e);
                if (!before.contains(e) && (es == null || es.state != ObjectState.DELETED)) {
                    Object key = target.idOf(e);
                    if (key == null) {
                        throw new InvalidStateException(describe(List.of(new Work(owner))) + "." + r.name() + " holds a "
                                + e.getClass().getSimpleName() + " that has no key and is not in the session; add it, "
                                + "or keep the SAVE_UPDATE cascade on " + r);
                    }
                    added.computeIfAbsent(table, k -> new LinkedHashSet<>()).add(r.isOwningSide() ? List.of(ownerKey, key) : List.of(key, ownerKey));
                }
            }
            for (Object e : c.baseline) {
                InstanceState es = session.stateOf(e);
                if (!now.contains(e) && (es == null || es.state != ObjectState.DELETED)) {
                    Object key = target.idOf(e);
                    removed.computeIfAbsent(table, k -> new LinkedHashSet<>()).add(r.isOwningSide() ? List.of(ownerKey, key) : List.of(key, ownerKey));
                }
            }
        }
        for (Map.Entry<dev.retort.orm.mapping.Association, Set<List<Object>>> e : removed.entrySet()) {
            Set<List<Object>> pairs = new LinkedHashSet<>(e.getValue());
            pairs.removeAll(added.getOrDefault(e.getKey(), Set.of()));
            if (pairs.isEmpty()) {
                continue;
            }
            dev.retort.orm.mapping.Association a = e.getKey();
            Delete delete = Statements.delete(a.table()).where(eqParam(a.ownerColumn(), "a").and(eqParam(a.targetColumn(), "b")));
            List<Map<String, Object>> sets = new ArrayList<>();
            for (List<Object> p : pairs) {
                sets.add(Map.of("a", p.get(0), "b", p.get(1)));
            }
            StatementCauses.run("flush: association rows removed from " + a.table().name(), () -> connection.executeMany(delete, sets).close());
        }
        for (Map.Entry<dev.retort.orm.mapping.Association, Set<List<Object>>> e : added.entrySet()) {
            Set<List<Object>> pairs = new LinkedHashSet<>(e.getValue());
            pairs.removeAll(removed.getOrDefault(e.getKey(), Set.of()));
            if (pairs.isEmpty()) {
                continue;
            }
            dev.retort.orm.mapping.Association a = e.getKey();
            Insert insert = Statements.insert(a.table()).columns(a.ownerColumn(), a.targetColumn()).valuesList(new ArrayList<>(pairs));
            StatementCauses.run("flush: association rows added to " + a.table().name(), () -> connection.execute(insert).close());
        }
        for (RelatedObjects<?> c : collections) {
            if (c.replaceAll || changedContents(c)) {
                // Its rows changed in this transaction: a rollback (or a close) must not keep the new baseline.
                session.stateOf(c.owner).associationsWrittenInTransaction = true;
            }
            c.baseline = new ArrayList<>(c.items);
            c.replaceAll = false;
        }
    }

    /** Whether a collection holds other objects than its baseline (by identity). */
    private static boolean changedContents(RelatedObjects<?> c) {
        Set<Object> before = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        before.addAll(c.baseline);
        Set<Object> now = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        now.addAll(c.items);
        return !before.equals(now);
    }

    /** The position of the last update that frees a unique value one of the inserts takes, or -1. */
    private static int lastFreeingUpdate(Table t, List<Work> updates, List<Work> inserts) {
        if (updates.isEmpty() || inserts.isEmpty()) {
            return -1;
        }
        int last = -1;
        for (List<Column<?>> key : uniqueKeys(t)) {
            java.util.Set<List<Object>> taken = new java.util.HashSet<>();
            for (Work w : inserts) {
                List<Object> k = keyValues(w.state.mapping, key, w.values);
                if (k != null) {
                    taken.add(k);
                }
            }
            for (int i = 0; i < updates.size(); i++) {
                Work u = updates.get(i);
                if (u.state.snapshot == null) {
                    continue;
                }
                List<Object> old = keyValues(u.state.mapping, key, u.state.snapshot);
                if (old != null && taken.contains(old) && !old.equals(keyValues(u.state.mapping, key, u.values))) {
                    last = Math.max(last, i);
                }
            }
        }
        return last;
    }

    /**
     * Deletes that must run with the early ones: rows (of any table) whose foreign keys refer to an
     * early-deleted row, transitively.
     */
    private static List<Work> withReferringDeletes(List<Work> early, List<Work> deletes) {
        if (early.isEmpty()) {
            return early;
        }
        List<Work> out = new ArrayList<>(early);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Work d : deletes) {
                if (!out.contains(d) && refersToAny(d.state.mapping, d.values, out)) {
                    out.add(d);
                    grew = true;
                }
            }
        }
        return out;
    }

    /** Whether a row's foreign keys (in its values) point at one of some deleted rows. */
    private static boolean refersToAny(EntityMapping<?> m, Object[] values, List<Work> targets) {
        for (ForeignKey fk : m.table().foreignKeys()) {
            List<Object> ref = keyValues(m, fk.columns(), values);
            if (ref == null) {
                continue;
            }
            for (Work target : targets) {
                if (target.table() == fk.referredTable() && ref.equals(keyValues(target.state.mapping, fk.referredColumns(), target.values))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * An early DELETE must not remove a row that a row updated in the same flush refers to until
     * its UPDATE: that needs the UPDATE first and the INSERT after the DELETE, which one flush
     * cannot order.
     */
    private static void checkNothingStillRefersTo(List<Work> early, List<Work> updates) {
        for (Work u : updates) {
            if (u.state.snapshot != null && refersToAny(u.state.mapping, u.state.snapshot, early)
                    && !refersToAny(u.state.mapping, u.values, early)) {
                throw new InvalidStateException("The flush cannot order " + describe(List.of(u)) + ": it moves away from a row that "
                        + "is deleted to free a unique value another object of the same flush takes, so the UPDATE must run "
                        + "before the DELETE and the DELETE before the INSERT. Flush after changing the references, then delete");
            }
        }
    }

    private void runDeletes(List<Work> deletes, List<Table> order) {
        for (int i = order.size() - 1; i >= 0; i--) {
            List<Work> rows = rowsOf(deletes, order.get(i));
            if (!rows.isEmpty()) {
                List<Work> ordered = parentsFirst(order.get(i), rows);
                java.util.Collections.reverse(ordered);
                deleteRows(order.get(i), ordered);
            }
        }
    }

    private static List<Work> rowsOf(List<Work> work, Table t) {
        List<Work> out = new ArrayList<>();
        for (Work w : work) {
            if (w.table() == t) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * The unique keys of a table that are checked row by row: primary key, unique constraints
     * (not those deferred to COMMIT, which never order a flush), unique indexes over plain columns.
     */
    private static List<List<Column<?>>> uniqueKeys(Table t) {
        List<List<Column<?>>> keys = new ArrayList<>();
        t.primaryKey().ifPresent(pk -> keys.add(pk.columns()));
        for (UniqueConstraint u : t.uniqueConstraints()) {
            if (!u.initiallyDeferred()) {
                keys.add(u.columns());
            }
        }
        for (Index ix : t.indexes()) {
            if (ix.unique() && ix.where() == null && ix.columns().size() == ix.elements().size()) {
                keys.add(ix.columns());
            }
        }
        return keys;
    }

    private static List<Object> keyValues(EntityMapping<?> m, List<Column<?>> key, Object[] values) {
        List<Object> out = new ArrayList<>(key.size());
        for (Column<?> c : key) {
            Object v = values[indexOf(m, c)];
            if (v == null) {
                return null;            // NULLs never collide
            }
            out.add(v instanceof byte[] b ? new ByteKey(b) : v instanceof java.math.BigDecimal d ? d.stripTrailingZeros() : v);
        }
        return out;
    }

    /** The position of a column in an entity's column values. */
    private static int indexOf(EntityMapping<?> m, Column<?> c) {
        for (MappedColumn mc : m.columns()) {
            if (mc.column() == c) {
                return mc.index();
            }
        }
        throw new IllegalStateException(c.qualifiedName() + " is no column of " + m.type().getName());
    }

    /** byte[] as a map key. */
    private record ByteKey(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ByteKey k && Arrays.equals(k.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    /**
     * Deletes that free a unique key an insert or update of this flush takes: they run before
     * the inserts and updates (the default is after, so that rows moved away from a parent are
     * updated before the parent goes).
     */
    private static List<Work> earlyDeletes(List<Work> deletes, List<Work> inserts, List<Work> updates) {
        List<Work> early = new ArrayList<>();
        if (deletes.isEmpty() || inserts.isEmpty() && updates.isEmpty()) {
            return early;
        }
        for (Work d : deletes) {
            Table t = d.table();
            EntityMapping<?> m = d.state.mapping;
            boolean frees = false;
            for (List<Column<?>> key : uniqueKeys(t)) {
                List<Object> freed = keyValues(m, key, d.values);
                if (freed == null) {
                    continue;
                }
                for (List<Work> list : List.of(inserts, updates)) {
                    for (Work w : list) {
                        if (w.table() == t && freed.equals(keyValues(m, key, w.values))) {
                            frees = true;
                        }
                    }
                }
            }
            if (frees) {
                early.add(d);
            }
        }
        return early;
    }

    /**
     * Orders updates of one table so that a row giving up a unique value is updated before the
     * row that takes it; a cycle (two rows swapping values) cannot be ordered.
     */
    private static List<Work> uniqueSafeOrder(Table t, List<Work> updates) {
        if (updates.size() < 2) {
            return updates;
        }
        List<List<Column<?>>> keys = uniqueKeys(t);
        if (keys.size() <= 1) {    // the primary key alone: ids do not change
            return updates;
        }
        Map<Work, Set<Work>> mustFollow = new IdentityHashMap<>();
        for (List<Column<?>> key : keys) {
            if (t.primaryKey().isPresent() && key == t.primaryKey().get().columns()) {
                continue;
            }
            Map<List<Object>, Work> oldOwner = new HashMap<>();
            for (Work w : updates) {
                if (w.state.snapshot == null) {
                    continue;
                }
                List<Object> old = keyValues(w.state.mapping, key, w.state.snapshot);
                List<Object> now = keyValues(w.state.mapping, key, w.values);
                if (old != null && !old.equals(now)) {
                    oldOwner.put(old, w);
                }
            }
            for (Work w : updates) {
                List<Object> now = keyValues(w.state.mapping, key, w.values);
                Work giver = now == null ? null : oldOwner.get(now);
                if (giver != null && giver != w) {
                    mustFollow.computeIfAbsent(w, k -> new LinkedHashSet<>()).add(giver);
                }
            }
        }
        if (mustFollow.isEmpty()) {
            return updates;
        }
        return topological(updates, mustFollow, cycle -> new InvalidStateException("The flush cannot order the UPDATEs of "
                + t.name() + ": " + describe(cycle) + " swap unique values, and the database checks unique keys row by row. "
                + "Give one of them a temporary value and flush, then set the final values"));
    }

    /** Orders rows of one table so that a row referring to another row of the flush (a self-reference) comes after it. */
    private static List<Work> parentsFirst(Table t, List<Work> rows) {
        List<ForeignKey> selfKeys = new ArrayList<>();
        Set<Column<?>> postUpdated = postUpdateColumns(rows, t);
        for (ForeignKey fk : t.foreignKeys()) {
            if (fk.referredTable() == t && !postUpdated.containsAll(fk.columns())) {
                selfKeys.add(fk);
            }
        }
        if (selfKeys.isEmpty() || rows.size() < 2) {
            return rows;
        }
        Map<Work, Set<Work>> mustFollow = new IdentityHashMap<>();
        // References to objects of the same flush, whose keys may not be known yet.
        Map<Object, Work> byObject = new IdentityHashMap<>();
        for (Work w : rows) {
            byObject.put(w.state.entity, w);
        }
        for (Work w : rows) {
            for (dev.retort.orm.mapping.Relationship r : w.state.mapping.relationships()) {
                if (r.isReference() && !r.isPostUpdate() && r.target().table() == t) {
                    Work parent = byObject.get(w.state.mapping.accessor().get(w.state.entity, r.field()));
                    if (parent != null && parent != w) {
                        mustFollow.computeIfAbsent(w, k -> new LinkedHashSet<>()).add(parent);
                    }
                }
            }
        }
        for (ForeignKey fk : selfKeys) {
            Map<List<Object>, Work> byKey = new HashMap<>();
            for (Work w : rows) {
                List<Object> k = keyValues(w.state.mapping, fk.referredColumns(), w.values);
                if (k != null) {
                    byKey.put(k, w);
                }
            }
            for (Work w : rows) {
                List<Object> ref = keyValues(w.state.mapping, fk.columns(), w.values);
                Work parent = ref == null ? null : byKey.get(ref);
                if (parent != null && parent != w) {
                    mustFollow.computeIfAbsent(w, k -> new LinkedHashSet<>()).add(parent);
                }
            }
        }
        return topological(rows, mustFollow, cycle -> new InvalidStateException("The rows " + describe(cycle) + " of "
                + t.name() + " refer to each other in a cycle; the flush cannot order them. Insert one with a NULL reference, "
                + "flush, then set the reference"));
    }

    private static String describe(List<Work> rows) {
        return rows.stream().map(w -> w.state.mapping.type().getSimpleName() + (w.state.key != null ? "#" + w.state.key.id()
                : "@" + Integer.toHexString(System.identityHashCode(w.state.entity)))).toList().toString();
    }

    /** Depth-first topological order that keeps the given order where it is free to. */
    private static List<Work> topological(List<Work> rows, Map<Work, Set<Work>> mustFollow,
                                          java.util.function.Function<List<Work>, RuntimeException> onCycle) {
        List<Work> out = new ArrayList<>(rows.size());
        Map<Work, Integer> mark = new IdentityHashMap<>();
        for (Work w : rows) {
            visit(w, mustFollow, mark, out, new ArrayDeque<>(), onCycle);
        }
        return out;
    }

    private static void visit(Work w, Map<Work, Set<Work>> mustFollow, Map<Work, Integer> mark, List<Work> out,
                              Deque<Work> path, java.util.function.Function<List<Work>, RuntimeException> onCycle) {
        Integer m = mark.get(w);
        if (m != null) {
            if (m == 1) {
                List<Work> cycle = new ArrayList<>(path);
                java.util.Collections.reverse(cycle);
                throw onCycle.apply(cycle.subList(cycle.indexOf(w), cycle.size()));
            }
            return;
        }
        mark.put(w, 1);
        path.push(w);
        for (Work before : mustFollow.getOrDefault(w, Set.of())) {
            visit(before, mustFollow, mark, out, path, onCycle);
        }
        path.pop();
        mark.put(w, 2);
        out.add(w);
    }

    // ---- INSERT ------------------------------------------------------------------------------

    private void insertRows(Table t, List<Work> rows) {
        int start = 0;
        while (start < rows.size()) {
            boolean[] shape = insertShape(rows.get(start));
            int end = start + 1;
            while (end < rows.size() && hasShape(rows.get(end), shape)) {
                end++;
            }
            insertGroup(rows.get(start).state.mapping, shape, rows.subList(start, end));
            start = end;
        }
        for (Work w : rows) {
            if (!w.last) {
                continue;                      // the object's rows in other tables come next
            }
            InstanceState s = w.state;
            s.state = ObjectState.PERSISTENT;
            s.insertedInTransaction = true;
            s.snapshot = own(s.currentValues());       // a fresh array: only its byte[] values need copies
            s.committed = null;
            session.register(s, new EntityKey(s.mapping.type(), s.mapping.idFromColumns(s.snapshot)));
            session.fire(LifecycleEvent.AFTER_INSERT, s);
        }
    }

    /** Which columns an INSERT of this row writes: insertable ones, less NULLs the database fills in. */
    private static boolean[] insertShape(Work w) {
        boolean[] shape = insertShape(w.state.mapping, w.values);
        if (tablesOf(w.state.mapping) != null) {
            for (MappedColumn c : w.state.mapping.columns()) {
                shape[c.index()] &= c.column().table() == w.table;
            }
        }
        return shape;
    }

    static boolean[] insertShape(EntityMapping<?> m, Object[] values) {
        List<MappedColumn> cols = m.columns();
        boolean[] shape = new boolean[cols.size()];
        for (MappedColumn c : cols) {
            shape[c.index()] = written(c, values[c.index()]);
        }
        return shape;
    }

    /** Whether a row's INSERT has an {@link #insertShape} (without making one: asked per row of a flush). */
    private static boolean hasShape(Work w, boolean[] shape) {
        List<MappedColumn> cols = w.state.mapping.columns();
        if (cols.size() != shape.length) {
            return false;
        }
        boolean split = tablesOf(w.state.mapping) != null;
        for (int i = 0; i < cols.size(); i++) {
            MappedColumn c = cols.get(i);
            boolean in = written(c, w.values[c.index()]) && (!split || c.column().table() == w.table);
            if (in != shape[c.index()]) {
                return false;
            }
        }
        return true;
    }

    /** Whether an INSERT writes a column holding a value (rather than leaving it to the database). */
    private static boolean written(MappedColumn c, Object v) {
        if (c.isGenerated() && v != null && !isUnassigned(c, v)) {
            return true;                          // an explicit key for an identity column
        }
        boolean dbFills = c.isGenerated() || c.column().serverDefault().isPresent();
        return c.isInsertable() && !(v == null && dbFills);
    }

    private static boolean isUnassigned(MappedColumn c, Object v) {
        return c.attribute().javaType().isPrimitive() && ((Number) v).longValue() == 0;
    }

    /** Refuses a row that still refers to an object without a key: it is not in the session. */
    private static void checkKeysKnown(List<Work> rows) {
        for (Work w : rows) {
            for (dev.retort.orm.mapping.Relationship r : w.state.mapping.relationships()) {
                if (r.isReference() && w.values[r.column().index()] == PENDING_KEY && r.column().column().table() == w.table) {
                    Object target = w.state.mapping.accessor().get(w.state.entity, r.field());
                    if (target == w.state.entity) {
                        throw new InvalidStateException(describe(List.of(w)) + "." + r.name() + " refers to the object itself, "
                                + "whose key does not exist before its INSERT; the flush cannot write both in one statement. "
                                + "Insert it with a NULL reference, flush, then set the reference"
                                + (r.kind() == dev.retort.orm.mapping.Relationship.Kind.MANY_TO_ONE
                                        ? " (or mark it @ManyToOne(postUpdate = true))" : ""));
                    }
                    throw new InvalidStateException(describe(List.of(w)) + "." + r.name() + " refers to a "
                            + target.getClass().getSimpleName() + " that has no key and is not in the session, so its row "
                            + "will not exist. Add it to the session (or keep the SAVE_UPDATE cascade on " + r + ")");
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void insertGroup(EntityMapping<Object> m, boolean[] shape, List<Work> rows) {
        checkKeysKnown(rows);
        List<MappedColumn> included = new ArrayList<>();
        List<MappedColumn> fetch = new ArrayList<>();
        Table table = rows.get(0).table;
        for (MappedColumn c : m.columns()) {
            if (shape[c.index()]) {
                included.add(c);
            } else if ((c.isGenerated() || c.fetchesServerDefault()) && c.column().table() == table) {
                fetch.add(c);
            }
        }
        if (included.isEmpty() && fetch.isEmpty()) {
            throw new InvalidStateException("Every column of " + m.table().name() + " is filled by the database; Retort cannot insert a "
                    + m.type().getSimpleName() + " without one value");
        }
        // One INSERT of one row with a parameter per column, run for every object: a JDBC batch,
        // or with RETURNING multi-row VALUES pages that return the rows in order.
        InsertTemplate shaped = InsertTemplate.of(table, included);
        Insert insert = shaped.columnsOnly();
        ColumnValues.Layout layout = shaped.layout();
        Insert template = shaped.template();
        List<ColumnValues> sets = new ArrayList<>(rows.size());
        for (Work w : rows) {
            sets.add(new ColumnValues(layout, w.values));
        }
        if (fetch.isEmpty()) {
            StatementCauses.run(cause("INSERT", rows.size(), m), () -> connection.executeMany(template, sets).close());
            return;
        }
        MappedColumn key = m.generatedKey().filter(fetch::contains).orElse(null);
        boolean returning = connection.dialect().supports(Capability.INSERT_RETURNING);
        if (returning && !included.isEmpty()) {
            List<Expression<?>> ret = new ArrayList<>();
            for (MappedColumn c : fetch) {
                ret.add(c.column());
            }
            if (key == null) {
                for (MappedColumn c : m.idColumns()) {
                    ret.add(c.column());
                }
            }
            List<Row> returned = StatementCauses.with(cause("INSERT", rows.size(), m), () -> {
                try (Result r = connection.executeMany(template.returning(ret.toArray(new Expression<?>[0])), sets)) {
                    return r.all();
                }
            });
            assignReturned(m, rows, fetch, key, returned);
            return;
        }
        // One row at a time: the key comes through RETURNING or JDBC generated keys.
        StatementCauses.run(cause("INSERT", 1, m), () -> insertOneByOne(m, table, rows, sets, template, included, key));
        List<MappedColumn> defaults = new ArrayList<>(fetch);
        defaults.remove(key);
        if (!defaults.isEmpty()) {
            StatementCauses.run("flush: server defaults of " + m.type().getSimpleName(), () -> fetchAfterInsert(m, rows, defaults));
        }
    }

    private void insertOneByOne(EntityMapping<Object> m, Table table, List<Work> rows, List<ColumnValues> sets, Insert template,
                                List<MappedColumn> included, MappedColumn key) {
        for (int i = 0; i < rows.size(); i++) {
            Insert one = included.isEmpty() ? Statements.insert(table) : template;
            Map<String, Object> values = included.isEmpty() ? null : sets.get(i);
            if (key != null) {
                try (Result r = connection.execute(one.returning(key.column()), values)) {
                    Object k = r.one().get(0);
                    rows.get(i).state.mapping.writeColumn(rows.get(i).state.entity, key, k);
                    rows.get(i).values[key.index()] = k;
                    rows.get(i).state.keyGenerated = true;
                }
            } else {
                connection.execute(one, values).close();
            }
        }
    }

    private static String cause(String what, int rows, EntityMapping<?> m) {
        return "flush: " + what + " of " + rows + " " + m.type().getSimpleName();
    }

    private void assignReturned(EntityMapping<Object> m, List<Work> rows, List<MappedColumn> fetch, MappedColumn key,
                                List<Row> returned) {
        if (returned.size() != rows.size()) {
            throw new IllegalStateException("INSERT into " + m.table().name() + " returned " + returned.size() + " rows for "
                    + rows.size() + " objects");
        }
        List<Row> ordered = new ArrayList<>(returned);
        Map<Object, Row> byId = null;
        if (key != null) {
            // Keys from an identity column or a sequence grow in VALUES order within one statement;
            // RETURNING does not promise that order, so the rows are sorted by key.
            int k = fetch.indexOf(key);
            ordered.sort(Comparator.comparingLong(r -> ((Number) r.get(k)).longValue()));
        } else {
            byId = new HashMap<>();
            for (Row r : returned) {
                Object[] ids = new Object[m.idColumns().size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = r.get(fetch.size() + i);
                }
                byId.put(Arrays.asList(ids), r);
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            Work w = rows.get(i);
            Row r;
            if (byId != null) {
                Object[] ids = new Object[m.idColumns().size()];
                for (int j = 0; j < ids.length; j++) {
                    ids[j] = w.values[m.idColumns().get(j).index()];
                }
                r = byId.get(Arrays.asList(ids));
            } else {
                r = ordered.get(i);
            }
            for (int j = 0; j < fetch.size(); j++) {
                Object v = r.get(j);
                w.state.mapping.writeColumn(w.state.entity, fetch.get(j), v);
                w.values[fetch.get(j).index()] = v;
            }
            w.state.keyGenerated |= key != null;
        }
    }

    /** Reads server defaults of just-inserted rows where INSERT ... RETURNING is missing: one SELECT per group. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void fetchAfterInsert(EntityMapping<Object> m, List<Work> rows, List<MappedColumn> columns) {
        for (Work w : rows) {
            Object[] ids = new Object[m.idColumns().size()];
            for (int j = 0; j < ids.length; j++) {
                ids[j] = w.state.mapping.read(w.state.entity)[m.idColumns().get(j).index()];
            }
            Expression<?>[] items = columns.stream().map(MappedColumn::column).toArray(Expression<?>[]::new);
            try (Result r = connection.execute(Statements.select(items).from(keyTable(m)).where(Session.idCondition(m, ids)))) {
                Row row = r.one();
                for (int j = 0; j < columns.size(); j++) {
                    w.state.mapping.writeColumn(w.state.entity, columns.get(j), row.get(j));
                    w.values[columns.get(j).index()] = row.get(j);
                }
            }
        }
    }

    // ---- UPDATE ------------------------------------------------------------------------------

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void updateRows(Table t, List<Work> rows) {
        checkKeysKnown(rows);
        List<Work> writing = null;
        for (int i = 0; i < rows.size(); i++) {
            Work w = rows.get(i);
            if (w.changed.length > 0) {
                if (writing != null) {
                    writing.add(w);
                }
                continue;
            }
            // Every change of this row is a post-update reference to a row not inserted yet: the
            // UPDATE after the INSERTs writes it, and this one would set no column.
            if (writing == null) {
                writing = new ArrayList<>(rows.subList(0, i));
            }
            absorb(w);
            if (w.last) {
                session.fire(LifecycleEvent.AFTER_UPDATE, w.state);
            }
        }
        if (writing != null) {
            rows = writing;
        }
        // Group rows that set the same columns; keep the planned order between groups.
        Map<String, List<Work>> groups = new LinkedHashMap<>();
        List<Work> current = new ArrayList<>();
        String currentShape = null;
        List<List<Work>> runs = new ArrayList<>();
        for (Work w : rows) {
            String shape = Arrays.toString(w.changed);
            if (!shape.equals(currentShape)) {
                current = new ArrayList<>();
                runs.add(current);
                currentShape = shape;
            }
            current.add(w);
        }
        groups.clear();
        for (List<Work> run : runs) {
            EntityMapping<Object> m = run.get(0).state.mapping;
            int[] changed = run.get(0).changed;
            Update update = Statements.update(t);
            for (int i : changed) {
                Column c = m.columns().get(i).column();
                update = setParam(update, c, "v" + i);
            }
            Predicate where = keyPredicate(m, t);
            MappedColumn version = m.version().filter(v -> v.column().table() == t).orElse(null);
            if (version != null) {
                Column vc = version.column();
                where = where.and(eqParam(vc, "old_version"));
            }
            update = update.where(where);
            List<Map<String, Object>> sets = new ArrayList<>(run.size());
            for (Work w : run) {
                Map<String, Object> p = new HashMap<>();
                for (int i : changed) {
                    p.put("v" + i, w.values[i]);
                }
                putKey(m, t, w, p);
                if (version != null) {
                    p.put("old_version", w.oldVersion);
                }
                sets.add(p);
            }
            Update statement = update;
            StatementCauses.run(cause("UPDATE", run.size(), m), () -> {
                try (Result r = connection.executeMany(statement, sets)) {
                    checkCounts(m, run, r, "UPDATE", version != null);
                }
            });
            for (Work w : run) {
                absorb(w);
                if (w.last) {
                    session.fire(LifecycleEvent.AFTER_UPDATE, w.state);
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate keyPredicate(EntityMapping<?> m, Table t) {
        Predicate where = null;
        for (MappedColumn c : keyColumns(m, t)) {
            Column col = c.column();
            Predicate eq = eqParam(col, "k" + c.index());
            where = where == null ? eq : where.and(eq);
        }
        return where;
    }

    private static void putKey(EntityMapping<?> m, Table t, Work w, Map<String, Object> params) {
        Object[] source = w.state.snapshot != null ? w.state.snapshot : w.values;
        List<MappedColumn> ids = m.idColumns();
        List<MappedColumn> keys = keyColumns(m, t);
        for (int i = 0; i < keys.size(); i++) {
            params.put("k" + keys.get(i).index(), source[ids.get(i).index()]);   // a JOINED table's key is the id
        }
    }

    /**
     * Checks that a batch matched one row per object, from the driver's count of each parameter
     * set, and names the first stale object. A DELETE that matched no row fails only for a
     * versioned entity (the row is gone either way). Where the driver gives no per-set counts, a
     * versioned batch is checked by reading the versions back.
     */
    private void checkCounts(EntityMapping<Object> m, List<Work> run, Result result, String what, boolean versioned) {
        long[] counts = result.batchCounts();
        boolean delete = what.equals("DELETE");
        if (delete && !versioned) {
            return;
        }
        for (int i = 0; i < run.size(); i++) {
            long count = counts.length == run.size() ? counts[i] : -1;
            if (count == 1 || count > 1) {
                continue;
            }
            if (count < 0 && result.rowCount() == run.size()) {
                continue;                      // no per-set count, but the total adds up
            }
            Work w = run.get(i);
            Object[] source = w.state.snapshot != null ? w.state.snapshot : w.values;
            Object id = m.idFromColumns(source);
            Row row = currentRow(m, source);
            if (count < 0 && versioned) {
                // Reading the version back cannot tell our write from another session's that
                // reached the same number: refuse rather than risk a lost update.
                throw new IllegalStateException("The JDBC driver reported no row count for the " + what + " of versioned "
                        + m.type().getSimpleName() + " with id " + id + ", so its version check cannot be verified. "
                        + "Configure the driver to report batch counts (MariaDB/MySQL: no bulk or rewritten batches)");
            }
            if (count < 0 && (row != null) != delete) {
                continue;                      // unknown count, but the row shows the change
            }
            if (!versioned && row != null) {
                continue;                      // the row is there: a driver that counts changed rather than matched rows
            }
            if (row == null) {
                throw stale(m, id, what + " of " + m.type().getSimpleName() + " with id " + id + " matched no row: "
                        + "someone else deleted it since it was loaded");
            }
            throw stale(m, id, what + " of " + m.type().getSimpleName() + " with id " + id + " expected version " + w.oldVersion
                    + " but the row has version " + row.get(0) + ": someone else changed it since it was loaded. "
                    + "Roll back, reload it and " + (delete ? "decide again" : "apply the change again"));
        }
    }

    /** The version (or the first id column) of an object's row as the database has it now, or {@code null}. */
    private Row currentRow(EntityMapping<Object> m, Object[] values) {
        Object[] ids = new Object[m.idColumns().size()];
        for (int j = 0; j < ids.length; j++) {
            ids[j] = values[m.idColumns().get(j).index()];
        }
        Expression<?> item = m.version().isPresent() ? m.version().get().column() : m.idColumns().get(0).column();
        try (Result r = connection.execute(Statements.select(item).from(keyTable(m)).where(Session.idCondition(m, ids)))) {
            return r.oneOrNone().orElse(null);
        }
    }

    private static StaleObjectException stale(EntityMapping<?> m, Object id, String message) {
        return new StaleObjectException(m.type(), id, message);
    }

    // ---- DELETE ------------------------------------------------------------------------------

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void deleteRows(Table t, List<Work> rows) {
        EntityMapping<Object> m = rows.get(0).state.mapping;
        Predicate where = keyPredicate(m, t);
        MappedColumn version = m.version().filter(v -> v.column().table() == t).orElse(null);
        if (version != null) {
            Column vc = version.column();
            where = where.and(eqParam(vc, "old_version"));
        }
        Delete delete = Statements.delete(t).where(where);
        List<Map<String, Object>> sets = new ArrayList<>(rows.size());
        for (Work w : rows) {
            Map<String, Object> p = new HashMap<>();
            putKey(m, t, w, p);
            if (version != null) {
                p.put("old_version", w.oldVersion);
            }
            sets.add(p);
        }
        StatementCauses.run(cause("DELETE", rows.size(), m), () -> {
            try (Result r = connection.executeMany(delete, sets)) {
                checkCounts(m, rows, r, "DELETE", version != null);
            }
        });
        for (Work w : rows) {
            if (!w.last) {
                continue;                      // the object's row in its parent's table goes next
            }
            w.state.deletedInTransaction = true;
            session.unregister(w.state);
            session.fire(LifecycleEvent.AFTER_DELETE, w.state);
        }
    }

    private static <T> Update setParam(Update update, Column<T> column, String name) {
        return update.set(column, Statements.bindparam(name, column.type()));
    }

    private static <T> Predicate eqParam(Column<T> column, String name) {
        return column.eq(Statements.bindparam(name, column.type()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Predicate eqValue(Column<?> column, Object value) {
        return ((Column) column).eq(value);
    }
}
