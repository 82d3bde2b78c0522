package dev.retort.orm;

import dev.retort.orm.mapping.Relationship;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What Retort remembers of the objects that were persistent in a session and have left it, so
 * that {@link Session#state} and {@link Session#add} tell a detached object from a new one with
 * the same key: per row (entity class and key), the identity hash of the objects that left a
 * session for it. The objects themselves are not held, strongly or weakly.
 *
 * <p>Why not weak references: a weak reference per loaded object makes the collector keep young
 * objects alive once the references are promoted, and a large load then costs many times its
 * own time in collections and retains garbage (measured in retort-bench: 15 times the pause time
 * and hundreds of megabytes kept, for 100,000 rows per load). A row's key and an identity hash
 * keep nothing alive.
 *
 * <p>Bounds: the record keeps, per entity class (the root of a hierarchy), the
 * {@value #DEFAULT_CAPACITY} rows detached most recently (the system property
 * {@code retort.orm.detachedRecordCapacity} changes it) and up to
 * {@value #PER_ROW} objects per row. An object detached longer ago, or whose key was changed
 * while detached, counts as new: adding it is an INSERT, which fails on the duplicate key, never
 * an UPDATE of someone else's row. Two objects of one row with equal identity hashes (31 bits)
 * would be taken for one another.
 *
 * <p>Shared by all sessions; a lock (not {@code synchronized}, which pins virtual threads on Java
 * 17-23) guards it, taken once per session close; recording an object is one hash lookup.
 */
final class DetachedObjects {
    static final int DEFAULT_CAPACITY = 200_000;
    static final int PER_ROW = 4;
    private static final int CAPACITY = Math.max(0, Integer.getInteger("retort.orm.detachedRecordCapacity", DEFAULT_CAPACITY));

    private static final ReentrantLock LOCK = new ReentrantLock();
    /** Per entity class (the root, for a hierarchy), its rows. */
    private static final Map<Class<?>, Rows> CLASSES = new HashMap<>();
    private static Class<?> lastClass;
    private static Rows lastRows;

    /**
     * What a detached object with unloaded references or columns needs to be attached again (or
     * merged) without writing them as NULL: the column values it had, and what was not loaded.
     *
     * @param snapshot the column values as last read or written
     * @param unloaded the references that were not loaded
     * @param columns per column index, whether it was not loaded (deferred); {@code null} for none
     */
    record Unloaded(Object[] snapshot, Set<Relationship> unloaded, boolean[] columns) {
    }

    /** The rows of one class: an LRU map from id to the objects that left a session for that row. */
    private static final class Rows extends LinkedHashMap<Object, Row> {
        private static final long serialVersionUID = 1L;

        Rows() {
            super(1024, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Row> eldest) {
            return size() > CAPACITY;
        }
    }

    /** The objects recorded for one row, most recent first (a holder: recording one more is one lookup). */
    private static final class Row {
        Left first;

        Row(Left first) {
            this.first = first;
        }
    }

    /** One object that left a session for a row: its identity hash, what is known of it, the next. */
    private static final class Left {
        final int hash;
        Unloaded info;
        Left next;

        Left(int hash, Unloaded info, Left next) {
            this.hash = hash;
            this.info = info;
            this.next = next;
        }
    }

    private DetachedObjects() {
    }

    /**
     * Records that an object left a session.
     *
     * @param entity the object
     * @param key its row
     * @param info its unloaded references, or {@code null}
     */
    static void add(Object entity, EntityKey key, Unloaded info) {
        LOCK.lock();
        try {
            put(entity, key, info);
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * Records the objects of a closing session in one go.
     *
     * @param states the states of the objects leaving, each with its key
     */
    static void addAll(Iterable<InstanceState> states) {
        LOCK.lock();
        try {
            for (InstanceState s : states) {
                put(s.entity, s.key, null);
            }
        } finally {
            LOCK.unlock();
        }
    }

    private static Rows rowsOf(Class<?> type, boolean create) {
        if (type == lastClass) {
            return lastRows;
        }
        Rows rows = CLASSES.get(type);
        if (rows == null) {
            if (!create) {
                return null;
            }
            rows = new Rows();
            CLASSES.put(type, rows);
        }
        lastClass = type;
        lastRows = rows;
        return rows;
    }

    private static void put(Object entity, EntityKey key, Unloaded info) {
        if (key == null || CAPACITY == 0) {
            return;
        }
        int hash = System.identityHashCode(entity);
        Rows rows = rowsOf(key.type(), true);
        Row row = rows.get(key.id());
        if (row == null) {
            rows.put(key.id(), new Row(new Left(hash, info, null)));
            return;
        }
        for (Left l = row.first; l != null; l = l.next) {
            if (l.hash == hash) {
                l.info = info;
                return;
            }
        }
        row.first = new Left(hash, info, row.first);
        int n = 1;
        for (Left l = row.first; l != null; l = l.next, n++) {
            if (n == PER_ROW) {
                l.next = null;                    // keep the most recent few objects of a row
                break;
            }
        }
    }

    private static Left find(Object entity, EntityKey key) {
        if (key == null) {
            return null;
        }
        Rows rows = rowsOf(key.type(), false);
        Row row = rows == null ? null : rows.get(key.id());
        int hash = System.identityHashCode(entity);
        for (Left l = row == null ? null : row.first; l != null; l = l.next) {
            if (l.hash == hash) {
                return l;
            }
        }
        return null;
    }

    /**
     * @param entity an object not in the asking session
     * @param key its row, or {@code null} while its key is unset
     * @return whether it left a session (and is remembered)
     */
    static boolean contains(Object entity, EntityKey key) {
        LOCK.lock();
        try {
            return find(entity, key) != null;
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * @param entity an object that left a session
     * @param key its row
     * @return what was recorded about its unloaded references, or {@code null}
     */
    static Unloaded unloaded(Object entity, EntityKey key) {
        LOCK.lock();
        try {
            Left l = find(entity, key);
            return l == null ? null : l.info;
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * Forgets an object (it joined a session again).
     *
     * @param entity the object
     * @param key its row
     */
    static void remove(Object entity, EntityKey key) {
        if (key == null) {
            return;
        }
        LOCK.lock();
        try {
            int hash = System.identityHashCode(entity);
            Rows rows = rowsOf(key.type(), false);
            Row row = rows == null ? null : rows.get(key.id());
            Left before = null;
            for (Left l = row == null ? null : row.first; l != null; before = l, l = l.next) {
                if (l.hash == hash) {
                    if (before != null) {
                        before.next = l.next;
                    } else if (l.next != null) {
                        row.first = l.next;
                    } else {
                        rows.remove(key.id());
                    }
                    return;
                }
            }
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * @param type an entity class
     * @return how many of its rows are remembered (for tests of the bound)
     */
    static int rows(Class<?> type) {
        LOCK.lock();
        try {
            Rows rows = rowsOf(type, false);
            return rows == null ? 0 : rows.size();
        } finally {
            LOCK.unlock();
        }
    }
}
