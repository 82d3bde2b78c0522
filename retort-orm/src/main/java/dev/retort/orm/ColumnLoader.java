package dev.retort.orm;

import dev.retort.InvalidStateException;
import dev.retort.engine.Result;
import dev.retort.engine.Row;
import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.MappedColumn;
import dev.retort.schema.Column;
import dev.retort.sql.Expression;
import dev.retort.sql.Predicate;
import dev.retort.sql.Select;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads columns that objects of a session did not load (deferred ones): for
 * {@code Session.undefer}, one SELECT of the keys and the missing columns per entity (per
 * hierarchy), {@code WHERE key IN (...)} in chunks like select-in loading; and for a query that
 * read columns an object of the session lacks, from the query's row. A column the application
 * set in the meantime is never overwritten.
 */
final class ColumnLoader {
    private final Session session;

    ColumnLoader(Session session) {
        this.session = session;
    }

    /** The objects of one entity (or hierarchy) and the union of the columns they miss. */
    private static final class Batch {
        final EntityMapping<?> mapping;
        final boolean[] wanted;
        final Map<Object, InstanceState> byId = new LinkedHashMap<>();

        Batch(EntityMapping<?> mapping) {
            this.mapping = mapping;
            this.wanted = new boolean[mapping.columns().size()];
        }
    }

    /**
     * Loads the named columns (all unloaded ones if none is named) of objects that lack them.
     *
     * @param entities persistent objects of the session
     * @param columns columns of their entity; a column of a {@code @Deferred} group brings the group
     */
    void load(Collection<?> entities, Column<?>[] columns) {
        Map<EntityMapping<?>, Batch> batches = new LinkedHashMap<>();
        for (Object e : entities) {
            InstanceState s = session.stateOf(Objects.requireNonNull(e, "undefer(): an object is null"));
            if (s == null || s.state != ObjectState.PERSISTENT) {
                throw new InvalidStateException("Cannot undefer columns of a " + e.getClass().getSimpleName() + " that is "
                        + session.state(e) + "; only persistent objects of this session have columns to load"
                        + (s != null && s.state == ObjectState.PENDING ? " (flush it first)" : ""));
            }
            boolean[] wanted = wanted(s, columns);
            if (wanted == null) {
                continue;
            }
            Batch b = batches.computeIfAbsent(rootOf(s.mapping), Batch::new);
            for (int i = 0; i < wanted.length; i++) {
                b.wanted[i] |= wanted[i];
            }
            b.byId.put(s.key.id(), s);
        }
        for (Batch b : batches.values()) {
            run(b);
        }
    }

    /** The columns an object misses among those named (with their groups and embedded siblings), or {@code null}. */
    private static boolean[] wanted(InstanceState s, Column<?>[] columns) {
        s.currentValues();                         // a field the application set counts as loaded
        if (!s.hasUnloadedColumns()) {
            return null;
        }
        EntityMapping<Object> m = s.mapping;
        boolean[] named = new boolean[m.columns().size()];
        if (columns.length == 0) {
            java.util.Arrays.fill(named, true);
        }
        String what = "undefer(" + String.join(", ", java.util.Arrays.stream(columns).map(Column::qualifiedName).toList()) + ")";
        for (Column<?> c : columns) {
            MappedColumn mc = ColumnChoices.resolve(m, c, what);
            ColumnChoices.valueOf(mc).forEach(v -> named[v.index()] = true);
            if (mc.isDeferred() && !mc.deferredGroup().isEmpty()) {
                ColumnChoices.group(m, mc.deferredGroup(), what).forEach(g -> named[g.index()] = true);
            }
        }
        boolean any = false;
        for (int i = 0; i < named.length; i++) {
            named[i] &= s.isColumnUnloaded(i) && m.columns().get(i).attribute().field() >= 0;
            any |= named[i];
        }
        return any ? named : null;
    }

    private static EntityMapping<?> rootOf(EntityMapping<?> m) {
        return m.polymorphism() == null ? m : EntityMapping.of(m.polymorphism().hierarchy().root());
    }

