package dev.retort.orm;

import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.Relationship;

/**
 * The value of a to-one reference field that loads on access: {@code @ManyToOne Ref<Customer>
 * customer;} (or the owning side of a {@code @OneToOne}). Retort uses no proxies, so a plain
 * reference field can only be filled with its owner or left {@code null}; a {@code Ref} knows the
 * foreign key it stands for and loads the object when {@link #get()} is first called.
 *
 * <pre>{@code
 * order.customer().id();          // the foreign key value: no query
 * order.customer().get();         // the identity map first, else one SELECT ... WHERE customer.id IN (?)
 * order.customer().set(other);    // the flush writes other's key into orders.customer_id
 * }</pre>
 *
 * <p>A session puts a {@code Ref} in the field of every object it loads, unloaded (loaded by
 * {@code LAZY} on first {@link #get()}, the default for a {@code Ref} field, or refused by
 * {@code RAISE}) or loaded (the object was in the identity map, or loaded {@code SELECT_IN} or
 * {@code JOINED} with its owner); a {@code NULL} foreign key gives a loaded {@code Ref} to
 * {@code null}. The application changes the reference with {@link #set}, or by assigning a new
 * {@code Ref} ({@link #to}, {@link #toId}) or {@code null} to the field; the flush writes the
 * foreign key column from it (an UPDATE of that column only when it changed), as for a plain
 * reference field.
 *
 * <p>A {@code Ref} is the state of one field of one object: do not share one between fields
 * ({@code b.customer = a.customer} would tie them; the flush refuses a {@code Ref} that another
 * field still holds, so give each its own, {@code Ref.toId(a.customer.id())}).
 * It is not thread-safe, like the session whose objects hold it. It keeps {@code Object}'s
 * {@code equals} and {@code hashCode} (two Refs to the same row are different objects): compare
 * {@link #id()}s, or the objects {@link #get()} returns.
 *
 * @param <T> the referenced entity
 */
public final class Ref<T> {
    private T target;
    private Object id;
    private boolean loaded;
    /** The session that loads it, the object whose field holds it and the relationship; {@code null} when unbound. */
    private Session session;
    private Object owner;
    private Relationship relationship;
    /** How an unloaded Ref reads: {@link Load#LAZY}, {@link Load#RAISE} or {@link Load#NO_LOAD}. */
    private Load mode = Load.LAZY;
    /** Its owner came from {@link Session#stream} without joining a session. */
    private boolean streamed;

    private Ref(T target, Object id, boolean loaded) {
        this.target = target;
        this.id = id;
        this.loaded = loaded;
    }

    /**
     * A reference to an object (new or loaded), or to nothing.
     *
     * @param target the referenced object, or {@code null} for none (a NULL foreign key)
     * @param <T> the referenced entity
     * @return a loaded reference
     */
    public static <T> Ref<T> to(T target) {
        return new Ref<>(target, null, true);
    }

    /**
     * A reference known only by the referenced row's key, say from a form: the flush writes the
     * key without loading the object, and {@link #get()} loads it once the owner is in a session.
     *
     * @param id the referenced object's key, or {@code null} for none
     * @param <T> the referenced entity
     * @return an unloaded reference (a loaded reference to {@code null} for a {@code null} key)
     */
    public static <T> Ref<T> toId(Object id) {
        return id == null ? new Ref<>(null, null, true) : new Ref<>(null, id, false);
    }

    /**
     * The referenced object, loading it if needed: the session's identity map first, else one
     * SELECT by key, while the owner's session is open. A {@code NULL} foreign key reads as
     * {@code null} without a query; so does an unloaded reference the query asked not to load
     * ({@code noLoad}).
     *
     * @return the referenced object, or {@code null}
     * @throws UnloadedRelationshipException if it is not loaded and cannot load now: the relationship
     *         is {@code RAISE} for this object, or the object is detached (its session is closed or
     *         let go of it) or its session must be rolled back first (a flush failed)
     */
    public T get() {
        if (loaded) {
            return target;
        }
        if (mode == Load.NO_LOAD) {
            return null;
        }
        String where = relationship == null ? "This Ref to " + id : owner.getClass().getSimpleName() + "." + relationship.name();
        String constant = relationship == null ? "the reference" : relationship.metamodelConstant();
        if (mode == Load.RAISE) {
            throw new UnloadedRelationshipException(where + " is not loaded and is marked Load.RAISE, so reading it would send "
                    + "a query. Load it with the query: options(selectInLoad(" + constant + ")) or options(joinedLoad(" + constant
                    + ")), or change the relationship's load");
        }
        if (streamed && session == null) {
            throw new UnloadedRelationshipException(where + " is not loaded: this " + owner.getClass().getSimpleName()
                    + " came from session.stream(...), which returns the rows its session did not hold as detached objects "
                    + "without their relationships. Use session.merge(...) for the session's object, whose " + relationship.name()
                    + " loads on access, or a normal query (with options(selectInLoad(" + constant + ")) to load it with the objects)");
        }
        if (relationship == null) {
            throw new UnloadedRelationshipException(where + " (made with Ref.toId) is not loaded and belongs to no session, so "
                    + "it cannot load. Put it in a field of an object of an open session (session.add(...)) and read it there, "
                    + "or load the object with session.get(...)");
        }
        if (session == null || !session.isActiveFor(owner)) {
            throw new UnloadedRelationshipException(where + " is not loaded and its object is detached (its session is closed "
                    + "or let go of it), so it cannot load. Load it before the session closes (options(selectInLoad(" + constant
                    + ")) or joinedLoad on the query, or call get() while the session is open), or attach the object again "
                    + "with session.add(...)");
        }
        session.loadReference(this);
        return target;
    }

