package dev.retort.orm;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.RandomAccess;

/**
 * The {@code List} Retort puts in a one-to-many field: it loads on first access while the session
 * is open (or throws {@link UnloadedRelationshipException}), and adding or removing an element sets
 * or clears the element's reference back to the owner.
 *
 * @param <E> the element type
 */
public final class RelatedList<E> extends AbstractList<E> implements RandomAccess {
    private final RelatedObjects<E> state;
    private final ArrayList<E> items;

    RelatedList(RelatedObjects<E> state, ArrayList<E> items) {
        this.state = state;
        this.items = items;
    }

    RelatedObjects<E> state() {
        return state;
    }

    /** @return whether the contents are loaded (reading an unloaded list loads it) */
    public boolean isLoaded() {
        return state.isLoaded();
    }

    @Override
    public E get(int index) {
        state.ensureReadable();
        return items.get(index);
    }

    @Override
    public int size() {
        state.ensureReadable();
        return items.size();
    }

    @Override
    public E set(int index, E element) {
        state.ensureLoaded();
        E old = items.set(index, element);
        if (old != element) {
            state.removed(old);
            state.added(element);
        }
        return old;
    }

    @Override
    public void add(int index, E element) {
        state.ensureLoaded();
        items.add(index, element);
        modCount++;
        state.added(element);
    }

    /**
     * Adds the elements of a snapshot of the collection: taking an element from another owner's
     * collection removes it there, so that collection may be the one passed.
     */
    @Override
    public boolean addAll(int index, java.util.Collection<? extends E> c) {
        return super.addAll(index, new java.util.ArrayList<>(c));
    }

    @Override
    public boolean addAll(java.util.Collection<? extends E> c) {
        return addAll(size(), c);
    }

    @Override
    public E remove(int index) {
        state.ensureLoaded();
        E old = items.remove(index);
        modCount++;
        state.removed(old);
        return old;
    }

    @Override
    public String toString() {
        return state.isLoaded() ? items.toString() : "[not loaded: " + state.relationship + "]";
    }
}
