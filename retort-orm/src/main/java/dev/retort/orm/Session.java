package dev.retort.orm;

import dev.retort.InvalidStateException;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Result;
import dev.retort.engine.Row;
import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.MappedColumn;
import dev.retort.sql.Executable;
import dev.retort.sql.Predicate;
import dev.retort.sql.Select;
import dev.retort.orm.mapping.Relationship;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One unit of work: the objects it loaded or was given, and the changes to write at the next
 * flush, in one database transaction at a time. Open one per request or task, use it from one
 * thread, and close it (it is {@link AutoCloseable}); a session is not thread-safe.
 *
 * <pre>{@code
 * try (Session session = Session.open(engine)) {
 *     User ada = new User("ada");
 *     session.add(ada);
 *     session.commit();                      // INSERT, then COMMIT; ada.id is set
 *     User same = session.get(User.class, ada.id);
 *     assert same == ada;                    // one object per row per session
 * }
 * }</pre>
 *
 * <p><b>States.</b> {@link #state} tells where an object stands ({@link ObjectState}). Commit
 * keeps persistent objects in the session, marked expired when {@link SessionOptions#expireOnCommit()};
 * rollback removes objects added or inserted in the transaction (their generated keys are cleared),
 * restores the last committed values of the others and marks them expired.
 *
 * <p><b>Expired objects</b> are plain objects (Retort uses no proxies): the next {@code get} or
 * query that reaches an expired object's row reloads every column the application has not changed
 * since the last flush. {@link #refresh} reloads all of them at once.
 *
 * <p><b>Failed flush.</b> When a flush fails (a constraint violation, a stale object), the database
 * transaction is rolled back, the objects return to their state as of the last commit, and every
 * further use of the session throws {@link PendingRollbackException} until {@link #rollback()}.
 */
public final class Session implements AutoCloseable {
    private final Engine engine;
    private final SessionOptions options;
    private final IdentityMap identityMap = new IdentityMap();
    private final IdentityHashMap<Object, InstanceState> states = new IdentityHashMap<>(8);
    private final List<EntityListener> listeners = new ArrayList<>();
    /** Objects removed from a collection that deletes its orphans: deleted at flush unless re-attached. */
    private final IdentityHashMap<Object, Relationship> orphans = new IdentityHashMap<>(2);
    /** Streams of this session not closed yet: the end of the transaction closes them. */
    private final List<EntityStream<?>> streams = new ArrayList<>(1);
    private Connection connection;
    private long order;
    private boolean closed;
    /** The objects a merge in progress has reached, with the session's object for each (cycles end there). */
    private IdentityHashMap<Object, Object> merging;
    private String pendingRollback;
    private boolean flushing;
    private int noAutoflush;
    private final OneToOneSides oneToOnes = new OneToOneSides(this);

    private Session(Engine engine, SessionOptions options) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * @param engine the engine to run on
     * @return a new session with the default options
     */
    public static Session open(Engine engine) {
        return new Session(engine, SessionOptions.defaults());
    }

    /**
     * @param engine the engine to run on
     * @param options autoflush and expire-on-commit
     * @return a new session
     */
    public static Session open(Engine engine, SessionOptions options) {
        return new Session(engine, options);
    }

    /**
     * Runs work in a new session and commits; rolls back if the work throws, and closes the session
     * either way.
     *
     * @param engine the engine
     * @param work what to do
     * @param <T> the work's result
     * @return what the work returned
     */
    public static <T> T inTransaction(Engine engine, Function<Session, T> work) {
        try (Session session = open(engine)) {
            T result;
            try {
                result = work.apply(session);
                session.commit();
            } catch (RuntimeException | Error e) {
                try {
                    session.rollback();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            return result;
        }
    }

    /**
     * Runs work in a new session and commits; rolls back if the work throws.
     *
     * @param engine the engine
     * @param work what to do
     */
    public static void runInTransaction(Engine engine, Consumer<Session> work) {
        inTransaction(engine, s -> {
            work.accept(s);
            return null;
        });
    }

    /** @return the session's options */
    public SessionOptions options() {
        return options;
    }

    /** @return the engine */
    public Engine engine() {
        return engine;
    }

    /**
     * Adds a listener that sees the lifecycle events of every entity in this session.
     *
     * @param listener the listener
     */
    public void addListener(EntityListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    // ---- adding and removing -----------------------------------------------------------------

    /**
     * Puts an object in the session: a new object becomes pending (inserted at the next flush); a
     * detached one becomes persistent again (updated at the next flush with all its columns,
     * since its old values are unknown). Adding an object already in the session does nothing.
     *
     * @param entity an entity
     * @throws IllegalArgumentException if the class is not an entity
     * @throws InvalidStateException if another object with the same id is already in the session (use {@link #merge})
     */
    public void add(Object entity) {
        checkUsable();
        Objects.requireNonNull(entity, "entity");
        InstanceState existing = states.get(entity);
        if (existing != null) {
            if (existing.state == ObjectState.DELETED && !existing.deletedInTransaction) {
                undelete(existing);                        // undo a delete() not yet flushed, with its cascades
            }
            return;
        }
        EntityMapping<Object> mapping = mappingOf(entity);
        if (wasStored(entity, mapping)) {
            EntityKey key = keyOf(entity, mapping);
            if (key != null) {
                Object id = key.id();
                if (identityMap.containsKey(key)) {
                    throw new InvalidStateException("Another " + mapping.type().getSimpleName() + " with id " + id
                            + " is already in this session; use session.merge(object) to copy the detached object's state onto it");
                }
                InstanceState s = new InstanceState(entity, mapping, ObjectState.PERSISTENT, order++);
                s.key = key;
                DetachedObjects.Unloaded info = DetachedObjects.unloaded(entity, key);
                if (info != null) {
                    // Its references were not loaded: the snapshot keeps their keys, so they are not written as NULL.
                    s.snapshot = UnitOfWork.copy(info.snapshot());
                    s.committed = s.snapshot;
                    info.unloaded().forEach(s::markUnloaded);
                    s.unloadColumns(info.columns());
                } else {
                    s.committed = UnitOfWork.copy(mapping.read(entity));
                    s.committedUnknown = true;
                    s.snapshot = null;    // unknown: the next flush writes every column
                }
                states.put(entity, s);
                identityMap.put(key, s);
                DetachedObjects.remove(entity, key);
                adopt(s);
                return;
            }
        }
        InstanceState s = new InstanceState(entity, mapping, ObjectState.PENDING, order++);
        if (mapping.generation() == GenerationStrategy.UUID && mapping.idOf(entity) == null) {
            MappedColumn idColumn = mapping.idColumns().get(0);
            Object uuid = idColumn.attribute().javaType() == String.class ? UUID.randomUUID().toString() : UUID.randomUUID();
            mapping.writeColumn(entity, idColumn, uuid);
        }
        if (mapping.hasValidators()) {
            mapping.validate(entity, null);
        }
        states.put(entity, s);
        adopt(s);
    }

    private void undelete(InstanceState s) {
        s.state = ObjectState.PERSISTENT;
        for (Object[] c : s.cascades()) {
            if (c[1] == null) {
                InstanceState child = (InstanceState) c[0];
                if (child.state == ObjectState.DELETED && !child.deletedInTransaction) {
                    undelete(child);
                }
            } else if (c[0] instanceof RelatedObjects<?> other) {
                if (!other.items.contains(s.entity)) {
                    addItem(other, s.entity);                  // back into a many-to-many collection
                }
            } else {
                Relationship r = (Relationship) c[1];
                InstanceState child = states.get(c[0]);
                if (child != null && child.mapping.accessor().get(child.entity, r.inverse().field()) == null) {
                    child.mapping.accessor().set(child.entity, r.inverse().field(), s.entity);
                }
            }
        }
        s.clearCascades();
        oneToOnes.comeBack(s);
        for (Relationship r : s.mapping.relationships()) {      // back into the loaded collections it left
            Relationship inverse = r.isReference() ? r.inverse() : null;
            Object owner = inverse == null ? null : referencedInMemory(s, r);
            if (owner != null && inverse.owner().isInstance(owner)) {     // (a one-to-one's other side may be a subclass's)
                @SuppressWarnings("unchecked")
                EntityMapping<Object> om = (EntityMapping<Object>) EntityMapping.of(owner.getClass());
                RelatedObjects<?> c = Relations.stateOf(om.accessor().get(owner, inverse.field()));
                if (c != null && c.isLoaded() && !c.items.contains(s.entity)) {
                    addItem(c, s.entity);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <E> void addItem(RelatedObjects<E> c, Object item) {
        c.items.add((E) item);
    }

    /**
     * Takes in an object's relationships: its collections become Retort's (pointing their elements
     * back at it), and objects reached through save-update cascades are added too.
     */
    private void adopt(InstanceState s) {
        bindRefs(s, false);
        for (Relationship r : s.mapping.relationships()) {
            Object v = s.mapping.accessor().get(s.entity, r.field());
            if (r.isSingle()) {
                if (v != null && r.cascades(Cascade.SAVE_UPDATE) && !states.containsKey(v)) {
                    add(v);
                }
                continue;
            }
            RelatedObjects<?> c = Relations.stateOf(v);
            if (c == null || c.owner != s.entity) {
                java.util.Collection<?> contents = v == null ? List.of()
                        : new ArrayList<>(v instanceof java.util.Map<?, ?> map ? map.values() : (java.util.Collection<?>) v);
                RelatedObjects<?> replaced = c;
                c = newCollection(s, r, contents, true);
                if (r.isManyToMany()) {
                    if (s.state == ObjectState.PENDING) {
                        c.baseline = new ArrayList<>();          // a new owner has no rows yet
                    } else if (replaced != null && replaced.isLoaded()) {
                        c.baseline = replaced.baseline;          // the rows the replaced collection knew
                    } else {
                        c.baseline = new ArrayList<>();
                        c.replaceAll = true;                     // unknown rows: rewrite them all
                    }
                }
                for (Object e : contents) {
                    linkBack(c, e);
                }
            } else {
                c.attach(this);
                if (r.isManyToMany() && s.state == ObjectState.PENDING) {
                    c.baseline = new ArrayList<>();              // e.g. added again after a rollback
                }
            }
            if (r.cascades(Cascade.SAVE_UPDATE) && c.isLoaded()) {
                for (Object e : new ArrayList<>(c.items)) {
                    if (!states.containsKey(e)) {
                        add(e);
                    }
                }
            }
        }
        if (states.get(s.entity) == s) {
            oneToOnes.alignAdded(s);                   // the other side of its one-to-ones follows at once
        }
    }

    /**
     * An object reached through a save-update cascade joins the session if it is new; one that
     * left a session (detached, or deleted and committed) is not brought back silently.
     */
    private void addReached(Object o) {
        if (o != null && !states.containsKey(o) && !wasStored(o, mappingOf(o))) {
            add(o);
        }
    }

    /** Before a flush: objects reached through save-update cascades join, orphans are deleted. */
    private void cascadeBeforeFlush() {
        for (InstanceState s : new ArrayList<>(states.values())) {
            if (s.state != ObjectState.PENDING && s.state != ObjectState.PERSISTENT) {
                continue;
            }
            if (s.mapping.fieldAccessor() != s.mapping.accessor()) {
                bindRefs(s, true);         // a Ref by key the application assigned since
            }
            for (Relationship r : s.mapping.relationships()) {
                if (!r.cascades(Cascade.SAVE_UPDATE)) {
                    continue;
                }
                Object v = s.mapping.accessor().get(s.entity, r.field());
                if (r.isSingle()) {
                    addReached(v);
                } else if (v != null && Relations.stateOf(v) == null) {
                    adopt(s);                  // the application put a plain collection in the field
                } else {
                    RelatedObjects<?> c = Relations.stateOf(v);
                    if (c != null && c.isLoaded()) {
                        for (Object e : new ArrayList<>(c.items)) {
                            addReached(e);
                        }
                    }
                }
            }
        }
        oneToOnes.align(new ArrayList<>(states.values()));
        for (java.util.Map.Entry<Object, Relationship> o : new ArrayList<>(orphans.entrySet())) {
            InstanceState st = states.get(o.getKey());
            Relationship back = o.getValue().inverse();
            if (st != null && st.state != ObjectState.DELETED && st.mapping.accessor().get(st.entity, back.field()) == null
                    && !(back.isRef() && st.mapping.fieldAccessor().get(st.entity, back.field()) instanceof Ref<?> ref && !ref.isLoaded())) {
                delete(st.entity);             // (a Ref by key, Ref.toId, puts it under another owner too)
            }
        }
        orphans.clear();
    }

    /**
     * Adds several objects, in order.
     *
     * @param entities the entities
     */
    public void addAll(Collection<?> entities) {
        for (Object e : entities) {
            add(e);
        }
    }

    /**
     * Marks a persistent object for deletion at the next flush; a pending one is simply removed.
     *
     * @param entity an object of this session
     * @throws InvalidStateException if the object is not in this session
     */
    public void delete(Object entity) {
        checkUsable();
        InstanceState s = states.get(Objects.requireNonNull(entity, "entity"));
        if (s == null) {
            throw new InvalidStateException("Cannot delete a " + entity.getClass().getSimpleName() + " that is " + state(entity)
                    + " with respect to this session; load it with get(...) or a query first");
        }
        if (s.state == ObjectState.DELETED) {
            return;
        }
        oneToOnes.loadBeforeDelete(s);
        if (s.state == ObjectState.PENDING) {
            states.remove(entity);
        } else {
            s.state = ObjectState.DELETED;
        }
        leaveCollections(s);
        oneToOnes.leave(s);
        noAutoflush++;
        try {
            cascadeDelete(s);
        } finally {
            noAutoflush--;
        }
    }

    /** A deleted object leaves the loaded collections of the objects it refers to. */
    private void leaveCollections(InstanceState s) {
        for (Relationship r : s.mapping.relationships()) {
            Relationship inverse = r.isReference() ? r.inverse() : null;
            Object owner = inverse == null ? null : referencedInMemory(s, r);
            if (owner != null && inverse.owner().isInstance(owner)) {     // (a one-to-one's other side may be a subclass's)
                @SuppressWarnings("unchecked")
                EntityMapping<Object> om = (EntityMapping<Object>) EntityMapping.of(owner.getClass());
                RelatedObjects<?> c = Relations.stateOf(om.accessor().get(owner, inverse.field()));
                if (c != null && c.isLoaded()) {
                    c.items.remove(s.entity);
                }
            }
        }
    }

    /**
     * The object a reference points at, as far as memory knows without a query: the field's, or
     * for an unloaded {@link Ref} the session's object of its key (whose loaded collection may
     * hold the referring object although the Ref was never read).
     */
    Object referencedInMemory(InstanceState s, Relationship r) {
        Object v = s.mapping.accessor().get(s.entity, r.field());
        if (v == null && r.isRef() && s.mapping.fieldAccessor().get(s.entity, r.field()) instanceof Ref<?> ref
                && !ref.isLoaded() && ref.key() != null) {
            return identity(r.targetType(), ref.key());
        }
        return v;
    }

    /** Deletes what a deleted object's relationships cascade to, and detaches its children otherwise. */
    private void cascadeDelete(InstanceState s) {
        oneToOnes.cascadeDelete(s);
        for (Relationship r : s.mapping.relationships()) {
            if (r.isInverseOneToOne()) {
                continue;                      // done above
            }
            Object v = s.mapping.accessor().get(s.entity, r.field());
            if (r.isReference()) {
                if (v == null && r.isRef() && r.cascades(Cascade.DELETE) && s.isUnloaded(r) && isActiveFor(s.entity)
                        && s.mapping.fieldAccessor().get(s.entity, r.field()) instanceof Ref<?> ref && ref.isUnloadedFor(s.entity)) {
                    loadReference(ref);        // what a delete cascades to is loaded first, as a collection is
                    v = s.mapping.accessor().get(s.entity, r.field());
                }
                if (v != null && r.cascades(Cascade.DELETE) && states.containsKey(v)) {
                    delete(v);
                }
                continue;
            }
            RelatedObjects<?> c = Relations.stateOf(v);
            if (r.isManyToMany()) {
                Relationship inverse = r.inverse();
                if (inverse != null) {         // the owner leaves the other side's loaded collections
                    for (InstanceState t : new ArrayList<>(states.values())) {
                        if (r.targetType().isAssignableFrom(t.mapping.type())) {
                            RelatedObjects<?> other = collectionOf(t, inverse);
                            if (other != null && other.isLoaded() && other.items.remove(s.entity)) {
                                s.recordCascade(other, inverse);     // undone by add() before the flush
                            }
                        }
                    }
                }
                continue;                      // its association rows are deleted at flush
            }
            if (c == null || (r.passiveDeletes() && !c.isLoaded())) {
                continue;                      // the database's ON DELETE CASCADE takes care of the rows
            }
            if (!c.isLoaded()) {
                if (s.key == null || !isActiveFor(s.entity)) {
                    continue;
                }
                loadCollection(c);
            }
            for (Object e : new ArrayList<>(c.items)) {
                if (r.cascades(Cascade.DELETE)) {
                    InstanceState es = states.get(e);
                    if (es != null && es.state != ObjectState.DELETED) {
                        delete(e);
                        s.recordCascade(es, null);
                    }
                } else {
                    unlinkBack(c, e);          // the child stays; its reference is cleared
                    s.recordCascade(e, r);
                }
            }
        }
    }

    /**
     * Removes an object from the session without touching the database: a persistent object
     * becomes detached, a pending one transient. Its unflushed changes are not written.
     *
     * @param entity an object of this session
     * @throws InvalidStateException if the object is not in this session
     */
    public void expunge(Object entity) {
        checkOpen();
        InstanceState s = states.remove(Objects.requireNonNull(entity, "entity"));
        if (s == null) {
            throw new InvalidStateException("The " + entity.getClass().getSimpleName() + " is not in this session");
        }
        if (s.key != null) {
            identityMap.remove(s.key, s);
        }
        if (s.state != ObjectState.PENDING) {
            DetachedObjects.add(entity, s.key, unloadedInfo(s));
        }
        orphans.remove(entity);
        detachCollections(s);
        oneToOnes.expunged(s);
        for (Object e : loadedRelated(s, Cascade.EXPUNGE)) {
            if (states.containsKey(e)) {
                expunge(e);
            }
        }
    }

    /**
     * The related objects an object holds along the relationships that cascade an operation: the
     * elements of loaded collections and the objects of references (nothing is loaded for it).
     */
    private List<Object> loadedRelated(InstanceState s, Cascade cascade) {
        List<Object> out = List.of();
        for (Relationship r : s.mapping.relationships()) {
            if (!r.cascades(cascade)) {
                continue;
            }
            Object v = s.mapping.accessor().get(s.entity, r.field());
            RelatedObjects<?> c = r.isSingle() ? null : Relations.stateOf(v);
            if (r.isSingle() ? v == null : c == null || !c.isLoaded()) {
                continue;
            }
            if (out.isEmpty()) {
                out = new ArrayList<>();
            }
            if (r.isSingle()) {
                out.add(v);
            } else {
                out.addAll(c.items);
            }
        }
        return out;
    }

    /**
     * Refreshes or expires the objects an operation on an object cascades to (REFRESH_EXPIRE),
     * gathered before the operation forgot its collections; each object once, cycles included.
     */
    private void refreshExpireCascade(List<Object> related, Set<Object> done, boolean refresh) {
        for (Object e : related) {
            InstanceState t = states.get(e);
            if (t != null && t.state == ObjectState.PERSISTENT && done.add(e)) {
                List<Object> next = loadedRelated(t, Cascade.REFRESH_EXPIRE);
                refreshOrExpireOne(t, refresh);
                refreshExpireCascade(next, done, refresh);
            }
        }
    }

    /** The collections and {@link Ref}s of an object leaving the session no longer load through it. */
    private void detachCollections(InstanceState s) {
        for (Relationship r : s.mapping.relationships()) {
            if (!r.isReference()) {
                RelatedObjects<?> c = collectionOf(s, r);
                if (c != null && c.session() == this) {
                    c.detach();
                }
            } else if (r.isRef() && s.mapping.fieldAccessor().get(s.entity, r.field()) instanceof Ref<?> ref
                    && ref.session() == this) {
                ref.bind(null, s.entity, r);      // (so is a Ref: it no longer keeps the session reachable)
            }
        }
    }

    /**
     * Where an object stands with respect to this session.
     *
     * @param entity any entity object
     * @return its state
     */
    public ObjectState state(Object entity) {
        InstanceState s = states.get(Objects.requireNonNull(entity, "entity"));
        if (s != null) {
            return s.state;
        }
        return wasStored(entity, mappingOf(entity)) ? ObjectState.DETACHED : ObjectState.TRANSIENT;
    }

    /**
     * @param entity an object
     * @return whether it is in this session (pending, persistent or deleted)
     */
    public boolean contains(Object entity) {
        return states.containsKey(entity);
    }

    /**
     * @param entity an object of this session
     * @return whether it is expired (see the class description)
     */
    public boolean isExpired(Object entity) {
        InstanceState s = states.get(entity);
        return s != null && s.expired;
    }

    /**
     * @param entity an object of this session
     * @return whether the next flush would write it (pending, deleted, or changed since loaded)
     */
    public boolean isModified(Object entity) {
        InstanceState s = states.get(entity);
        if (s == null) {
            return false;
        }
        return switch (s.state) {
            case PENDING -> true;
            case DELETED -> !s.deletedInTransaction;
            case PERSISTENT -> UnitOfWork.changedColumns(s).length > 0;
            default -> false;
        };
    }

    // ---- loading -----------------------------------------------------------------------------

    /**
     * The object of an entity class with an id: from the identity map if the session holds it
     * (without a query, unless it is expired), otherwise by one SELECT.
     *
     * @param type the entity class
     * @param id the id (a value, or the {@code @IdClass} record)
     * @param <E> the entity type
     * @return the object, or {@code null} if there is no such row or it is deleted in this session
     */
    public <E> E get(Class<E> type, Object id) {
        checkUsable();
        EntityMapping<E> mapping = EntityMapping.of(type);
        Object normalized = mapping.normalizeId(id);
        InstanceState s = identityMap.get(type, normalized);
        if (s != null && !type.isInstance(s.entity)) {
            return null;                   // the row is another class of the hierarchy
        }
        if (s != null && !s.expired) {
            return s.state == ObjectState.DELETED ? null : type.cast(s.entity);
        }
        autoflush();
        E loaded = StatementCauses.with("get(" + type.getSimpleName() + ", " + normalized + ")", () ->
                loadById(mapping, mapping.idValues(normalized)));
        if (loaded == null && s != null && s.state == ObjectState.PERSISTENT) {
            // Its row is gone (a bulk delete, or someone else): the object leaves the session.
            forget(s);
            DetachedObjects.add(s.entity, s.key, null);
            return null;
        }
        if (s != null && s.state == ObjectState.DELETED) {
            return null;
        }
        return loaded;
    }

    /** @return the dialect of the session's engine */
    dev.retort.dialect.Dialect dialect() {
        return engine.dialect();
    }

    /** Runs the entity's prepared by-key query: no statement is built or walked per call. */
    private <E> E loadById(EntityMapping<E> mapping, Object[] idValues) {
        ByIdQuery query = ByIdQuery.of(mapping.type());
        Loading loading = new Loading(this, List.of());
        query.prepare(loading, mapping);
        Object found = null;
        try (Result result = connection().execute(query.select(), query.parameters(idValues))) {
            for (Row row : result) {
                found = load(mapping, row, 0, loading);
            }
        }
        loading.finish();
        return mapping.type().cast(found);
    }

    /**
     * Reloads every column of an object from its row, discarding unflushed changes.
     *
     * @param entity a persistent object of this session
     * @throws StaleObjectException if its row no longer exists
     */
    public void refresh(Object entity) {
        checkUsable();
        refreshOrExpire(persistentState(entity, "refresh"), true);
    }

    /** Refreshes or expires an object, then (REFRESH_EXPIRE) the related objects it had loaded, each once. */
    private void refreshOrExpire(InstanceState s, boolean refresh) {
        List<Object> related = loadedRelated(s, Cascade.REFRESH_EXPIRE);   // before the operation forgets them
        refreshOrExpireOne(s, refresh);
        if (!related.isEmpty()) {
            Set<Object> done = Collections.newSetFromMap(new IdentityHashMap<>());
            done.add(s.entity);
            refreshExpireCascade(related, done, refresh);
        }
    }

    private void refreshOrExpireOne(InstanceState s, boolean refresh) {
        if (refresh) {
            refreshOne(s);
        } else {
            expireOne(s);
        }
    }

    private void refreshOne(InstanceState s) {
        LoadedColumns read = ColumnLoader.loadedColumnsOf(s);     // deferred columns not loaded stay so
        Result r = StatementCauses.with("refresh(" + s.key + ")", () ->
                connection().execute(EntitySelect.of(s.mapping, read).where(idCondition(s.mapping, s.mapping.idValues(s.key.id()))).toSelect()));
        Row row = r.oneOrNone().orElseThrow(() -> new StaleObjectException(s.mapping.type(), s.key.id(),
                s.mapping.type().getSimpleName() + " with id " + s.key.id() + " no longer exists in the database"));
        Object[] values = read.values(row, 0);
        read.fillDefaults(values, s.mapping);
        s.mapping.write(s.entity, values);
        boolean firstRead = s.committedUnknown && s.snapshot == null;
        s.snapshot = UnitOfWork.copy(values);
        s.assignedKnown(null);
        if (firstRead) {
            committedAsRead(s);
        }
        s.expired = false;
        resyncReferences(s, null, true);
        unloadCollections(s);
        oneToOnes.expire(s, true, false);
        fire(LifecycleEvent.AFTER_LOAD, s);
    }

    /**
     * Loads columns an object did not load ({@link Deferred} ones, or those a query left out with
     * {@code defer}/{@code loadOnly}) with one SELECT of its key and those columns:
     * {@code SELECT users.id, users.bio FROM users WHERE users.id IN (?)}. A column of a
     * {@code @Deferred} group brings the rest of the group. Columns already loaded, or set by the
     * application since, are left as they are; nothing is read when none is missing.
     *
     * @param entity a persistent object of this session
     * @param columns columns of its entity ({@code User_.BIO}); none for every column it lacks
     * @throws InvalidStateException if the object is not persistent in this session
     * @throws IllegalArgumentException if a column is not a value column of the entity
     * @throws StaleObjectException if its row no longer exists
     */
    public void undefer(Object entity, dev.retort.schema.Column<?>... columns) {
        undefer(List.of(Objects.requireNonNull(entity, "entity")), columns);
    }

    /**
     * Loads columns many objects did not load, in one SELECT per entity (per hierarchy) with the
     * keys in an IN list, in chunks of up to 5,000 keys as select-in loading does: a page of 100
     * objects is one statement, not 100. See {@link #undefer(Object, dev.retort.schema.Column[])}.
     *
     * @param entities persistent objects of this session
     * @param columns columns of their entity; none for every column each lacks
     * @throws InvalidStateException if an object is not persistent in this session
     * @throws IllegalArgumentException if a column is not a value column of an object's entity
     * @throws StaleObjectException if a row no longer exists
     */
    public void undefer(Collection<?> entities, dev.retort.schema.Column<?>... columns) {
        checkUsable();
        Objects.requireNonNull(entities, "entities");
        Objects.requireNonNull(columns, "columns");
        new ColumnLoader(this).load(entities, columns);
    }

    /**
     * Marks an object expired: the next {@code get} or query that reaches its row reloads the
     * columns the application has not changed.
     *
     * @param entity a persistent object of this session
     */
    public void expire(Object entity) {
        checkOpen();
        refreshOrExpire(persistentState(entity, "expire"), false);
    }

    private void expireOne(InstanceState s) {
        s.expired = true;
        unloadCollections(s);
        oneToOnes.expire(s, false, false);
    }

    /** Marks every persistent object expired. */
    public void expireAll() {
        checkOpen();
        for (InstanceState s : states.values()) {
            if (s.state == ObjectState.PERSISTENT) {
                s.expired = true;
                unloadCollections(s);
                oneToOnes.expire(s, false, false);
            }
        }
    }

    /**
     * Copies the state of an object that is not in this session (detached, or a transient object
     * with an id, such as one built from a web form) onto the session's object for the same row,
     * loading it if needed, and returns that object. An object with no id, or whose row does not
     * exist, is copied into a new pending object. The argument itself is not added.
     *
     * @param entity the object to copy from
     * @param <E> the entity type
     * @return the session's object
     * @throws StaleObjectException if the entity is versioned and its version differs from the row's
     */
    @SuppressWarnings("unchecked")
    public <E> E merge(E entity) {
        checkUsable();
        Objects.requireNonNull(entity, "entity");
        if (states.containsKey(entity)) {
            return entity;
        }
        boolean outermost = merging == null;
        if (outermost) {
            merging = new IdentityHashMap<>();
        } else if (merging.containsKey(entity)) {
            return (E) merging.get(entity);          // reached again through its own relationships
        }
        try {
            return mergeOne(entity);
        } finally {
            if (outermost) {
                merging = null;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <E> E mergeOne(E entity) {
        EntityMapping<E> mapping = (EntityMapping<E>) mappingOf(entity);
        Object id = mapping.idOf(entity);
        E target = id == null ? null : get(mapping.type(), id);
        Object[] source = mapping.read(entity);
        if (target == null) {
            E copy = mapping.instantiate(source);
            merging.put(entity, copy);
            copyReferences(mapping, entity, copy);
            add(copy);
            copyCollections(mapping, entity, copy);
            return copy;
        }
        merging.put(entity, target);
        DetachedObjects.Unloaded info = DetachedObjects.unloaded(entity, keyOf(entity, mapping));
        boolean[] unloaded = info == null ? null : info.columns();
        loadColumnsToMerge(target, source, info);
        Object[] current = mapping.read(target);
        if (mapping.version().isPresent()) {
            int v = mapping.version().get().index();
            if (!Objects.equals(source[v], current[v])) {
                throw new StaleObjectException(mapping.type(), id, mapping.type().getSimpleName() + " with id " + id + " has version "
                        + current[v] + " in the database but the merged object has version " + source[v]
                        + "; someone else changed it. Reload it and apply the change again");
            }
        }
        for (MappedColumn c : mapping.columns()) {
            int i = c.index();
            if (unloaded != null && unloaded[i] && UnitOfWork.same(source[i], info.snapshot()[i])) {
                continue;                  // never loaded into the detached object, nor set: the row's value stays
            }
            if (!c.attribute().isId()) {
                current[i] = source[i];
            }
        }
        mapping.write(target, current);
        merging.put(entity, target);
        copyReferences(mapping, entity, target);
        copyCollections(mapping, entity, target);
        return target;
    }

    /**
     * Makes the session's object's collections hold what the merged object's loaded collections
     * hold, as the session's objects (merged too where the relationship cascades merge); a
     * collection the source never loaded is left as it is. Changes go through the collections
     * themselves, so references back, orphans and association rows follow as for any change.
     */
    @SuppressWarnings("unchecked")
    private <E> void copyCollections(EntityMapping<E> mapping, E source, E target) {
        for (Relationship r : mapping.relationships()) {
            if (r.isSingle() || !r.cascades(Cascade.MERGE)) {
                continue;
            }
            Object v = mapping.accessor().get(source, r.field());
            RelatedObjects<?> c = Relations.stateOf(v);
            if (v == null || (c != null && !c.isLoaded())) {
                continue;                  // unknown contents: the session's collection stays as it is
            }
            java.util.Collection<?> elements = v instanceof java.util.Map<?, ?> m ? m.values() : (java.util.Collection<?>) v;
            List<Object> wanted = new ArrayList<>();
            for (Object e : new ArrayList<>(elements)) {
                wanted.add(states.containsKey(e) ? e : merge(e));
            }
            Set<Object> keep = Collections.newSetFromMap(new IdentityHashMap<>());
            keep.addAll(wanted);
            Object mine = mapping.accessor().get(target, r.field());
            if (mine instanceof java.util.Map<?, ?> map) {
                java.util.Map<Object, Object> byKey = (java.util.Map<Object, Object>) map;
                byKey.entrySet().removeIf(en -> !keep.contains(en.getValue()));
                Set<Object> have = Collections.newSetFromMap(new IdentityHashMap<>());
                have.addAll(byKey.values());
                for (Object e : wanted) {
                    if (!have.contains(e)) {
                        byKey.put(keyOfElement(r, e), e);
                    }
                }
            } else if (mine instanceof java.util.Collection<?> col) {
                java.util.Collection<Object> items = (java.util.Collection<Object>) col;
                items.removeIf(e -> !keep.contains(e));
                Set<Object> have = Collections.newSetFromMap(new IdentityHashMap<>());
                have.addAll(items);
                for (Object e : wanted) {
                    if (!have.contains(e)) {
                        items.add(e);
                    }
                }
            }
        }
    }

    private static Object keyOfElement(Relationship r, Object element) {
        @SuppressWarnings("unchecked")
        EntityMapping<Object> m = (EntityMapping<Object>) EntityMapping.of(element.getClass());
        return m.accessor().get(element, m.attribute(r.mapKey()).field());
    }

    /**
     * Loads the columns the session's object did not load but the merged object holds a Java
     * default for: copied onto an unloaded field, a default would not show as a change.
     */
    private void loadColumnsToMerge(Object target, Object[] source, DetachedObjects.Unloaded info) {
        InstanceState ts = states.get(target);
        if (ts == null || !ts.hasUnloadedColumns() || ts.snapshot == null) {
            return;
        }
        boolean[] unloaded = info == null ? null : info.columns();
        List<dev.retort.schema.Column<?>> missing = new ArrayList<>();
        for (MappedColumn c : ts.mapping.columns()) {
            int i = c.index();
            boolean keptByTheRow = unloaded != null && unloaded[i] && UnitOfWork.same(source[i], info.snapshot()[i]);
            if (!keptByTheRow && ts.isColumnUnloaded(i) && UnitOfWork.same(source[i], ts.snapshot[i])) {
                missing.add(c.column());
            }
        }
        if (!missing.isEmpty()) {
            new ColumnLoader(this).load(List.of(target), missing.toArray(new dev.retort.schema.Column<?>[0]));
        }
    }

    /**
     * Copies the references of a merged object onto the session's one, as the session's objects
     * (merged too where the relationship cascades merge); a reference the source never loaded is left.
     */
    private <E> void copyReferences(EntityMapping<E> mapping, E source, E target) {
        DetachedObjects.Unloaded info = DetachedObjects.unloaded(source, keyOf(source, mapping));
        for (Relationship r : mapping.relationships()) {
            if (!r.isReference()) {
                continue;
            }
            Object v = mapping.accessor().get(source, r.field());
            boolean keptUnloaded = v == null && info != null && info.unloaded().contains(r);
            if (keptUnloaded && (!r.isRef() || !(mapping.fieldAccessor().get(source, r.field()) instanceof Ref<?> ref)
                    || ref.isUnloadedFor(source))) {
                continue;                  // never loaded, and not changed since
            }
            if (r.isRef() && mapping.fieldAccessor().get(source, r.field()) instanceof Ref<?> ref && !ref.isLoaded()) {
                InstanceState ts = states.get(target);       // known by its key: the session's object of that key, or its key
                Object key = r.target().normalizeId(ref.key());
                Object known = identity(r.targetType(), key);
                if (known != null) {
                    mapping.accessor().set(target, r.field(), known);
                } else if (ts == null) {
                    mapping.fieldAccessor().set(target, r.field(), Ref.toId(key));   // a new copy: its own Ref of the key
                } else if (!(ts.isUnloaded(r) && UnitOfWork.same(ts.snapshot == null ? null : ts.snapshot[r.column().index()], key))) {
                    unloadReference(ts, r, key, r.load(), false);   // its own Ref, pointed at the key
                }
                continue;
            }
            Object resolved = v == null || states.containsKey(v) ? v : r.cascades(Cascade.MERGE) ? merge(v) : counterpart(v);
            mapping.accessor().set(target, r.field(), resolved);
            InstanceState ts = states.get(target);
            if (ts != null) {
                ts.markLoaded(r);
            }
        }
    }

    /** The session's object for the same row as another object (loaded if needed), or the object itself if it is new. */
    private Object counterpart(Object other) {
        @SuppressWarnings("unchecked")
        EntityMapping<Object> m = (EntityMapping<Object>) EntityMapping.of(other.getClass());
        Object id = m.idOf(other);
        Object mine = id == null ? null : get(m.type(), id);
        return mine != null ? mine : other;
    }

    /**
     * Runs an entity query, flushing first when autoflush is on.
     *
     * @param query the query
     * @param <E> the entity type
     * @return the objects, through the identity map
     */
    public <E> OrmResult<E> execute(EntitySelect<E> query) {
        checkUsable();
        autoflush();
        EntityMapping<E> mapping = query.mapping();
        Loading loading = new Loading(this, query.loadOptions(), query.loadedColumns());
        Select select = loading.withJoins(mapping, query.toSelect());
        List<E> out = new ArrayList<>();
        Set<Object> seen = loading.repeatsOwners() ? Collections.newSetFromMap(new IdentityHashMap<>()) : null;
        try (Result result = StatementCauses.with(causeOr("query of " + mapping.type().getSimpleName()),
                () -> connection().execute(select))) {
            for (Row row : result) {
                Object entity = load(mapping, row, 0, loading);
                if (seen == null || seen.add(entity)) {
                    out.add(mapping.type().cast(entity));
                }
            }
        }
        loading.finish();
        return new OrmResult<>(java.util.Collections.unmodifiableList(out), query);
    }

    /**
     * Runs an entity query; the same as {@link #execute(EntitySelect)}, named for readers of
     * SQLAlchemy.
     *
     * @param query the query
     * @param <E> the entity type
     * @return the objects
     */
    public <E> OrmResult<E> scalars(EntitySelect<E> query) {
        return execute(query);
    }

    /**
     * The first object of an entity query, or {@code null}.
     *
     * @param query the query
     * @param <E> the entity type
     * @return the object or {@code null}
     */
    public <E> E scalar(EntitySelect<E> query) {
        return execute(query.limit(1)).first().orElse(null);
    }

    /**
     * Runs an entity query and returns its objects as a stream read from the database as it is
     * consumed, never as a list: the rows of any number of objects pass in bounded memory. Use
     * try-with-resources; closing the stream closes the JDBC result, and the session's commit,
     * rollback or close closes a stream left open (a later pull then throws an
     * {@link InvalidStateException} saying which). Reading it to the end closes the result too.
     *
     * <pre>{@code
     * try (Stream<User> users = session.stream(select(User.class).orderBy(User_.ID))) {
     *     users.forEach(exporter::write);
     * }
     * }</pre>
     *
     * <p><b>Identity.</b> A row whose object the session holds gives that very object (its
     * columns reloaded if it is expired). Any other row gives a new object that the session does
     * not keep: it is {@link ObjectState#DETACHED} (so the session holds nothing of the rows the
     * consumer has moved past), its changes are not flushed unless {@link #merge}d or
     * {@link #add}ed back, and its relationships are not loaded: references are {@code null},
     * collections throw {@link UnloadedRelationshipException} when read (or read as empty, or
     * raise, for relationships whose load is {@link Load#NO_LOAD} or {@link Load#RAISE}). A row the
     * query reads twice gives two objects. {@code @AfterLoad} hooks and listeners run for each
     * object made.
     *
     * <p>The session flushes first when autoflush is on. Rows are fetched the engine's
     * {@code streamFetchSize} at a time ({@link dev.retort.engine.Connection#stream}). On MariaDB,
     * another statement run on the session while the stream is open makes the driver read the rest
     * of the stream into memory first; on PostgreSQL and SQLite it does not.
     *
     * @param query the query (with {@code where}, joins, {@code orderBy}, {@code limit}, ...)
     * @param <E> the entity type
     * @return the objects, as they are read; close it
     * @throws IllegalArgumentException if the query has a load option the stream cannot honour
     *         (anything but {@code noLoad} and {@code raiseLoad}: related objects would be held)
     */
    public <E> java.util.stream.Stream<E> stream(EntitySelect<E> query) {
        return stream(query, engine.options().streamFetchSize());
    }

    /**
     * {@link #stream(EntitySelect)} with a given number of rows per round trip.
     *
     * @param query the query
     * @param fetchSize rows the driver fetches per round trip, at least 1
     * @param <E> the entity type
     * @return the objects, as they are read; close it
     */
    public <E> java.util.stream.Stream<E> stream(EntitySelect<E> query, int fetchSize) {
        checkUsable();
        Objects.requireNonNull(query, "query");
        if (fetchSize < 1) {
            throw new IllegalArgumentException("stream(query, fetchSize): fetchSize must be at least 1, got " + fetchSize);
        }
        Map<Relationship, Load> loads = EntityStream.loadsOf(query);
        autoflush();
        EntityMapping<E> mapping = query.mapping();
        Result result = StatementCauses.with(causeOr("stream of " + mapping.type().getSimpleName()),
                () -> connection().stream(query.toSelect(), fetchSize));
        LoadedColumns read = query.loadedColumns() != null ? query.loadedColumns() : LoadedColumns.defaults(mapping);
        EntityStream<E> stream = EntityStream.over(this, mapping, result, loads, read);
        streams.add(stream);
        return stream.stream();
    }

    /**
     * Runs a query of entities and values together.
     *
     * @param query the query
     * @return one {@link EntityRow} per row
     */
    public OrmResult<EntityRow> execute(RowSelect query) {
        checkUsable();
        autoflush();
        List<Object> items = query.items();
        Loading loading = new Loading(this, List.of());
        List<EntityRow> out = new ArrayList<>();
        try (Result result = StatementCauses.with(causeOr("query of rows " + query.describeItems()),
                () -> connection().execute(query.toSelect()))) {
            for (Row row : result) {
                Object[] values = new Object[items.size()];
                int offset = 0;
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof EntityMapping<?> m) {
                        values[i] = loadOrNull(m, row, offset, loading);
                        offset += LoadedColumns.defaults(m).size();
                    } else {
                        values[i] = row.get(offset++);
                    }
                }
                out.add(new EntityRow(items, values));
            }
        }
        loading.finish();
        return new OrmResult<>(java.util.Collections.unmodifiableList(out), query);
    }

    /**
     * Runs a Core statement in the session's transaction, flushing first when autoflush is on.
     * Rows are plain {@link Row}s ({@code into(Record.class)} maps them to records).
     *
     * @param statement the statement
     * @return the result
     */
    public Result execute(Executable statement) {
        checkUsable();
        autoflush();
        return connection().execute(statement);
    }

    /**
     * The value of a one-column, one-row Core query.
     *
     * @param select the query
     * @param <T> the value type
     * @return the value, or {@code null} if there is no row
     */
    @SuppressWarnings("unchecked")
    public <T> T scalar(Select select) {
        try (Result r = execute(select)) {
            return (T) r.first().map(row -> row.get(0)).orElse(null);
        }
    }

    /**
     * Runs a bulk UPDATE as one statement (after an autoflush) and brings the session's objects
     * in line as asked.
     *
     * @param update the statement, from {@code OrmStatements.update(User.class)}
     * @param sync what to do with the session's objects of the changed rows
     * @param <E> the entity type
     * @return the number of rows changed
     */
    public <E> long execute(EntityUpdate<E> update, Synchronize sync) {
        checkUsable();
        autoflush();
        return bulk().update(update, Objects.requireNonNull(sync, "sync"));
    }

    /**
     * Runs a bulk DELETE as one statement (after an autoflush) and brings the session's objects
     * in line as asked.
     *
     * @param delete the statement, from {@code OrmStatements.delete(User.class)}
     * @param sync what to do with the session's objects of the deleted rows
     * @param <E> the entity type
     * @return the number of rows deleted
     */
    public <E> long execute(EntityDelete<E> delete, Synchronize sync) {
        checkUsable();
        autoflush();
        return bulk().delete(delete, Objects.requireNonNull(sync, "sync"));
    }

    /**
     * Inserts many rows fast, bypassing the identity map: multi-row INSERTs, no objects tracked,
     * generated keys not read back, lifecycle hooks not run. Client-side defaults and initial
     * versions are applied. For loading data, not for objects you go on working with.
     *
     * @param type the entity class
     * @param rows objects of the class, or maps from field name ({@code "address.city"} for an
     *             embedded component) to value
     * @param <E> the entity type
     * @return the number of rows inserted
     */
    public <E> long bulkInsert(Class<E> type, Collection<?> rows) {
        checkUsable();
        EntityMapping<E> m = EntityMapping.of(type);
        if (m.isReadOnly()) {
            throw new InvalidStateException(type.getName() + " is a read-only entity; it cannot be inserted");
        }
        Polymorphic.checkSingleTable(m, "bulkInsert");
        return bulk().insert(m, rows);
    }

    private BulkOperations bulk() {
        return new BulkOperations(this, connection());
    }

    /**
     * Marks every object of an entity class (and of its subclasses, in a hierarchy) expired.
     *
     * @param type the entity class
     */
    public void expireAll(Class<?> type) {
        checkOpen();
        for (InstanceState s : states.values()) {
            if (s.state == ObjectState.PERSISTENT && type.isAssignableFrom(s.mapping.type())) {
                s.expired = true;
                oneToOnes.expire(s, false, false);
            }
        }
    }

    // ---- transactions ------------------------------------------------------------------------

    /**
     * Writes pending changes to the database in the session's transaction: INSERTs, UPDATEs of
     * changed columns and DELETEs, ordered by foreign keys and batched.
     *
     * @throws StaleObjectException if a versioned row changed under us
     * @throws dev.retort.DatabaseException the database's error; the transaction is then rolled back
     */
    public void flush() {
        checkUsable();
        if (flushing) {
            return;
        }
        if (states.isEmpty() && orphans.isEmpty()) {
            return;                                   // nothing to write: no connection needed yet
        }
        flushing = true;
        try {
            cascadeBeforeFlush();
            new UnitOfWork(this, connection()).flush(new ArrayList<>(states.values()));
        } catch (RuntimeException | Error e) {
            failFlush(e);
            throw e;
        } finally {
            flushing = false;
        }
    }

    /** Flushes, then commits the transaction. */
    public void commit() {
        checkUsable();
        flush();
        if (connection != null) {
            endStreams("committed");
            try {
                connection.commit();
            } catch (RuntimeException | Error e) {
                failFlush(e);             // the transaction is over either way: revert as a rollback does
                throw e;
            }
            releaseConnection();
        }
        List<InstanceState> gone = new ArrayList<>();
        for (InstanceState s : new ArrayList<>(states.values())) {
            s.insertedInTransaction = false;
            s.associationsWrittenInTransaction = false;
            if (s.deletedInTransaction) {
                forget(s);
                gone.add(s);
                continue;
            }
            s.keyGenerated = false;
            if (s.state == ObjectState.PERSISTENT) {
                s.committed = s.snapshot;
                s.columnsCommitted();
                s.committedUnknown = false;
                if (options.expireOnCommit()) {
                    s.expired = true;
                    unloadCollections(s);
                    oneToOnes.expire(s, false, false);
                }
            }
        }
        DetachedObjects.addAll(gone);
    }

    /**
     * Rolls the transaction back: objects added or inserted in it leave the session (generated
     * keys cleared), deleted ones are persistent again, and persistent ones get their last
     * committed values back and are marked expired. Also ends the state a failed flush leaves.
     */
    public void rollback() {
        checkOpen();
        if (pendingRollback == null) {
            rollbackDatabase("rolled back");
            revertToLastCommit(true);
        }
        pendingRollback = null;
    }

    /**
     * The Core connection of the session's transaction, opened on first use: Core statements run
     * on it share the transaction.
     *
     * @return the connection
     */
    public Connection connection() {
        checkUsable();
        if (connection == null) {
            connection = engine.connect();
        }
        return connection;
    }

    /** Rolls back what is not committed and detaches every object. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            if (connection != null && pendingRollback == null) {
                try {
                    rollbackDatabase("was closed");
                } finally {
                    // Objects the transaction wrote go back to their last commit (new ones lose their
                    // keys), as on rollback; the others leave as they are, unflushed changes included.
                    revertToLastCommit(false);
                }
            }
        } finally {
            List<InstanceState> detached = new ArrayList<>(states.size());
            for (InstanceState s : states.values()) {
                if (s.state != ObjectState.PENDING && !s.insertedInTransaction) {
                    DetachedObjects.Unloaded info = unloadedInfo(s);
                    if (info != null) {
                        DetachedObjects.add(s.entity, s.key, info);
                    } else {
                        detached.add(s);
                    }
                }
                detachCollections(s);
            }
            DetachedObjects.addAll(detached);
            states.clear();
            identityMap.clear();
            orphans.clear();
            closed = true;
        }
    }

    // ---- internals used by the unit of work --------------------------------------------------

    void fire(LifecycleEvent event, InstanceState s) {
        s.mapping.fire(event, s.entity);
        for (int i = 0; i < listeners.size(); i++) {   // indexed: called per object loaded, mostly with none
            listeners.get(i).on(event, s.entity);
        }
    }

    boolean hasListeners() {
        return !listeners.isEmpty();
    }

    void register(InstanceState s, EntityKey key) {
        InstanceState other = identityMap.get(key);
        if (other != null && other != s) {
            throw new InvalidStateException("Two objects in the session have the id " + key + "; a flush cannot store both. "
                    + "Use merge(...) to copy one onto the other");
        }
        s.key = key;
        identityMap.put(key, s);
    }

    /** Takes a deleted object's key out of the identity map, so a new object may take it in the same flush. */
    void unregister(InstanceState s) {
        if (s.key != null) {
            identityMap.remove(s.key, s);
        }
    }

    void forget(InstanceState s) {
        detachCollections(s);
        states.remove(s.entity);
        if (s.key != null) {
            identityMap.remove(s.key, s);
        }
    }

    /** The ids among some that the identity map holds for persistent objects. */
    List<Object> loadedIds(Class<?> type, List<Object> ids) {
        List<Object> out = new ArrayList<>();
        for (Object id : ids) {
            InstanceState s = identityMap.get(type, id);
            if (s != null && s.state == ObjectState.PERSISTENT) {
                out.add(id);
            }
        }
        return out;
    }

    /** A bulk DELETE removed an object's row. */
    void markDeletedByBulk(EntityKey key) {
        InstanceState s = identityMap.get(key);
        if (s != null) {
            s.state = ObjectState.DELETED;
            s.deletedInTransaction = true;
            unregister(s);
            leaveCollections(s);
            oneToOnes.leave(s);
        }
    }

    /** A bulk UPDATE changed some columns of an object's row: take the new values. */
    void overwriteColumns(EntityKey key, Object[] row, List<Integer> columns) {
        InstanceState s = identityMap.get(key);
        if (s == null) {
            return;
        }
        Object[] current = s.currentValues();
        Object[] snapshot = s.snapshot != null ? s.snapshot.clone() : current.clone();
        for (int i : columns) {
            for (MappedColumn part : ColumnChoices.valueOf(s.mapping.columns().get(i))) {
                int k = part.index();
                if (k == i || s.isColumnUnloaded(k)) {   // an unloaded embedded value loads whole, never in part
                    current[k] = row[k];
                    snapshot[k] = row[k];
                    s.markColumnLoaded(k);
                    s.assignedRead(k);
                }
            }
        }
        s.mapping.write(s.entity, current);
        Object[] before = s.snapshot;
        s.snapshot = UnitOfWork.copy(snapshot);
        resyncReferences(s, before, false);
    }

    /** Makes an entity from a row's columns at an offset, through the identity map, and relates it. */
    Object load(EntityMapping<?> mapping, Row row, int offset, Loading loading) {
        LoadedColumns read = loading.columns(mapping);
        InstanceState held = heldAsItIs(mapping, read, row, offset);
        if (held != null) {
            loading.relate(held, false, row);       // a row met again (joined collections): nothing to read
            return held.entity;
        }
        EntityRowValues r = EntityRowValues.of(mapping, read, row, offset);
        EntityMapping<Object> m = r.mapping();
        Object[] values = r.values();
        Object id = r.id();
        InstanceState s = identityMap.get(m.type(), id);
        if (s != null) {
            reloadHeld(s, values, read);
            loading.relate(s, false, row);
            return s.entity;
        }
        boolean[] unread = read.all() ? null : ColumnLoader.unread(read, m);
        Object entity = m.instantiate(values, unread);
        s = new InstanceState(entity, m, ObjectState.PERSISTENT, order++);
        s.snapshot = UnitOfWork.own(values);
        s.committed = s.snapshot;
        if (unread != null) {
            s.unloadColumns(unread);
        }
        EntityKey key = new EntityKey(m.type(), id);
        s.key = key;
        states.put(entity, s);
        identityMap.put(key, s);
        loading.relate(s, true, row);
        fire(LifecycleEvent.AFTER_LOAD, s);
        return entity;
    }

    /** The state of the object the session holds for a row, or {@code null}. */
    InstanceState held(Class<?> type, Object id) {
        return identityMap.get(type, id);
    }

    /**
     * A row met an object the session holds: reloads its unchanged columns if it is expired, or
     * fills the columns it lacks that the row has.
     */
    void reloadHeld(InstanceState s, Object[] values, LoadedColumns read) {
        if (s.expired && s.state != ObjectState.DELETED) {
            reloadUnchanged(s, values, read);
        } else if (s.hasUnloadedColumns() && s.state != ObjectState.DELETED) {
            ColumnLoader.fill(s, values, read);
        }
    }

    /** Runs the after-load hooks and listeners for an object the session does not hold (a streamed one). */
    void fireLoaded(EntityMapping<Object> mapping, Object entity) {
        mapping.fire(LifecycleEvent.AFTER_LOAD, entity);
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).on(LifecycleEvent.AFTER_LOAD, entity);
        }
    }

    /** @return how many rows the identity map holds (for tests of bounded streaming) */
    int identityMapSize() {
        return identityMap.size();
    }

    /**
     * The session's object for a row, found by the row's key alone, when the row has nothing to
     * give it (not expired, no columns it lacks): for an entity of one class and a one-column key.
     * Otherwise {@code null}, and the row is read in full.
     */
    private InstanceState heldAsItIs(EntityMapping<?> mapping, LoadedColumns read, Row row, int offset) {
        if (mapping.polymorphism() != null || mapping.idColumns().size() != 1) {
            return null;
        }
        MappedColumn key = mapping.idColumns().get(0);
        if (key.attribute().embedded() != null) {
            return null;
        }
        Object id = row.get(offset + read.position(key.index()));
        InstanceState s = id == null ? null : identityMap.get(mapping.type(), id);
        return s != null && !s.expired && !s.hasUnloadedColumns() ? s : null;
    }

    Object loadOrNull(EntityMapping<?> m, Row row, int offset, Loading loading) {
        LoadedColumns read = loading.columns(m);
        for (MappedColumn c : m.idColumns()) {
            if (row.get(offset + read.position(c.index())) == null) {
                return null;
            }
        }
        return load(m, row, offset, loading);
    }

    /** Loads the objects of an entity matching a condition (a select-in load, a lazy collection). */
    List<Object> loadAll(EntityMapping<?> m, Predicate where, dev.retort.sql.Expression<?>[] order, Loading loading, String cause) {
        EntitySelect<?> q = EntitySelect.of(m).where(where);
        if (order != null) {
            q = q.orderBy(order);
        }
        Select select = loading.withJoins(m, q.toSelect());
        List<Object> out = new ArrayList<>();
        Set<Object> seen = loading.repeatsOwners() ? Collections.newSetFromMap(new IdentityHashMap<>()) : null;
        try (Result result = StatementCauses.with(cause, () -> connection().execute(select))) {
            for (Row row : result) {
                Object entity = load(m, row, 0, loading);
                if (seen == null || seen.add(entity)) {
                    out.add(entity);
                }
            }
        }
        return out;                  // the caller finishes the loading once it has used the objects
    }

    /** The session's object for a key, if it holds one (not deleted). */
    Object identity(Class<?> type, Object key) {
        InstanceState s = identityMap.get(type, key);
        // The map is per hierarchy: an object of another class of it is not the one asked for.
        return s == null || s.state == ObjectState.DELETED || !type.isInstance(s.entity) ? null : s.entity;
    }

    /** Whether the session holds an object of a class for a key that it is deleting. */
    boolean holdsDeleted(Class<?> type, Object key) {
        InstanceState s = identityMap.get(type, key);
        return s != null && s.state == ObjectState.DELETED && type.isInstance(s.entity);
    }

    InstanceState stateOf(Object entity) {
        return states.get(entity);
    }

    /**
     * Takes the loaded other side of a one-to-one: it becomes what the object is compared with at
     * flush, and goes into the field unless the application put another object there since the
     * last load (a change the next flush writes).
     */
    void setInverse(InstanceState s, Relationship r, Object related) {
        Object field = s.mapping.accessor().get(s.entity, r.field());
        boolean changed = field != null && field != related && (!s.knowsInverse(r) || field != s.inverse(r));
        if (!changed) {
            s.mapping.accessor().set(s.entity, r.field(), related);
        }
        s.knowInverse(r, related);
    }

    /** Reads the objects referring to owners through a one-to-one (the other side {@code r}), by owner key. */
    Map<Object, Object> loadOneToOnes(Relationship r, List<InstanceState> owners, Loading loading, String cause) {
        return oneToOnes.load(r, owners, loading, cause);
    }

    /** Sets a loaded reference into its field. */
    void setReference(InstanceState s, Relationship r, Object related) {
        s.mapping.accessor().set(s.entity, r.field(), related);
        s.markLoaded(r);
        if (r.isRef() && s.mapping.fieldAccessor().get(s.entity, r.field()) instanceof Ref<?> ref) {
            ref.bind(this, s.entity, r);     // its set() keeps the other side's collections in step
        }
    }

    /**
     * A reference is not loaded: a plain field is left {@code null}, a {@link Ref} field gets the
     * session's unloaded {@code Ref} of the key (loading on access, raising, or reading
     * {@code null}, by the load); either way the state remembers it, so the flush keeps the key.
     *
     * @param key the foreign key the reference stands for
     * @param load the strategy in force for this object
     * @param fresh whether the object was just made from a row (else a Ref of the session's that
     *              stands for the same key is kept as it is, with its strategy)
     */
    void unloadReference(InstanceState s, Relationship r, Object key, Load load, boolean fresh) {
        if (!r.isRef()) {
            s.mapping.accessor().set(s.entity, r.field(), null);
            s.markUnloaded(r);
            return;
        }
        Object field = s.mapping.fieldAccessor().get(s.entity, r.field());
        Ref<?> ref = field instanceof Ref<?> existing && existing.owner() == s.entity ? existing : null;
        if (ref != null && !fresh && ref.isUnloadedFor(s.entity) && UnitOfWork.same(ref.key(), key)) {
            ref.bind(this, s.entity, r);
        } else {
            Object before = s.mapping.accessor().get(s.entity, r.field());     // the object it held (set() put ours in its collection)
            if (ref == null || fresh) {
                ref = Ref.toId(null);
                s.mapping.fieldAccessor().set(s.entity, r.field(), ref);
            }
            ref.unload(key, this, s.entity, r, load);
            if (before != null) {
                refSet(ref, before, null, null);     // it leaves that object's loaded collection, as set() would have it
            }
        }
        s.markUnloaded(r);
    }

    /**
     * A {@link Ref} of one of this session's objects was pointed elsewhere: its object leaves the
     * old target's loaded one-to-many collection and joins the new target's, as adding to the
     * collection would have done (the other side of a one-to-one is brought in line at the flush).
     * When the session itself fills the Ref with the object of the key it had, nothing moves.
     */
    void refSet(Ref<?> ref, Object before, Object beforeKey, Object after) {
        Relationship r = ref.relationship();
        Relationship inverse = r.inverse();
        if (inverse == null || inverse.isSingle()) {
            return;
        }
        InstanceState s = states.get(ref.owner());
        if (s == null || s.state == ObjectState.DELETED) {
            return;
        }
        Object old = before != null ? before : beforeKey == null ? null : identity(r.targetType(), beforeKey);
        if (old == after) {
            return;
        }
        if (old != null && inverse.owner().isInstance(old)) {
            RelatedObjects<?> c = Relations.stateOf(mappingOf(old).accessor().get(old, inverse.field()));
            if (c != null && c.isLoaded()) {
                c.items.remove(s.entity);
            }
        }
        if (after != null && inverse.owner().isInstance(after)) {
            RelatedObjects<?> c = Relations.stateOf(mappingOf(after).accessor().get(after, inverse.field()));
            if (c != null && c.isLoaded() && !c.items.contains(s.entity)) {
                addItem(c, s.entity);
            }
        }
    }

    /** Whether the application changed a {@link Ref} field the session left unloaded (see {@link InstanceState#currentValues}). */
    boolean refAssigned(InstanceState s, Relationship r) {
        return !(s.mapping.fieldAccessor().get(s.entity, r.field()) instanceof Ref<?> ref) || !ref.isUnloadedFor(s.entity);
    }

    /**
     * The {@link Ref}s of an object the application put there unloaded (by key, or carried by a
     * detached object) load through this session from now on, and count as unloaded references.
     *
     * @param refuseShared whether to refuse a Ref another field still holds (at the flush, which
     *                     reaches every object with Refs; add() leaves that to it)
     */
    private void bindRefs(InstanceState s, boolean refuseShared) {
        for (Relationship r : s.mapping.relationships()) {
            if (r.isRef() && s.mapping.fieldAccessor().get(s.entity, r.field()) instanceof Ref<?> ref
                    && (ref.owner() != s.entity || ref.relationship() != r || ref.session() != this
                    || (!ref.isLoaded() && !s.isUnloaded(r)))) {
                if (refuseShared) {
                    refuseShared(s, r, ref);
                }
                ref.normalizeKey(r);
                ref.bind(this, s.entity, r);
                if (!ref.isLoaded()) {
                    s.markUnloaded(r);
                }
            }
        }
    }

    /**
     * A {@link Ref} is the state of one field: one still held by the field of another object (or
     * another field) would follow that field's changes, and set() on either would move both.
     */
    private static void refuseShared(InstanceState s, Relationship r, Ref<?> ref) {
        Object other = ref.owner();
        Relationship otherField = ref.relationship();
        if (other == null || otherField == null || (other == s.entity && otherField == r)) {
            return;
        }
        @SuppressWarnings("unchecked")
        EntityMapping<Object> om = (EntityMapping<Object>) EntityMapping.of(other.getClass());
        if (om.fieldAccessor().get(other, otherField.field()) == ref) {
            String here = s.mapping.type().getSimpleName() + "." + r.name();
            String there = other.getClass().getSimpleName() + "." + otherField.name();
            throw new IllegalStateException(here + " holds the same Ref object as " + there + (other == s.entity ? "" : " of another "
                    + other.getClass().getSimpleName()) + "; a Ref is the state of one field of one object, so setting one would "
                    + "change both. Give each field its own: Ref.to(ref.get()) for a loaded one, Ref.toId(ref.id()) for one known by its key");
        }
    }

    /**
     * Loads an unloaded {@link Ref} of one of this session's objects on its first {@code get()}: the
     * identity map first, else one SELECT by key. It does not autoflush, as a lazy collection.
     */
    void loadReference(Ref<?> ref) {
        InstanceState s = states.get(ref.owner());
        Relationship r = ref.relationship();
        Object key = ref.key();
        Object related = identity(r.targetType(), key);
        Loading loading = null;
        if (related == null) {
            EntityMapping<?> target = r.target();
            loading = new Loading(this, List.of());
            List<Object> found = loadAll(target, Loading.in(target.idColumns().get(0).column(), List.of(key)), null, loading,
                    "lazy load of " + r + " of " + s.mapping.type().getSimpleName() + "#" + (s.key == null ? "new" : s.key.id()));
            related = found.isEmpty() ? null : found.get(0);
        }
        if (related != null) {           // (no such row any more: it reads null, and its key is not written over)
            if (s.isUnloaded(r) && ref.isUnloadedFor(s.entity)) {
                setReference(s, r, related);
            } else {
                ref.fill(related);         // a Ref by key the application assigned: the flush writes its key
            }
            Loading.knowOtherSide(this, r, s.entity, related);   // before the target's own loads: its other side is known
        }
        if (loading != null) {
            loading.finish();
        }
    }

    /** Puts a new collection object into a one-to-many field, with given contents (loaded) or none (unloaded). */
    RelatedObjects<?> newCollection(InstanceState s, Relationship r, java.util.Collection<?> contents, boolean loaded) {
        return Relations.install(this, s.entity, s.mapping, r, contents, loaded);
    }

    /** The collection state in a one-to-many field, if Retort's collection is there. */
    RelatedObjects<?> collectionOf(InstanceState s, Relationship r) {
        return Relations.stateOf(s.mapping.accessor().get(s.entity, r.field()));
    }

    /** Whether this session can load a collection of an object: open, and holding the object. */
    boolean isActiveFor(Object owner) {
        return !closed && pendingRollback == null && states.containsKey(owner);
    }

    /**
     * Loads a lazy collection on first access. It does not autoflush (a collection read in the middle
     * of moving objects must not write a half-made change); instead the rows are reconciled with the
     * session: children moved away in memory are left out, objects pointing here in memory are in.
     */
    void loadCollection(RelatedObjects<?> c) {
        checkUsable();
        InstanceState owner = states.get(c.owner);
        Relationship r = c.relationship;
        if (owner.state == ObjectState.PENDING || owner.key == null) {
            Loading.fill(c, reconcile(c, List.of()));
            return;
        }
        Loading loading = new Loading(this, c.then == null ? List.of() : c.then);
        c.loading = true;
        List<Object> children;
        if (r.isManyToMany()) {
            children = loadManyToMany(r, List.of(owner.key.id()), loading, "lazy load of " + r + " of " + owner.key)
                    .getOrDefault(owner.key.id(), List.of());
        } else {
            Relationship back = r.inverse();
            children = loadAll(r.target(), Loading.in(back.column().column(), List.of(owner.key.id())),
                    Loading.orderOf(r, r.target()), loading, "lazy load of " + r + " of " + owner.key);
        }
        if (!c.isLoaded()) {
            Loading.fill(c, reconcile(c, children));
        }
        loading.finish();
    }

    /** The children of a collection as the rows say, corrected by what the session's objects say in memory. */
    private List<Object> reconcile(RelatedObjects<?> c, List<Object> fromRows) {
        if (c.relationship.isManyToMany()) {
            List<Object> out = new ArrayList<>();
            for (Object child : fromRows) {
                InstanceState cs = states.get(child);
                if (cs == null || cs.state != ObjectState.DELETED) {
                    out.add(child);
                }
            }
            return out;
        }
        Relationship back = c.relationship.inverse();
        java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object> out = new ArrayList<>();
        for (Object child : fromRows) {
            InstanceState cs = states.get(child);
            if (cs != null && (cs.state == ObjectState.DELETED || Boolean.FALSE.equals(pointsAt(cs, back, c.owner)))) {
                continue;                  // deleted, or moved to another owner (or none) in memory
            }
            if (seen.add(child)) {
                out.add(child);
            }
        }
        for (InstanceState cs : states.values()) {
            if (c.relationship.targetType().isAssignableFrom(cs.mapping.type()) && cs.state != ObjectState.DELETED
                    && Boolean.TRUE.equals(pointsAt(cs, back, c.owner)) && seen.add(cs.entity)) {
                out.add(cs.entity);        // points here in memory, not yet flushed
            }
        }
        return out;
    }

    /**
     * Whether an object's reference points at an owner in memory, {@code null} when memory does not
     * know (a plain reference left unloaded); a {@link Ref} not read stands for its key, which
     * the application may have replaced ({@code Ref.toId}) since.
     */
    private static Boolean pointsAt(InstanceState cs, Relationship back, Object owner) {
        Object v = cs.mapping.accessor().get(cs.entity, back.field());
        if (v != null) {
            return v == owner;
        }
        if (back.isRef()) {
            return unreadRefTo(cs.mapping, cs.entity, back, owner);     // (a loaded Ref, or none: it would have given v)
        }
        return cs.isUnloaded(back) ? null : Boolean.FALSE;
    }

    /** An element was added to a collection: point it back at the owner, and add it to the session. */
    void collectionAdded(RelatedObjects<?> c, Object element) {
        linkBack(c, element);
        if (c.relationship.cascades(Cascade.SAVE_UPDATE) && states.containsKey(c.owner) && !states.containsKey(element)) {
            add(element);
        }
        orphans.remove(element);
    }

    /** An element was removed from a collection: clear its reference, and note a possible orphan. */
    void collectionRemoved(RelatedObjects<?> c, Object element) {
        unlinkBack(c, element);
        if (c.relationship.cascades(Cascade.DELETE_ORPHAN) && element != null) {
            orphans.put(element, c.relationship);
        }
    }

    /**
     * Points an element's reference at the collection's owner, and takes it out of the loaded
     * collection of its previous owner (the graph stays consistent before any flush).
     */
    static void linkBack(RelatedObjects<?> c, Object element) {
        if (element == null) {
            return;
        }
        if (c.relationship.isManyToMany()) {
            RelatedObjects<?> other = otherSide(c, element);
            if (other != null && other.isLoaded() && !other.items.contains(c.owner)) {
                addItem(other, c.owner);
            }
            return;
        }
        Relationship back = c.relationship.inverse();
        @SuppressWarnings("unchecked")
        EntityMapping<Object> em = (EntityMapping<Object>) EntityMapping.of(c.relationship.targetType());
        Object previous = em.accessor().get(element, back.field());
        if (previous != null && previous != c.owner) {
            @SuppressWarnings("unchecked")
            EntityMapping<Object> om = (EntityMapping<Object>) EntityMapping.of(previous.getClass());
            RelatedObjects<?> old = Relations.stateOf(om.accessor().get(previous, c.relationship.field()));
            if (old != null && old.isLoaded()) {
                old.items.remove(element);
            }
        }
        em.accessor().set(element, back.field(), c.owner);
    }

    /** The element's collection on the other side of a many-to-many, if it has one and Retort's collection is there. */
    private static RelatedObjects<?> otherSide(RelatedObjects<?> c, Object element) {
        Relationship inverse = c.relationship.inverse();
        if (inverse == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        EntityMapping<Object> em = (EntityMapping<Object>) EntityMapping.of(element.getClass());
        return Relations.stateOf(em.accessor().get(element, inverse.field()));
    }

    /** Loads the related objects of many-to-many owners by their keys: the target rows joined to the association. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    java.util.Map<Object, List<Object>> loadManyToMany(Relationship r, List<Object> ownerKeys, Loading loading, String cause) {
        dev.retort.orm.mapping.Association a = r.association();
        EntityMapping<?> target = r.target();
        dev.retort.schema.Column targetKey = target.idColumns().get(0).column();
        dev.retort.sql.Expression<?>[] items = LoadedColumns.defaults(target).items();
        Select targets = loading.withJoins(target, dev.retort.sql.Statements.select(items).from(target.table())
                .join(a.table(), ((dev.retort.schema.Column) a.targetColumn()).eq(targetKey))
                .where(Loading.in(a.ownerColumn(), ownerKeys)));   // the targets' joined references, as loadAll has them
        int ownerAt = targets.items().size();
        List<dev.retort.sql.OrderItem> order = new ArrayList<>(List.of(targetKey.asc()));
        order.addAll(targets.orderBy());                     // joined collections' order, if any, after the key
        Select select = targets.addColumns(a.ownerColumn()).orderBy(order.toArray(new dev.retort.sql.OrderItem[0]));
        java.util.Map<Object, List<Object>> out = new java.util.LinkedHashMap<>();
        Set<List<Object>> seen = loading.repeatsOwners() ? new java.util.HashSet<>() : null;
        try (Result result = StatementCauses.with(cause, () -> connection().execute(select))) {
            for (Row row : result) {
                Object child = load(target, row, 0, loading);
                Object owner = row.get(ownerAt);
                if (seen == null || seen.add(List.of(owner, stateOf(child).key))) {
                    out.computeIfAbsent(owner, k -> new ArrayList<>()).add(child);
                }
            }
        }
        return out;
    }

    /** Clears an element's reference if it points at the collection's owner. */
    static void unlinkBack(RelatedObjects<?> c, Object element) {
        if (element == null) {
            return;
        }
        if (c.relationship.isManyToMany()) {
            RelatedObjects<?> other = otherSide(c, element);
            if (other != null && other.isLoaded() && !c.items.contains(element)) {   // the last copy left
                other.items.remove(c.owner);
            }
            return;
        }
        Relationship back = c.relationship.inverse();
        @SuppressWarnings("unchecked")
        EntityMapping<Object> em = (EntityMapping<Object>) EntityMapping.of(c.relationship.targetType());
        if (em.accessor().get(element, back.field()) == c.owner || unreadRefTo(em, element, back, c.owner)) {
            em.accessor().set(element, back.field(), null);
        }
    }

    /**
     * Whether an object's {@link Ref} was never read and stands for another object's key: the
     * session's unloaded Ref (say of an element of a collection loaded after its owner was
     * deleted, when the identity map no longer gives the owner), or one the application put there.
     */
    private static boolean unreadRefTo(EntityMapping<Object> em, Object element, Relationship r, Object target) {
        if (!r.isRef() || !(em.fieldAccessor().get(element, r.field()) instanceof Ref<?> ref) || ref.isLoaded()) {
            return false;
        }
        @SuppressWarnings("unchecked")
        EntityMapping<Object> tm = (EntityMapping<Object>) EntityMapping.of(target.getClass());
        Object key = tm.idOf(target);
        return key != null && UnitOfWork.same(tm.normalizeId(ref.key()), key);   // (a Ref.toId not bound yet may hold an Integer)
    }

    private void reloadUnchanged(InstanceState s, Object[] values, LoadedColumns read) {
        Object[] current = s.currentValues();
        Object[] merged = values.clone();
        for (int i = 0; i < merged.length; i++) {
            if (s.snapshot != null && (!UnitOfWork.same(current[i], s.snapshot[i]) || s.isAssigned(i))) {
                merged[i] = current[i];         // changed by the application since the last flush: keep
            } else if (!read.isRead(i)) {
                if (s.mapping.columns().get(i).attribute().field() >= 0) {
                    s.markColumnUnloaded(i);    // its value expired and this query did not read it
                }
            } else {
                s.markColumnLoaded(i);
            }
        }
        s.mapping.write(s.entity, merged);
        Object[] before = s.snapshot;
        s.snapshot = UnitOfWork.copy(values);
        if (!s.insertedInTransaction && s.committed == null) {
            s.committed = s.snapshot;
            s.columnsCommitted();
        } else if (s.committedUnknown && before == null) {
            committedAsRead(s);
        }
        s.expired = false;
        resyncReferences(s, before, false);
        fire(LifecycleEvent.AFTER_LOAD, s);
    }

    /**
     * A re-attached object that no flush wrote has just been read from its row: those values are
     * its committed ones, not the values it was re-attached with (which a rollback or a close
     * would otherwise put back, and a later re-attach write).
     */
    private static void committedAsRead(InstanceState s) {
        s.committed = s.snapshot;
        s.committedUnknown = false;
        s.columnsCommitted();
    }

    /**
     * After the snapshot took new keys from the database (a reload, a refresh, a bulk update, a
     * rollback), points the references at the objects of those keys (from the identity map; left
     * unloaded otherwise), except those the application changed, unless its changes are discarded.
     */
    private void resyncReferences(InstanceState s, Object[] before, boolean discardChanges) {
        for (Relationship r : s.mapping.relationships()) {
            if (!r.isReference()) {
                continue;
            }
            int col = r.column().index();
            Object newKey = s.snapshot[col];
            Object field = s.mapping.accessor().get(s.entity, r.field());
            @SuppressWarnings("unchecked")
            Object fieldKey = field == null ? null : ((EntityMapping<Object>) r.target()).idOf(field);
            boolean unloaded = s.isUnloaded(r);
            if (!discardChanges && !unloaded && before != null && !UnitOfWork.same(fieldKey, before[col])) {
                continue;                      // the application pointed it elsewhere: keep
            }
            if (!unloaded && UnitOfWork.same(fieldKey, newKey) && (field != null || newKey == null)) {
                continue;
            }
            Object known = newKey == null ? null : identity(r.targetType(), newKey);
            if (newKey == null || known != null) {
                setReference(s, r, known);
            } else {
                unloadReference(s, r, newKey, r.load(), false);
            }
            oneToOnes.referenceReloaded(s, r, field, known);
        }
    }

    /** Forgets the loaded contents of an object's collections; they load again on access. */
    private void unloadCollections(InstanceState s) {
        for (Relationship r : s.mapping.relationships()) {
            if (!r.isReference()) {
                RelatedObjects<?> c = collectionOf(s, r);
                if (c != null && c.session() == this) {
                    c.unload();
                }
            }
        }
    }

    static Predicate idCondition(EntityMapping<?> mapping, Object[] idValues) {
        Predicate p = null;
        List<MappedColumn> ids = mapping.idColumns();
        for (int i = 0; i < ids.size(); i++) {
            Predicate eq = UnitOfWork.eqValue(ids.get(i).column(), idValues[i]);
            p = p == null ? eq : p.and(eq);
        }
        return p;
    }

    // ---- state checks ------------------------------------------------------------------------

    private void autoflush() {
        if (options.autoflush() && !flushing && noAutoflush == 0) {
            StatementCauses.run("autoflush", this::flush);
        }
    }

    private static String causeOr(String cause) {
        String current = StatementCauses.current();
        return current != null ? current : cause;
    }

    /**
     * Whether an object not in this session was persistent in a session that let go of it. Every
     * object leaving a session is recorded by its row and identity hash ({@link DetachedObjects}):
     * keys alone cannot tell a detached object from a new one with the same key, and guessing
     * wrong would UPDATE someone else's row.
     */
    private static boolean wasStored(Object entity, EntityMapping<Object> m) {
        return DetachedObjects.contains(entity, keyOf(entity, m));
    }

    /** The row an object's key field names now, or {@code null} while its key is unset. */
    private static EntityKey keyOf(Object entity, EntityMapping<?> m) {
        @SuppressWarnings("unchecked")
        EntityMapping<Object> mapping = (EntityMapping<Object>) m;
        Object id = mapping.idOf(entity);
        return id == null ? null : new EntityKey(mapping.type(), mapping.normalizeId(id));
    }

    /** What re-attaching an object needs to keep the keys of references it never loaded, or {@code null}. */
    private static DetachedObjects.Unloaded unloadedInfo(InstanceState s) {
        if (!s.hasUnloadedReferences() && !s.hasUnloadedColumns()) {
            return null;                             // everything loaded (most objects): nothing to read
        }
        s.currentValues();                       // a reference or column the application set counts as loaded
        java.util.Set<Relationship> unloaded = s.unloadedReferences();
        boolean[] columns = s.unloadedColumns();
        return (unloaded != null || columns != null) && s.snapshot != null
                ? new DetachedObjects.Unloaded(s.snapshot, unloaded == null ? java.util.Set.of() : unloaded, columns) : null;
    }

    private EntityMapping<Object> mappingOf(Object entity) {
        @SuppressWarnings("unchecked")
        EntityMapping<Object> m = (EntityMapping<Object>) EntityMapping.of(entity.getClass());
        return m;
    }

    private InstanceState persistentState(Object entity, String operation) {
        InstanceState s = states.get(Objects.requireNonNull(entity, "entity"));
        if (s == null || s.state != ObjectState.PERSISTENT) {
            throw new InvalidStateException("Cannot " + operation + " a " + entity.getClass().getSimpleName() + " that is "
                    + state(entity) + "; only persistent objects of this session can be " + operation + "ed");
        }
        return s;
    }

    private void checkOpen() {
        if (closed) {
            throw new InvalidStateException("This session is closed; open a new one");
        }
    }

    private void checkUsable() {
        checkOpen();
        if (pendingRollback != null) {
            throw new PendingRollbackException("This session's transaction was rolled back because a flush failed ("
                    + pendingRollback + "); call session.rollback() before using the session again");
        }
    }

    private void failFlush(Throwable cause) {
        pendingRollback = cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage());
        try {
            rollbackDatabase("rolled back after a failed flush");
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        revertToLastCommit(true);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private void rollbackDatabase(String why) {
        if (connection != null) {
            endStreams(why);
            try {
                connection.rollback();
            } finally {
                releaseConnection();
            }
        }
    }

    /** Closes the streams still open before the transaction ends (a cursor cannot outlive it). */
    private void endStreams(String why) {
        if (streams.isEmpty()) {
            return;
        }
        for (EntityStream<?> s : new ArrayList<>(streams)) {
            s.endBySession(why);
        }
        streams.clear();
    }

    /** A stream was closed by its consumer, or reached its end. */
    void streamClosed(EntityStream<?> stream) {
        streams.remove(stream);
    }

    private void releaseConnection() {
        Connection c = connection;
        connection = null;
        c.close();
    }

    /**
     * The in-memory side of a rollback.
     *
     * @param everything also the objects the transaction did not write: their unflushed changes
     *                   are undone and they are expired (a rollback); otherwise (a close) they are left alone
     */
    private void revertToLastCommit(boolean everything) {
        List<InstanceState> all = null;         // made at the first object to revert: a read-only session has none
        for (InstanceState s : states.values()) {
            if (everything || writtenInTransaction(s)) {
                if (all == null) {
                    all = new ArrayList<>(everything ? states.size() : 8);
                }
                all.add(s);
            }
        }
        if (all == null) {
            orphans.clear();
            return;
        }
        // First everything whose row the rollback removed, so that their keys are free ...
        for (InstanceState s : all) {
            if (s.state == ObjectState.PENDING || s.insertedInTransaction) {
                forget(s);
                s.insertedInTransaction = false;
            }
            if (s.keyGenerated) {
                s.mapping.generatedKey().ifPresent(k -> s.mapping.writeColumn(s.entity,
                        k, k.attribute().javaType().isPrimitive() ? zero(k.attribute().javaType()) : null));
                s.keyGenerated = false;
            }
        }
        // ... then the rows that exist again as they were at the last commit.
        for (InstanceState s : all) {
            if (!states.containsKey(s.entity)) {
                continue;
            }
            if (s.deletedInTransaction && s.key != null) {
                identityMap.put(s.key, s);
            }
            s.deletedInTransaction = false;
            s.associationsWrittenInTransaction = false;
            s.state = ObjectState.PERSISTENT;
            if (s.committed != null) {
                s.mapping.write(s.entity, s.committed);
                s.snapshot = s.committedUnknown ? null : UnitOfWork.copy(s.committed);
                s.columnsReverted();
            }
            s.clearCascades();
            s.expired = true;
        }
        // ... and last their references and collections, once every restored object is back in the identity map.
        for (InstanceState s : all) {
            if (states.containsKey(s.entity)) {
                if (s.snapshot != null) {
                    resyncReferences(s, null, true);
                }
                unloadCollections(s);
            }
        }
        // ... and after every reference is back, the other sides of one-to-ones are forgotten, whatever the order.
        for (InstanceState s : all) {
            if (states.containsKey(s.entity)) {
                oneToOnes.expire(s, false, true);
            }
        }
        orphans.clear();
    }

    /**
     * Whether the current transaction wrote the object's row (or it is new in it), or association
     * rows of its many-to-many collections (whose baseline would otherwise claim rows the rollback removed).
     */
    private static boolean writtenInTransaction(InstanceState s) {
        boolean updated = s.snapshot != s.committed
                && !(s.committedUnknown && s.snapshot == null);   // re-attached and never flushed: nothing written
        return s.state == ObjectState.PENDING || s.insertedInTransaction || s.deletedInTransaction || s.keyGenerated
                || updated || s.associationsWrittenInTransaction;   // a delete() not flushed wrote nothing
    }

    private static Object zero(Class<?> primitive) {
        return primitive == int.class ? (Object) 0 : (Object) 0L;
    }
}
