package dev.retort.orm;

import dev.retort.InvalidStateException;
import dev.retort.engine.Result;
import dev.retort.engine.Row;
import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.Relationship;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The objects of one {@link Session#stream} query, made from its streamed result as the consumer
 * pulls them. A row whose object the session holds gives that object (reloaded if expired); any
 * other row gives a new object that the session does not keep: it is recorded as detached (by
 * row and identity hash, as {@link DetachedObjects} does for objects leaving a session), its
 * {@code @AfterLoad} hooks and the session's listeners run, and its relationships are left
 * unloaded. So memory stays bounded however many rows the stream has.
 *
 * <p>Any exception while a row is read or handed over (a database error, a hook, the consumer)
 * closes the result before it propagates; so does the session's commit, rollback or close, after
 * which a pull throws an {@link InvalidStateException} saying which.
 *
 * @param <E> the entity type
 */
final class EntityStream<E> implements Spliterator<E> {
    private final Session session;
    private final EntityMapping<E> mapping;
    private final Result result;
    private final Iterator<Row> rows;
    /** The load of each relationship the query's options set (only {@link Load#NO_LOAD} and {@link Load#RAISE}). */
    private final Map<Relationship, Load> loads;
    /** The entity's columns the query reads (deferred ones left out). */
    private final LoadedColumns read;
    private boolean closed;
    private boolean exhausted;
    /** What the session did that closed this stream, or {@code null}. */
    private String endedBy;

    private EntityStream(Session session, EntityMapping<E> mapping, Result result, Map<Relationship, Load> loads,
                         LoadedColumns read) {
        this.session = session;
        this.mapping = mapping;
        this.result = result;
        this.loads = loads;
        this.read = read;
        this.rows = result.iterator();
    }

    /**
     * The loads a stream can honour for a query's options, refusing the others before anything runs.
     *
     * @param query the query
     * @return the load of each relationship an option names
     * @throws IllegalArgumentException for an option that would load related objects
     */
    static Map<Relationship, Load> loadsOf(EntitySelect<?> query) {
        List<LoadOption> options = query.loadOptions();
        if (options.isEmpty()) {
            return Map.of();
        }
        Map<Relationship, Load> out = new HashMap<>();
        for (LoadOption o : options) {
            if (o.load() != Load.NO_LOAD && o.load() != Load.RAISE) {
                throw new IllegalArgumentException("session.stream(...) of " + query.mapping().type().getSimpleName()
                        + " cannot honour the option " + o + ": streamed objects the session does not already hold are "
                        + "returned detached with their relationships not loaded, so that the session keeps nothing of "
                        + "them. Remove the option (noLoad and raiseLoad are accepted), or use session.scalars(...) in "
                        + "pages to load relationships with the objects");
            }
            out.put(o.relationship(), o.load());
        }
        return out;
    }

    /**
     * Starts reading a streamed result as objects.
     *
     * @param session the session
     * @param mapping the queried entity
     * @param result the streamed result of its query
     * @param loads what {@link #loadsOf} returned for the query
     * @param read the entity's columns the query reads
     * @param <E> the entity type
     * @return the reader
     */
    static <E> EntityStream<E> over(Session session, EntityMapping<E> mapping, Result result, Map<Relationship, Load> loads,
                                    LoadedColumns read) {
        return new EntityStream<>(session, mapping, result, loads, read);
    }

    /** @return a sequential stream over this reader that closes it when closed */
    Stream<E> stream() {
        return StreamSupport.stream(this, false).onClose(this::close);
    }

    @Override
    public boolean tryAdvance(Consumer<? super E> action) {
        if (closed) {
            if (exhausted) {
                return false;
            }
            throw new InvalidStateException(endedBy != null
                    ? "This stream of " + mapping.type().getSimpleName() + " was closed because its session " + endedBy
                            + "; read a stream to its end (or close it) before commit(), rollback() or close()"
                    : "This stream of " + mapping.type().getSimpleName() + " is closed; run the query again for a new stream");
        }
        try {
            if (!rows.hasNext()) {
                exhausted = true;
                close();
                return false;
            }
            action.accept(object(rows.next()));
            return true;
        } catch (RuntimeException | Error e) {
            try {
                close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The object for a row: the session's if it holds the row, else a new detached one. */
    private E object(Row row) {
        EntityRowValues r = EntityRowValues.of(mapping, read, row, 0);
        EntityMapping<Object> m = r.mapping();
        Object[] values = r.values();
        Object id = r.id();
        InstanceState held = session.held(m.type(), id);
        if (held != null) {
            session.reloadHeld(held, values, read);
            return mapping.type().cast(held.entity);
        }
        boolean[] columns = read.all() ? null : ColumnLoader.unread(read, m);
        Object entity = m.instantiate(values, columns);
        Set<Relationship> unloaded = leaveUnloaded(m, entity, values);
        DetachedObjects.add(entity, new EntityKey(m.type(), id), unloaded == null && columns == null ? null
                : new DetachedObjects.Unloaded(UnitOfWork.own(values), unloaded == null ? Set.of() : unloaded, columns));
        session.fireLoaded(m, entity);
        return mapping.type().cast(entity);
    }

    /**
     * Puts unloaded collections (without a session) in a new object's one-to-many fields and says
     * which references are not loaded: those whose key is not NULL (their fields stay {@code null}).
     * The other side of a one-to-one stays {@code null}.
     *
     * @return the references not loaded, or {@code null} if none
     */
    private Set<Relationship> leaveUnloaded(EntityMapping<Object> m, Object entity, Object[] values) {
        Set<Relationship> unloaded = null;
        for (Relationship r : m.relationships()) {
            if (r.isReference()) {
                if (r.isRef()) {          // the Ref knows its key; get() explains that it cannot load
                    Object key = values[r.column().index()];
                    Ref<?> ref = Ref.toId(null);
                    if (key != null) {
                        ref.unloadStreamed(key, entity, r, loads.getOrDefault(r, r.load()));
                    }
                    m.fieldAccessor().set(entity, r.field(), ref);
                }
                if (values[r.column().index()] != null) {
                    if (unloaded == null) {
                        unloaded = new HashSet<>(4);
                    }
                    unloaded.add(r);
                }
                continue;
            }
            if (r.isInverseOneToOne()) {
                m.accessor().set(entity, r.field(), null);   // not loaded: null, whatever the constructor put there
                continue;
            }
            RelatedObjects<?> c = Relations.install(null, entity, m, r, null, false);
            Load load = loads.getOrDefault(r, r.load());
            if (load == Load.RAISE) {
                c.raiseOnAccess();
            } else if (load == Load.NO_LOAD) {
                c.readAsEmpty();
            } else {
                c.markStreamed();
            }
        }
        return unloaded;
    }

    /** Closes the result, if still open; the session forgets the stream. Calling it again does nothing. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        session.streamClosed(this);
        result.close();
    }

    /**
     * The session is ending its transaction (or closing): the result closes now, and the next
     * pull says why.
     *
     * @param why what the session did ("committed", "rolled back", "was closed")
     */
    void endBySession(String why) {
        if (closed) {
            return;
        }
        endedBy = why;
        closed = true;
        try {
            result.close();
        } catch (RuntimeException ignored) {
            // The transaction ends next, which frees the cursor with it.
        }
    }

    @Override
    public Spliterator<E> trySplit() {
        return null;                    // rows come one at a time from one cursor
    }

    @Override
    public long estimateSize() {
        return Long.MAX_VALUE;
    }

    @Override
    public int characteristics() {
        return ORDERED | NONNULL;
    }
}