    /**
     * The referenced row's key, without a query: the foreign key value of an unloaded reference,
     * or the key of the loaded object ({@code null} for a new object not flushed yet, or for none).
     *
     * @return the key, or {@code null}
     */
    public Object id() {
        if (!loaded) {
            return id;
        }
        if (target == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        EntityMapping<Object> m = (EntityMapping<Object>) EntityMapping.of(target.getClass());
        return m.idOf(target);
    }

    /** @return whether the referenced object (or its absence) is known, so {@link #get()} sends no query */
    public boolean isLoaded() {
        return loaded;
    }

    /**
     * Points the reference at another object, or at none: the flush writes its key into the
     * foreign key column (inserting it first when it is new and the relationship cascades
     * save-update), as for a plain reference field. While its object is in an open session, the
     * loaded one-to-many collections on the other side follow at once: the object leaves the old
     * target's and joins the new target's (the other side of a one-to-one follows at the next
     * flush, as for a plain field).
     *
     * @param target the object to refer to, or {@code null}
     */
    public void set(T target) {
        Object before = loaded ? this.target : null;
        Object beforeKey = loaded ? null : id;
        assign(target);
        if (session != null && relationship != null && session.isActiveFor(owner)) {
            session.refSet(this, before, beforeKey, target);
        }
    }

    private void assign(T target) {
        this.target = target;
        this.id = null;
        this.loaded = true;
        this.streamed = false;
    }

    // ---- what the session does -------------------------------------------------------------

    /** The session filled it (from the identity map, a select-in or joined load, a lazy load). */
    void fill(Object related) {
        @SuppressWarnings("unchecked")
        T t = (T) related;
        assign(t);
    }

    /** It stands for a key it has not loaded, and loads (or raises, or reads null) through the session. */
    void unload(Object key, Session s, Object ownerObject, Relationship r, Load how) {
        this.target = null;
        this.id = key;
        this.loaded = key == null;
        bind(s, ownerObject, r);
        this.mode = how == Load.RAISE || how == Load.NO_LOAD ? how : Load.LAZY;
    }

    /** It stands for a key, for an object that came from a stream: no session to load through. */
    void unloadStreamed(Object key, Object ownerObject, Relationship r, Load how) {
        unload(key, null, ownerObject, r, how);
        this.streamed = how != Load.RAISE && how != Load.NO_LOAD;
    }

    void bind(Session s, Object ownerObject, Relationship r) {
        this.session = s;
        this.owner = ownerObject;
        this.relationship = r;
        if (s != null) {
            this.streamed = false;
        }
    }

    /** Its key in the form the target's ids take ({@code Ref.toId(7)} of a {@code Long} key holds {@code 7L}). */
    void normalizeKey(Relationship r) {
        if (!loaded && id != null) {
            id = r.target().normalizeId(id);
        }
    }

    /** Whether it is the session's unloaded Ref of this object's field (not one the application put there since). */
    boolean isUnloadedFor(Object ownerObject) {
        return !loaded && owner == ownerObject;
    }

    Session session() {
        return session;
    }

    Object owner() {
        return owner;
    }

    Relationship relationship() {
        return relationship;
    }

    Object key() {
        return id;
    }

    @Override
    public String toString() {
        if (loaded) {
            return "Ref[" + target + "]";
        }
        String type = relationship == null ? "" : relationship.targetType().getSimpleName();
        return "Ref[" + type + "#" + id + ", not loaded]";
    }
}