    private void run(Batch b) {
        EntityMapping<?> m = b.mapping;
        List<MappedColumn> ids = m.idColumns();
        List<Expression<?>> items = new ArrayList<>();
        List<MappedColumn> loaded = new ArrayList<>();
        ids.forEach(c -> items.add(c.column()));
        for (MappedColumn c : m.columns()) {
            if (b.wanted[c.index()]) {
                items.add(c.column());
                loaded.add(c);
            }
        }
        Select base = Polymorphic.select(m, items.toArray(new Expression<?>[0]));
        List<Object> keys = new ArrayList<>(b.byId.keySet());
        int perSelect = Math.max(1, Math.min(Loading.MAX_KEYS_PER_SELECT, session.dialect().maxParameters() - 64) / ids.size());
        String cause = "undefer of " + loaded.stream().map(MappedColumn::path).toList() + " of " + keys.size() + " "
                + m.type().getSimpleName();
        for (int from = 0; from < keys.size(); from += perSelect) {
            List<Object> chunk = keys.subList(from, Math.min(keys.size(), from + perSelect));
            Select select = base.where(keyIn(m, chunk));
            List<Object> found = new ArrayList<>();
            try (Result r = StatementCauses.with(cause, () -> session.connection().execute(select))) {
                for (Row row : r) {
                    Object[] values = new Object[m.columns().size()];
                    for (int i = 0; i < ids.size(); i++) {
                        values[ids.get(i).index()] = row.get(i);
                    }
                    Object id = m.idFromColumns(values);
                    InstanceState s = b.byId.get(id);
                    if (s == null) {
                        continue;
                    }
                    found.add(id);
                    for (int k = 0; k < loaded.size(); k++) {
                        int i = loaded.get(k).index();
                        if (s.isColumnUnloaded(i) && s.mapping.columns().get(i).attribute().field() >= 0) {
                            set(s, i, row.get(ids.size() + k));
                        }
                    }
                }
            }
            if (found.size() < chunk.size()) {
                List<Object> gone = new ArrayList<>(chunk);
                gone.removeAll(found);
                throw new StaleObjectException(m.type(), gone.get(0), m.type().getSimpleName() + " with id " + gone.get(0)
                        + " no longer exists in the database, so its columns cannot be loaded");
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate keyIn(EntityMapping<?> m, List<Object> ids) {
        if (m.idColumns().size() == 1) {
            return ((Column) m.idColumns().get(0).column()).in(ids);
        }
        Predicate any = null;
        for (Object id : ids) {
            Predicate one = Session.idCondition(m, m.idValues(id));
            any = any == null ? one : any.or(one);
        }
        return any;
    }

    /** A column's value read from the database goes into the field and the snapshot. */
    private static void set(InstanceState s, int index, Object value) {
        s.mapping.writeColumn(s.entity, s.mapping.columns().get(index), value);
        s.columnLoaded(index, value instanceof byte[] bytes ? bytes.clone() : value);
    }

    /**
     * Fills an object's unloaded columns that a query's row read (an object already in the session
     * met again by a query with {@code undefer}); the columns it had loaded are left as they are.
     *
     * @param s the object's state
     * @param values the row's values
     * @param read the columns the query read
     */
    static void fill(InstanceState s, Object[] values, LoadedColumns read) {
        boolean any = false;
        for (int i = 0; i < values.length && !any; i++) {
            any = read.isRead(i) && s.isColumnUnloaded(i);
        }
        if (!any) {
            return;
        }
        s.currentValues();                         // a field the application set counts as loaded
        for (int i = 0; i < values.length; i++) {
            if (read.isRead(i) && s.isColumnUnloaded(i) && s.mapping.columns().get(i).attribute().field() >= 0) {
                set(s, i, values[i]);
            }
        }
    }

    /**
     * @param read the columns a query read
     * @param rowClass the class of the object made from the row
     * @return the columns of that class the query did not read, by index
     */
    static boolean[] unread(LoadedColumns read, EntityMapping<?> rowClass) {
        boolean[] out = new boolean[rowClass.columns().size()];
        for (MappedColumn c : rowClass.columns()) {
            out[c.index()] = !read.isRead(c.index()) && c.attribute().field() >= 0;
        }
        return out;
    }

    /**
     * @param s an object's state
     * @return the columns a refresh of it reads: those it has loaded
     */
    static LoadedColumns loadedColumnsOf(InstanceState s) {
        LoadedColumns defaults = LoadedColumns.defaults(s.mapping);
        boolean[] read = new boolean[s.mapping.columns().size()];
        for (MappedColumn c : s.mapping.columns()) {
            int i = c.index();
            read[i] = !s.isColumnUnloaded(i) && (defaults.isRead(i) || c.attribute().field() >= 0);
        }
        return LoadedColumns.of(s.mapping, read);
    }
}
