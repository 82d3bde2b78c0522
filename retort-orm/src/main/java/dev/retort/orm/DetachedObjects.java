package dev.retort.orm;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The objects that were persistent in a session and have left it, held weakly and by identity
 * (never by the entity's own {@code equals}), so that {@link Session#state} can tell a detached
 * object from a transient one. Shared by all sessions, without a lock (a concurrent set).
 */
final class DetachedObjects {
    private static final ReferenceQueue<Object> CLEARED = new ReferenceQueue<>();
    private static final Set<Ref> OBJECTS = ConcurrentHashMap.newKeySet();

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
            OBJECTS.add(new Ref(o, CLEARED));
        }
    }

    static boolean contains(Object o) {
        purge();
        return OBJECTS.contains(new Ref(o, null));
    }

    static void remove(Object o) {
        OBJECTS.remove(new Ref(o, null));
    }

    private static void purge() {
        for (Object r; (r = CLEARED.poll()) != null; ) {
            OBJECTS.remove(r);
        }
    }
}
