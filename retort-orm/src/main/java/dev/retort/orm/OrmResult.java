package dev.retort.orm;

import dev.retort.MultipleResultsException;
import dev.retort.NoResultException;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The objects (or rows) of an ORM query, read in full before they are returned, so that every
 * relationship loaded with the query (select-in, joined) is in place.
 *
 * @param <T> the element type
 */
public final class OrmResult<T> implements Iterable<T> {
    private final List<T> items;
    /** The query, printed only for a message (printing compiles it). */
    private final Object query;

    OrmResult(List<T> items, Object query) {
        this.items = items;
        this.query = query;
    }

    /** @return every element, in order (an unmodifiable list) */
    public List<T> all() {
        return items;
    }

    /** @return the first element, if any */
    public Optional<T> first() {
        return items.isEmpty() ? Optional.empty() : Optional.ofNullable(items.get(0));
    }

    /**
     * @return the only element
     * @throws NoResultException if there is none
     * @throws MultipleResultsException if there are several
     */
    public T one() {
        if (items.isEmpty()) {
            throw new NoResultException("Expected one row but the query returned none: " + query);
        }
        if (items.size() > 1) {
            throw new MultipleResultsException("Expected one row but the query returned " + items.size() + ": " + query);
        }
        return items.get(0);
    }

    /**
     * @return the only element, or empty
     * @throws MultipleResultsException if there are several
     */
    public Optional<T> oneOrNone() {
        if (items.size() > 1) {
            throw new MultipleResultsException("Expected at most one row but the query returned " + items.size() + ": " + query);
        }
        return first();
    }

    /** @return the elements as a stream */
    public Stream<T> stream() {
        return items.stream();
    }

    /** @return the number of elements */
    public int size() {
        return items.size();
    }

    @Override
    public Iterator<T> iterator() {
        return items.iterator();
    }
}
