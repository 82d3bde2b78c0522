package dev.retort.orm;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The objects that were persistent in a session and have left it, held weakly and by identity
 * (never by the entity's own {@code equals}), so that {@link Session#state} can tell a detached
 * object from a transient one. Shared by all sessions, without a lock (a concurrent set).
 */
final class DetachedObjects {
    private static final ReferenceQueue<Object> CLEARED = new ReferenceQueue<>();
    private static final Map<Ref, Object> OBJECTS = new ConcurrentHashMap<>();
    private static final Object PLAIN = new Object();

    /**
     * What a detached object with unloaded references needs to be attached again without writing
     * those references as NULL: the column values it had, and which references were not loaded.
     *
     * @param snapshot the column values as last read or written
     * @param unloaded the references that were not loaded
     */
    record Unloaded(Object[] snapshot, java.util.Set<dev.retort.orm.mapping.Relationship> unloaded) {
    }

    private DetachedObjects() {
    }

    /** A weak reference equal to another that refers to the same object. */
    private static final class Ref extends WeakReference<Object> {
        private final int hash;

        Ref(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            if (!(o instanceof Ref r) || r.hash != hash) {
                return false;
            }
            Object mine = get();
            return mine != null && mine == r.get();
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    static void addAll(Collection<?> objects) {
        if (objects.isEmpty()) {
            return;
        }
        purge();
        for (Object o : objects) {
            OBJECTS.put(new Ref(o, CLEARED), PLAIN);
        }
    }

    static boolean contains(Object o) {
        purge();
        return OBJECTS.containsKey(new Ref(o, null));
    }

    static void remove(Object o) {
        OBJECTS.remove(new Ref(o, null));
    }

    /** Records a detached object whose references were not all loaded. */
    static void addWithUnloaded(Object o, Unloaded info) {
        purge();
        OBJECTS.put(new Ref(o, CLEARED), info);
    }

    /** @return what was recorded about a detached object's unloaded references, or {@code null} */
    static Unloaded unloaded(Object o) {
        Object v = OBJECTS.get(new Ref(o, null));
        return v instanceof Unloaded u ? u : null;
    }

    private static void purge() {
        for (Object r; (r = CLEARED.poll()) != null; ) {
            OBJECTS.remove(r);
        }
    }
}
