package dev.retort.orm;

import dev.retort.dialect.Capability;
import dev.retort.engine.Connection;
import dev.retort.engine.Result;
import dev.retort.engine.Row;
import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.MappedColumn;
import dev.retort.schema.Column;
import dev.retort.sql.ColumnReference;
import dev.retort.sql.Expression;
import dev.retort.sql.Insert;
import dev.retort.sql.Predicate;
import dev.retort.sql.Select;
import dev.retort.sql.Statements;
import dev.retort.sql.Update;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** ORM-enabled bulk statements: many rows in one statement, then the session brought in line. */
final class BulkOperations {
    /** Keys per SELECT when reloading the objects a bulk statement changed. */
    private static final int KEYS_PER_SELECT = 500;

    private final Session session;
    private final Connection connection;

    BulkOperations(Session session, Connection connection) {
        this.session = session;
        this.connection = connection;
    }

    // ---- INSERT ------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    <E> long insert(EntityMapping<E> m, Collection<?> rows) {
        if (m.polymorphism() != null) {
            // Objects of subclasses are inserted as their own class (their columns and discriminator value).
            Map<Class<?>, List<Object>> byClass = new java.util.LinkedHashMap<>();
            for (Object row : rows) {
                Class<?> c = row != null && !(row instanceof Map) && m.type().isInstance(row) ? row.getClass() : m.type();
                byClass.computeIfAbsent(c, k -> new ArrayList<>()).add(row);
            }
            if (byClass.size() > 1 || !byClass.containsKey(m.type())) {
                long total = 0;
                for (Map.Entry<Class<?>, List<Object>> e : byClass.entrySet()) {
                    total += insert(EntityMapping.of(e.getKey()), e.getValue());
                }
                return total;
            }
        }
        List<Object[]> all = new ArrayList<>(rows.size());
        int n = 0;
        for (Object row : rows) {
            Object[] values;
            if (row instanceof Map<?, ?> map) {
                values = fromMap(m, (Map<String, ?>) map, n);
            } else if (m.type().isInstance(row)) {
                values = m.read((E) row);
            } else {
                throw new IllegalArgumentException("Bulk insert of " + m.type().getSimpleName() + ": row " + n + " is a "
                        + (row == null ? "null" : row.getClass().getName()) + "; pass " + m.type().getSimpleName()
                        + " objects or maps from field name to value");
            }
            if (m.generation() == GenerationStrategy.UUID) {
                MappedColumn id = m.idColumns().get(0);
                if (values[id.index()] == null) {
                    values[id.index()] = id.column().type().javaType() == String.class ? UUID.randomUUID().toString() : UUID.randomUUID();
                }
            }
            for (MappedColumn c : m.columns()) {
                Supplier<?> d = c.insertDefault();
                if (d != null && values[c.index()] == null) {
                    values[c.index()] = d.get();
                }
                if (c.attribute().isVersion() && UnitOfWork.isUnsetVersion(values[c.index()])) {
                    values[c.index()] = UnitOfWork.firstVersion(c);
                }
            }
            all.add(values);
            n++;
        }
        long total = 0;
        int start = 0;
        while (start < all.size()) {
            boolean[] shape = UnitOfWork.insertShape(m, all.get(start));
            int end = start + 1;
            while (end < all.size() && Arrays.equals(shape, UnitOfWork.insertShape(m, all.get(end)))) {
                end++;
            }
            List<ColumnReference<?>> cols = new ArrayList<>();
            for (MappedColumn c : m.columns()) {
                if (shape[c.index()]) {
                    cols.add(c.column());
                }
            }
            List<List<?>> values = new ArrayList<>(end - start);
            for (Object[] v : all.subList(start, end)) {
                List<Object> r = new ArrayList<>(cols.size());
                for (MappedColumn c : m.columns()) {
                    if (shape[c.index()]) {
                        r.add(v[c.index()]);
                    }
                }
                values.add(r);
            }
            Insert insert = Statements.insert(m.table()).columns(cols.toArray(new ColumnReference<?>[0])).valuesList(values);
            try (Result r = StatementCauses.with("bulk insert of " + values.size() + " " + m.type().getSimpleName(),
                    () -> connection.execute(insert))) {
                total += Math.max(0, r.rowCount());
            }
            start = end;
        }
        return total;
    }

    private static Object[] fromMap(EntityMapping<?> m, Map<String, ?> map, int n) {
        Object[] values = new Object[m.columns().size()];
        for (Map.Entry<String, ?> e : map.entrySet()) {
            MappedColumn c;
            try {
                c = m.mappedColumn(e.getKey());
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("Bulk insert of " + m.type().getSimpleName() + ": row " + n + " has key "
                        + e.getKey() + ", which is no mapped field; keys are field names (" + m.columns().stream()
                        .map(MappedColumn::path).toList() + ")");
            }
            Object v = e.getValue();
            if (v != null && !c.column().type().accepts(v)) {
                throw new IllegalArgumentException("Bulk insert of " + m.type().getSimpleName() + ": row " + n + " gives "
                        + e.getKey() + " a " + v.getClass().getSimpleName() + "; the column holds "
                        + c.column().type().javaType().getSimpleName());
            }
            values[c.index()] = v;
        }
        if (m.polymorphism() != null) {
            values[m.polymorphism().discriminator().index()] = m.polymorphism().value();
        }
        return values;
    }

    // ---- UPDATE ------------------------------------------------------------------------------

    <E> long update(EntityUpdate<E> statement, Synchronize sync) {
        EntityMapping<E> m = statement.mapping();
        Update update = statement.toUpdate();
        if (update.assignments().isEmpty()) {
            throw new IllegalArgumentException("update(" + m.type().getSimpleName() + ".class) sets no column; call set(column, value)");
        }
        String cause = "bulk update of " + m.type().getSimpleName();
        if (sync != Synchronize.FETCH) {
            long count = StatementCauses.with(cause, () -> {
                try (Result r = connection.execute(update)) {
                    return r.rowCount();
                }
            });
            if (sync == Synchronize.EXPIRE) {
                session.expireAll(m.type());
            }
            return count;
        }
        List<Object> ids = StatementCauses.with(cause, () -> changedIds(m, update.where(), update.isWhereAll(),
                connection.dialect().supports(Capability.UPDATE_RETURNING) ? update.returning(idItems(m)) : null, update));
        List<Integer> setColumns = new ArrayList<>();
        for (Update.Assignment a : update.assignments()) {
            setColumns.add(m.table().columns().indexOf((Column<?>) a.column()));
        }
        reload(m, session.loadedIds(m.type(), ids), setColumns);
        return ids.size();
    }

    // ---- DELETE ------------------------------------------------------------------------------

    <E> long delete(EntityDelete<E> statement, Synchronize sync) {
        EntityMapping<E> m = statement.mapping();
        var delete = statement.toDelete();
        String cause = "bulk delete of " + m.type().getSimpleName();
        List<dev.retort.orm.mapping.Relationship> postUpdates = postUpdatesOfRows(m);
        if (!postUpdates.isEmpty()) {
            return deleteClearingPostUpdates(m, delete, postUpdates, sync, cause);
        }
        if (sync != Synchronize.FETCH) {
            long count = StatementCauses.with(cause, () -> {
                try (Result r = connection.execute(delete)) {
                    return r.rowCount();
                }
            });
            if (sync == Synchronize.EXPIRE) {
                session.expireAll(m.type());
            }
            return count;
        }
        List<Object> ids = StatementCauses.with(cause, () -> changedIds(m, delete.where(), delete.isWhereAll(),
                connection.dialect().supports(Capability.DELETE_RETURNING) ? delete.returning(idItems(m)) : null, delete));
        for (Object id : session.loadedIds(m.type(), ids)) {
            session.markDeletedByBulk(new EntityKey(m.type(), id));
        }
        return ids.size();
    }

    /**
     * The post-update references of the rows a statement of an entity reaches: its own, and in a
     * hierarchy those its subclasses declare (their rows are the entity's rows too), one per column.
     */
    private static List<dev.retort.orm.mapping.Relationship> postUpdatesOfRows(EntityMapping<?> m) {
        List<dev.retort.orm.mapping.Relationship> out = new ArrayList<>();
        java.util.Set<Object> columns = new java.util.HashSet<>();
        List<Class<?>> classes = dev.retort.orm.mapping.Hierarchy.of(m.type())
                .map(h -> h.classes().stream().filter(m.type()::isAssignableFrom).toList())
                .orElse(List.of(m.type()));
        for (Class<?> c : classes) {
            for (dev.retort.orm.mapping.Relationship r : EntityMapping.of(c).relationships()) {
                if (r.isPostUpdate() && columns.add(r.column().column())) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /**
     * A bulk delete of rows that may name each other through post-update references: the rows are
     * chosen first (their keys, locked where the database can), their post-update columns set to
     * NULL, then they are deleted by key, so no database (MariaDB checks foreign keys row by row)
     * meets a row still named by another row of the same statement.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private <E> long deleteClearingPostUpdates(EntityMapping<E> m, dev.retort.sql.Delete delete,
                                               List<dev.retort.orm.mapping.Relationship> postUpdates, Synchronize sync, String cause) {
        Select select = Statements.select(idItems(m)).from(m.table());
        if (!delete.isWhereAll() && delete.where() != null) {
            select = select.where(delete.where());
        }
        if (connection.dialect().supports(Capability.ROW_LOCKING)) {
            select = select.forUpdate();
        }
        List<Object> ids = new ArrayList<>();
        Select chosen = select;
        StatementCauses.run(cause + ": its rows", () -> {
            try (Result r = connection.execute(chosen)) {
                for (Row row : r) {
                    ids.add(idOf(m, row));
                }
            }
        });
        for (int from = 0; from < ids.size(); from += KEYS_PER_SELECT) {
            Predicate any = anyOf(m, ids.subList(from, Math.min(ids.size(), from + KEYS_PER_SELECT)));
            Update clear = Statements.update(m.table());
            for (dev.retort.orm.mapping.Relationship r : postUpdates) {
                clear = clear.set((Column) r.column().column(), (Object) null);
            }
            Update clearing = clear.where(any);
            dev.retort.sql.Delete byKey = Statements.delete(m.table()).where(any);
            StatementCauses.run(cause + ": post-update references cleared", () -> connection.execute(clearing).close());
            StatementCauses.run(cause, () -> connection.execute(byKey).close());
        }
        if (sync == Synchronize.FETCH) {
            for (Object id : session.loadedIds(m.type(), ids)) {
                session.markDeletedByBulk(new EntityKey(m.type(), id));
            }
        } else if (sync == Synchronize.EXPIRE) {
            session.expireAll(m.type());
        }
        return ids.size();
    }

    // ---- shared ------------------------------------------------------------------------------

    private static Expression<?>[] idItems(EntityMapping<?> m) {
        return m.idColumns().stream().map(MappedColumn::column).toArray(Expression<?>[]::new);
    }

    /**
     * The ids of the rows a statement changes: from its RETURNING rows, or from a SELECT with its
     * WHERE just before it runs (same transaction).
     */
    private List<Object> changedIds(EntityMapping<?> m, Predicate where, boolean all, dev.retort.sql.Executable returning,
                                    dev.retort.sql.Executable plain) {
        List<Object> ids = new ArrayList<>();
        if (returning != null) {
            try (Result r = connection.execute(returning)) {
                for (Row row : r) {
                    ids.add(idOf(m, row));
                }
            }
            return ids;
        }
        Select select = Statements.select(idItems(m)).from(m.table());
        if (!all && where != null) {
            select = select.where(where);
        }
        if (connection.dialect().supports(Capability.ROW_LOCKING)) {
            select = select.forUpdate();        // no other transaction changes the set in between
        }
        try (Result r = connection.execute(select)) {
            for (Row row : r) {
                ids.add(idOf(m, row));
            }
        }
        connection.execute(plain).close();
        return ids;
    }

    /** The rows of some ids: {@code id = ? OR id = ? ...} (composite keys as conjunctions). */
    private static Predicate anyOf(EntityMapping<?> m, List<Object> ids) {
        Predicate any = null;
        for (Object id : ids) {
            Predicate one = Session.idCondition(m, m.idValues(id));
            any = any == null ? one : any.or(one);
        }
        return any;
    }

    private static Object idOf(EntityMapping<?> m, Row row) {
        Object[] values = new Object[m.columns().size()];
        for (int i = 0; i < m.idColumns().size(); i++) {
            values[m.idColumns().get(i).index()] = row.get(i);
        }
        return m.idFromColumns(values);
    }

    /** Reads the set columns of the session's objects among the changed rows back into them. */
    private <E> void reload(EntityMapping<E> m, List<Object> ids, List<Integer> columns) {
        Expression<?>[] items = m.columns().stream().map(MappedColumn::column).toArray(Expression<?>[]::new);
        for (int from = 0; from < ids.size(); from += KEYS_PER_SELECT) {
            Predicate condition = anyOf(m, ids.subList(from, Math.min(ids.size(), from + KEYS_PER_SELECT)));
            try (Result r = StatementCauses.with("reload after bulk update of " + m.type().getSimpleName(),
                    () -> connection.execute(Statements.select(items).from(m.table()).where(condition)))) {
                for (Row row : r) {
                    Object[] values = new Object[items.length];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = row.get(i);
                    }
                    session.overwriteColumns(new EntityKey(m.type(), m.idFromColumns(values)), values, columns);
                }
            }
        }
    }
}
