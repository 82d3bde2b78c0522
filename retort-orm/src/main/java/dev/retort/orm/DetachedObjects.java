package dev.retort.orm;

import dev.retort.orm.mapping.Relationship;

import java.lang.ref.WeakReference;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The objects that were persistent in a session and have left it, held weakly and by identity
 * (never by the entity's own {@code equals}), so that {@link Session#state} can tell a detached
 * object from a transient one. Shared by all sessions.
 *
 * <p>The record is one weak reference per object in an open-addressing table: no reference
 * queue (the collector clears references without handing them to the reference-handler thread)
 * and no map nodes. Cleared slots are reused and swept out when the table fills, so the cost
 * per object stays a single small allocation. A lock (not {@code synchronized}, which pins
 * virtual threads on Java 17-23) guards the table; a session records all its objects in one
 * acquisition.
 */
final class DetachedObjects {
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static Ref[] table = new Ref[1024];
    /** Slots that are not {@code null}: live references and cleared ones. */
    private static int used;

    /**
     * What a detached object with unloaded references needs to be attached again without writing
     * those references as NULL: the column values it had, and which references were not loaded.
     *
     * @param snapshot the column values as last read or written
     * @param unloaded the references that were not loaded
     */
    record Unloaded(Object[] snapshot, Set<Relationship> unloaded) {
    }

    /** A weak reference to a detached object, with its identity hash and what is known of it. */
    private static final class Ref extends WeakReference<Object> {
        final int hash;
        Unloaded info;

        Ref(Object referent, int hash, Unloaded info) {
            super(referent);
            this.hash = hash;
            this.info = info;
        }
    }

    private DetachedObjects() {
    }

    static void addAll(Collection<?> objects) {
        if (objects.isEmpty()) {
            return;
        }
        LOCK.lock();
        try {
            for (Object o : objects) {
                put(o, null);
            }
        } finally {
            LOCK.unlock();
        }
    }

    /** Records a detached object whose references were not all loaded. */
    static void addWithUnloaded(Object o, Unloaded info) {
        LOCK.lock();
        try {
            put(o, info);
        } finally {
            LOCK.unlock();
        }
    }

    static boolean contains(Object o) {
        LOCK.lock();
        try {
            return find(o) != null;
        } finally {
            LOCK.unlock();
        }
    }

    static void remove(Object o) {
        LOCK.lock();
        try {
            Ref r = find(o);
            if (r != null) {
                r.clear();                         // a cleared slot: reused, or swept out later
                r.info = null;
            }
        } finally {
            LOCK.unlock();
        }
    }

    /** @return what was recorded about a detached object's unloaded references, or {@code null} */
    static Unloaded unloaded(Object o) {
        LOCK.lock();
        try {
            Ref r = find(o);
            return r == null ? null : r.info;
        } finally {
            LOCK.unlock();
        }
    }

    /** @return how many slots hold a reference, live or cleared (for tests of the sweep) */
    static int slotsInUse() {
        LOCK.lock();
        try {
            return used;
        } finally {
            LOCK.unlock();
        }
    }

    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B1;
    }

    private static Ref find(Object o) {
        int h = System.identityHashCode(o);
        Ref[] t = table;
        int mask = t.length - 1;
        for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
            Ref r = t[i];
            if (r == null) {
                return null;
            }
            if (r.hash == h && r.get() == o) {
                return r;
            }
        }
    }

    private static void put(Object o, Unloaded info) {
        int h = System.identityHashCode(o);
        Ref[] t = table;
        int mask = t.length - 1;
        int free = -1;
        int i = spread(h) & mask;
        for (; ; i = (i + 1) & mask) {
            Ref r = t[i];
            if (r == null) {
                break;
            }
            Object referent = r.get();
            if (referent == o) {
                r.info = info;
                return;
            }
            if (referent == null && free < 0) {
                free = i;                         // cleared by the collector or by remove()
            }
        }
        if (free >= 0) {
            t[free] = new Ref(o, h, info);
            return;
        }
        t[i] = new Ref(o, h, info);
        if (++used > t.length / 2) {
            rebuild();
        }
    }

    /** Drops the cleared references and resizes the table to four times the live ones. */
    private static void rebuild() {
        Ref[] old = table;
        int live = 0;
        for (Ref r : old) {
            if (r != null && r.get() != null) {
                live++;
            }
        }
        int size = Integer.highestOneBit(Math.max(1024, live * 4 - 1)) << 1;
        Ref[] t = new Ref[size];
        int mask = size - 1;
        for (Ref r : old) {
            if (r != null && r.get() != null) {
                int i = spread(r.hash) & mask;
                while (t[i] != null) {
                    i = (i + 1) & mask;
                }
                t[i] = r;
            }
        }
        table = t;
        used = live;
    }
}
