package dev.retort.orm;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * The {@code Set} Retort puts in a one-to-many field declared as a {@code Set}; it behaves as
 * {@link RelatedList} does.
 *
 * @param <E> the element type
 */
public final class RelatedSet<E> extends AbstractSet<E> {
    private final RelatedObjects<E> state;
    private final LinkedHashSet<E> items;

    RelatedSet(RelatedObjects<E> state, LinkedHashSet<E> items) {
        this.state = state;
        this.items = items;
    }

    RelatedObjects<E> state() {
        return state;
    }

    /** @return whether the contents are loaded (reading an unloaded set loads it) */
    public boolean isLoaded() {
        return state.isLoaded();
    }

    @Override
    public Iterator<E> iterator() {
        state.ensureReadable();
        Iterator<E> it = items.iterator();
        return new Iterator<>() {
            private E last;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public E next() {
                last = it.next();
                return last;
            }

            @Override
            public void remove() {
                it.remove();
                state.removed(last);
            }
        };
    }

    @Override
    public int size() {
        state.ensureReadable();
        return items.size();
    }

    @Override
    public boolean contains(Object o) {
        state.ensureReadable();
        return items.contains(o);
    }

    @Override
    public boolean add(E e) {
        state.ensureLoaded();
        boolean added = items.add(e);
        if (added) {
            state.added(e);
        }
        return added;
    }

    /**
     * Adds the elements of a snapshot of the collection: taking an element from another owner's
     * collection removes it there, so that collection may be the one passed.
     */
    @Override
    public boolean addAll(java.util.Collection<? extends E> c) {
        return super.addAll(new java.util.ArrayList<>(c));
    }

    @Override
    public boolean remove(Object o) {
        state.ensureLoaded();
        boolean removed = items.remove(o);
        if (removed) {
            state.removed(o);
        }
        return removed;
    }

    @Override
    public String toString() {
        return state.isLoaded() ? items.toString() : "[not loaded: " + state.relationship + "]";
    }
}
