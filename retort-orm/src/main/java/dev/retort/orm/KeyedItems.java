package dev.retort.orm;

import dev.retort.orm.mapping.Attribute;
import dev.retort.orm.mapping.EntityMapping;

import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * The elements of a {@code Map} one-to-many as the collection its {@link RelatedObjects} state
 * works with: each element is filed under the value of its key field (read when it is added), so
 * loading, cascades and the unit of work see a plain collection while {@link RelatedMap} answers
 * by key.
 *
 * @param <E> the element type
 */
final class KeyedItems<E> extends AbstractCollection<E> {
    private final LinkedHashMap<Object, E> byKey = new LinkedHashMap<>();
    private final Attribute key;

    KeyedItems(Attribute key) {
        this.key = key;
    }

    /** @return the elements by key (the map {@link RelatedMap} reads and changes) */
    LinkedHashMap<Object, E> byKey() {
        return byKey;
    }

    /**
     * The key an element is filed under: the value of its key field.
     *
     * @param element an element
     * @return its key
     * @throws IllegalArgumentException if the key field is {@code null}
     */
    Object keyOf(Object element) {
        @SuppressWarnings("unchecked")
        EntityMapping<Object> m = (EntityMapping<Object>) EntityMapping.of(element.getClass());
        Object k = m.accessor().get(element, m.attribute(key.name()).field());
        if (k == null) {
            throw new IllegalArgumentException("Cannot file " + element.getClass().getSimpleName() + " in a map keyed by its "
                    + key.name() + ": the field is null. Set " + key.name() + " before adding it");
        }
        return k;
    }

    @Override
    public boolean add(E element) {
        Objects.requireNonNull(element, "element");
        E old = byKey.put(keyOf(element), element);
        return old != element;
    }

    @Override
    public boolean remove(Object element) {
        if (element == null) {
            return false;
        }
        Iterator<E> it = byKey.values().iterator();
        while (it.hasNext()) {
            if (it.next() == element) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean contains(Object element) {
        for (E e : byKey.values()) {
            if (e == element) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Iterator<E> iterator() {
        return byKey.values().iterator();
    }

    @Override
    public int size() {
        return byKey.size();
    }

    @Override
    public void clear() {
        byKey.clear();
    }
}
