package dev.retort.orm;

import dev.retort.orm.mapping.Relationship;

import java.util.HashMap;
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
 * <p>Each class's rows are a {@link DetachedRows}, built of arrays so that recording a row with a
 * {@code Long} id allocates nothing (a million streamed rows give the collector nothing to copy).
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
    private static final Map<Class<?>, DetachedRows> CLASSES = new HashMap<>();
    private static Class<?> lastClass;
    private static DetachedRows lastRows;

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

    private static DetachedRows rowsOf(Class<?> type, boolean create) {
        if (type == lastClass) {
            return lastRows;
        }
        DetachedRows rows = CLASSES.get(type);
        if (rows == null) {
            if (!create) {
                return null;
            }
            rows = new DetachedRows(CAPACITY, PER_ROW);
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
        rowsOf(key.type(), true).put(key.id(), System.identityHashCode(entity), info);
    }

    /**
     * @param entity an object not in the asking session
     * @param key its row, or {@code null} while its key is unset
     * @return whether it left a session (and is remembered)
     */
    static boolean contains(Object entity, EntityKey key) {
        if (key == null) {
            return false;
        }
        LOCK.lock();
        try {
            DetachedRows rows = rowsOf(key.type(), false);
            return rows != null && rows.contains(key.id(), System.identityHashCode(entity));
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
        if (key == null) {
            return null;
        }
        LOCK.lock();
        try {
            DetachedRows rows = rowsOf(key.type(), false);
            return rows == null ? null : rows.info(key.id(), System.identityHashCode(entity));
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
            DetachedRows rows = rowsOf(key.type(), false);
            if (rows != null) {
                rows.remove(key.id(), System.identityHashCode(entity));
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
            DetachedRows rows = rowsOf(type, false);
            return rows == null ? 0 : rows.size();
        } finally {
            LOCK.unlock();
        }
    }
}
