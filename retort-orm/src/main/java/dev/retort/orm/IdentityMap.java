package dev.retort.orm;

import java.util.HashMap;
import java.util.Map;

/**
 * A session's identity map: one state per row, found by entity class and id. One hash map per
 * class (per hierarchy, whose classes share their root's), so looking a row up allocates nothing.
 */
final class IdentityMap {
    private final Map<Class<?>, Map<Object, InstanceState>> byType = new HashMap<>();
    private Class<?> lastType;
    private Map<Object, InstanceState> lastMap;

    private Map<Object, InstanceState> of(Class<?> type, boolean create) {
        if (type == lastType) {
            return lastMap;
        }
        Class<?> identity = dev.retort.orm.mapping.Hierarchy.identityClass(type);   // one map per hierarchy
        Map<Object, InstanceState> m = byType.get(identity);
        if (m == null) {
            if (!create) {
                return null;
            }
            m = new HashMap<>();
            byType.put(identity, m);
        }
        lastType = type;
        lastMap = m;
        return m;
    }

    InstanceState get(Class<?> type, Object id) {
        Map<Object, InstanceState> m = of(type, false);
        return m == null ? null : m.get(id);
    }

    InstanceState get(EntityKey key) {
        return get(key.type(), key.id());
    }

    boolean containsKey(EntityKey key) {
        return get(key) != null;
    }

    void put(EntityKey key, InstanceState s) {
        of(key.type(), true).put(key.id(), s);
    }

    /** Removes the entry of a key only if it is the given state's. */
    void remove(EntityKey key, InstanceState s) {
        Map<Object, InstanceState> m = of(key.type(), false);
        if (m != null) {
            m.remove(key.id(), s);
        }
    }

    /** @return how many rows it holds, over all classes */
    int size() {
        int n = 0;
        for (Map<Object, InstanceState> m : byType.values()) {
            n += m.size();
        }
        return n;
    }

    void clear() {
        byType.clear();
        lastType = null;
        lastMap = null;
    }
}
