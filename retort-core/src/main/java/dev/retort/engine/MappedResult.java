package dev.retort.engine;

import dev.retort.MultipleResultsException;
import dev.retort.NoResultException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The rows of a {@link Result}, each turned into a value: the first column
 * ({@link Result#scalars()}), a map ({@link Result#mappings()}), a record
 * ({@link Result#into(Class)}) or anything a function makes ({@link Result#map}).
 *
 * <p>Like its result, it reads rows from the database as they are asked for and can be consumed
 * once. {@link #all()}, {@link #first()}, {@link #one()} and {@link #oneOrNone()} close it;
 * iterating to the end closes it; otherwise close it (try-with-resources) to free the cursor
 * early. Not thread-safe.
 *
 * @param <T> the type of each value
 */
public final class MappedResult<T> implements Iterable<T>, AutoCloseable {
    private final Result result;
    private final Function<Row, T> mapper;

    MappedResult(Result result, Function<Row, T> mapper) {
        this.result = result;
        this.mapper = mapper;
    }

    /**
     * Iterates over the values, reading rows as it goes. Can be called once.
     *
     * @return the iterator
     */
    @Override
    public Iterator<T> iterator() {
        result.startConsuming("iterate");
        return new Iterator<>() {
            private Row next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = result.fetch();
                }
                return next != null;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("The result has no more rows");
                }
                Row r = next;
                next = null;
                return mapper.apply(r);
            }
        };
    }

    /**
     * The values as a sequential stream, read as it is consumed. Close the stream (or consume
     * it to the end) to close the result.
     *
     * @return the stream
     */
    public Stream<T> stream() {
        Spliterator<T> s = Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED);
        return StreamSupport.stream(s, false).onClose(result::close);
    }

    /**
     * Reads every remaining value and closes the result.
     *
     * @return the values, in order
     */
    public List<T> all() {
        List<T> out = new ArrayList<>();
        try (this) {
            for (T t : this) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Reads the first value, if any, and closes the result without reading the rest.
     *
     * @return the first value, or empty when there are no rows
     */
    public Optional<T> first() {
        try (this) {
            Iterator<T> it = iterator();
            return it.hasNext() ? Optional.ofNullable(it.next()) : Optional.empty();
        }
    }

    /**
     * Reads the only value and closes the result.
     *
     * @return the value
     * @throws NoResultException if there are no rows
     * @throws MultipleResultsException if there is more than one row
     */
    public T one() {
        return onlyRow(true).orElse(null);
    }

    /**
     * Reads the only value, if there is one, and closes the result.
     *
     * @return the value, or empty when there are no rows
     * @throws MultipleResultsException if there is more than one row
     */
    public Optional<T> oneOrNone() {
        return onlyRow(false);
    }

    private Optional<T> onlyRow(boolean required) {
        try (this) {
            Iterator<T> it = iterator();
            if (!it.hasNext()) {
                if (required) {
                    throw new NoResultException("one(): the query returned no rows, and exactly one was expected: "
                            + result.sqlForMessages() + ". Use oneOrNone() if no row is a valid answer.");
                }
                return Optional.empty();
            }
            T value = it.next();
            if (it.hasNext()) {
                throw new MultipleResultsException((required ? "one()" : "oneOrNone()")
                        + ": the query returned more than one row, and at most one was expected: "
                        + result.sqlForMessages() + ". Narrow the WHERE clause, or use first() or all().");
            }
            return Optional.ofNullable(value);
        }
    }

    /**
     * Reads the values in lists of up to {@code size}, for processing a large result in chunks.
     *
     * @param size the most values per list, at least 1
     * @return an iterable of lists, read as it is iterated
     */
    public Iterable<List<T>> partitions(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("partitions(size): size must be at least 1, got " + size);
        }
        return () -> new Iterator<>() {
            private final Iterator<T> it = MappedResult.this.iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public List<T> next() {
                if (!it.hasNext()) {
                    throw new NoSuchElementException("The result has no more rows");
                }
                List<T> chunk = new ArrayList<>(Math.min(size, 1024));
                while (chunk.size() < size && it.hasNext()) {
                    chunk.add(it.next());
                }
                return chunk;
            }
        };
    }

    /** Closes the underlying result. */
    @Override
    public void close() {
        result.close();
    }
}
