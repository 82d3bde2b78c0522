package dev.retort.orm;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code Map} Retort puts in a one-to-many field declared as a {@code Map} with
 * {@link OneToMany#mapKey()}: the elements keyed by one of their fields. It loads on first access
 * while the session is open, as {@link RelatedList} does; putting an element sets its reference
 * back to the owner, removing one clears it (or deletes it, with {@link Cascade#DELETE_ORPHAN}).
 * An element is filed under the value its key field has when it is put or loaded; {@code put}
 * refuses a key other than that value.
 *
 * @param <K> the key type
 * @param <E> the element type
 */
public final class RelatedMap<K, E> extends AbstractMap<K, E> {
    private final RelatedObjects<E> state;
    private final KeyedItems<E> items;
    private final Set<Map.Entry<K, E>> entries = new Entries();

    RelatedMap(RelatedObjects<E> state, KeyedItems<E> items) {
        this.state = state;
        this.items = items;
    }

    RelatedObjects<E> state() {
        return state;
    }

    /** @return whether the contents are loaded (reading an unloaded map loads it) */
    public boolean isLoaded() {
        return state.isLoaded();
    }

    @SuppressWarnings("unchecked")
    private Map<K, E> byKey() {
        return (Map<K, E>) (Map<?, E>) items.byKey();
    }

    @Override
    public E get(Object key) {
        state.ensureReadable();
        return byKey().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        state.ensureReadable();
        return byKey().containsKey(key);
    }

    @Override
    public int size() {
        state.ensureReadable();
        return items.size();
    }

    /**
     * Files an element under its key.
     *
     * @param key the element's key: the value of its key field
     * @param element the element
     * @return the element filed under the key before, or {@code null}
     * @throws IllegalArgumentException if the key is not the element's
     */
    @Override
    public E put(K key, E element) {
        Objects.requireNonNull(element, "element");
        Object own = items.keyOf(element);
        if (!own.equals(key)) {
            throw new IllegalArgumentException("put(" + key + ", " + element + "): " + state.relationship + " files each "
                    + element.getClass().getSimpleName() + " under its " + state.relationship.mapKey() + ", which is " + own
                    + "; put it under " + own + " or change its " + state.relationship.mapKey() + " first");
        }
        state.ensureLoaded();
        E old = byKey().put(key, element);
        if (old != element) {
            if (old != null) {
                state.removed(old);
            }
            state.added(element);
        }
        return old;
    }

    @Override
    public E remove(Object key) {
        state.ensureLoaded();
        E old = byKey().remove(key);
        if (old != null) {
            state.removed(old);
        }
        return old;
    }

    @Override
    public Set<Map.Entry<K, E>> entrySet() {
        return entries;
    }

    @Override
    public String toString() {
        return state.isLoaded() ? items.byKey().toString() : "{not loaded: " + state.relationship + "}";
    }

    /** The entries, read through the loading checks; removing one removes its element. */
    private final class Entries extends AbstractSet<Map.Entry<K, E>> {
        @Override
        public Iterator<Map.Entry<K, E>> iterator() {
            state.ensureReadable();
            Iterator<Map.Entry<K, E>> it = byKey().entrySet().iterator();
            return new Iterator<>() {
                private Map.Entry<K, E> last;

                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Map.Entry<K, E> next() {
                    last = it.next();
                    return new SimpleImmutableEntry<>(last);
                }

                @Override
                public void remove() {
                    state.ensureLoaded();
                    it.remove();
                    state.removed(last.getValue());
                }
            };
        }

        @Override
        public int size() {
            return RelatedMap.this.size();
        }
    }
}
