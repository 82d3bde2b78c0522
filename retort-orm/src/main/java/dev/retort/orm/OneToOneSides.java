package dev.retort.orm;

import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.Relationship;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the two plain fields of each one-to-one of a session in line. The owning side is compared
 * with the key the database has (the snapshot), the other side with the object last loaded or
 * aligned there; whichever changed is copied to the other, the owning side first, so it wins
 * when both changed. An object replaced on the other side loses its foreign key (set to NULL), or
 * is deleted when the other side deletes orphans and nothing took it since.
 */
final class OneToOneSides {
    private final Session session;

    OneToOneSides(Session session) {
        this.session = session;
    }

    /**
     * Aligns the one-to-ones of an object just added (nothing to do, and nothing allocated, for
     * the many entities without one-to-ones).
     *
     * @param s the object's state
     */
    void alignAdded(InstanceState s) {
        if (isLive(s) && hasOneToOne(s.mapping)) {
            align(List.of(s));
        }
    }

    /**
     * Aligns the one-to-ones of objects, before a flush or when they are added. Loads, in one query
     * per relationship, the other sides the alignment needs and does not know yet (a persistent
     * object whose other side was never loaded but is now set or taken).
     *
     * @param states the objects, pending or persistent
     */
    void align(List<InstanceState> states) {
        List<InstanceState> live = new ArrayList<>();
        for (InstanceState s : states) {
            if (isLive(s) && hasOneToOne(s.mapping)) {
                live.add(s);
            }
        }
        if (live.isEmpty()) {
            return;
        }
        loadUnknown(live);
        Map<Object, Relationship> orphans = new IdentityHashMap<>();
        for (InstanceState s : live) {
            for (Relationship r : s.mapping.relationships()) {
                if (r.isReference() && r.kind() == Relationship.Kind.ONE_TO_ONE && r.inverse() != null) {
                    alignOwning(s, r, orphans);
                }
            }
        }
        for (InstanceState s : live) {
            for (Relationship r : s.mapping.relationships()) {
                if (r.isInverseOneToOne()) {
                    alignInverse(s, r, orphans);
                }
            }
        }
        for (Map.Entry<Object, Relationship> o : orphans.entrySet()) {
            InstanceState os = session.stateOf(o.getKey());
            if (os != null && isLive(os) && get(os.entity, o.getValue()) == null) {
                session.delete(o.getKey());            // not taken by another object since
            }
        }
    }

    /** The owning side changed since the last flush: the objects it left and joins follow. */
    private void alignOwning(InstanceState s, Relationship r, Map<Object, Relationship> orphans) {
        Object current = currentTarget(s, r);
        if (current == UNKNOWN) {
            return;
        }
        Relationship inv = r.inverse();
        Object previous = previousTarget(s, r);
        if (current == previous) {
            return;
        }
        if (previous != null) {
            InstanceState ps = session.stateOf(previous);
            if (ps != null && get(previous, inv) == s.entity) {
                set(previous, inv, null);
                ps.knowInverse(inv, null);
            }
        }
        InstanceState cs = current == null ? null : session.stateOf(current);
        if (cs == null || !isLive(cs)) {
            return;
        }
        Object old = get(current, inv);
        Object known = cs.knowsInverse(inv) ? cs.inverse(inv) : null;
        for (Object replaced : new Object[] {old, known == old ? null : known}) {
            if (replaced != null && replaced != s.entity) {
                InstanceState rs = session.stateOf(replaced);
                if (rs != null && get(replaced, r) == current && previousTarget(rs, r) != current) {
                    throw new dev.retort.InvalidStateException(s.entity + " and " + replaced + " both refer to " + current
                            + " through the one-to-one " + r + ", set since the last flush; point one of them elsewhere, or "
                            + "set " + inv + " alone");
                }
                unlink(replaced, r, current, inv, orphans);
            }
        }
        set(current, inv, s.entity);
        cs.knowInverse(inv, s.entity);
    }

    /** The other side changed since it was loaded or aligned: the owning fields follow. */
    private void alignInverse(InstanceState s, Relationship r, Map<Object, Relationship> orphans) {
        if (!s.knowsInverse(r)) {
            if (s.state != ObjectState.PENDING) {
                return;                                // never loaded and untouched (unknown ones set were loaded above)
            }
            s.knowInverse(r, null);                    // a new object: nothing refers to it in the database
        }
        Relationship owning = r.inverse();
        Object current = get(s.entity, r);
        Object known = s.inverse(r);
        if (current == known) {
            return;
        }
        if (known != null) {
            unlink(known, owning, s.entity, r, orphans);
        }
        if (current != null) {
            Object before = get(current, owning);
            if (before != s.entity) {
                set(current, owning, s.entity);
                InstanceState cs = session.stateOf(current);
                if (cs != null) {
                    cs.markLoaded(owning);
                }
                InstanceState bs = before == null ? null : session.stateOf(before);
                if (bs != null && get(before, r) == current) {
                    set(before, r, null);              // the object it had moved here
                    bs.knowInverse(r, null);
                }
            }
            orphans.remove(current);
        }
        s.knowInverse(r, current);
    }

    /** An object that referred to {@code target} through {@code owning} no longer does; it may be an orphan. */
    private void unlink(Object replaced, Relationship owning, Object target, Relationship inv, Map<Object, Relationship> orphans) {
        InstanceState rs = session.stateOf(replaced);
        if (rs == null || get(replaced, owning) != target) {
            return;
        }
        set(replaced, owning, null);
        if (inv.cascades(Cascade.DELETE_ORPHAN) && isLive(rs)) {
            orphans.put(replaced, owning);
        }
    }

    /** What {@link #currentTarget} gives for a reference not loaded and not changed: nothing to align. */
    private static final Object UNKNOWN = new Object();

    /**
     * The object the owning side refers to now: the field's, or for a {@link Ref} the application
     * assigned by key since the last flush ({@code Ref.toId}), the session's object of that key
     * ({@code null} if it holds none); {@link #UNKNOWN} for a reference left unloaded.
     */
    private Object currentTarget(InstanceState s, Relationship r) {
        if (!s.isUnloaded(r)) {
            return get(s.entity, r);
        }
        if (r.isRef() && s.mapping.fieldAccessor().get(s.entity, r.field()) instanceof Ref<?> ref && !ref.isLoaded()
                && (s.snapshot == null || !UnitOfWork.same(ref.key(), s.snapshot[r.column().index()]))) {
            return session.identity(r.targetType(), ref.key());
        }
        return UNKNOWN;
    }

    /** The object the owning side referred to at the last flush (if the session holds it). */
    private Object previousTarget(InstanceState s, Relationship r) {
        Object key = s.snapshot == null ? null : s.snapshot[r.column().index()];
        return key == null ? null : session.identity(r.targetType(), key);
    }

    /** Loads the other sides an alignment needs and no one loaded: set by the application, or about to be taken. */
    private void loadUnknown(List<InstanceState> live) {
        Map<Relationship, List<InstanceState>> wanted = new LinkedHashMap<>();
        for (InstanceState s : live) {
            for (Relationship r : s.mapping.relationships()) {
                if (r.isInverseOneToOne() && get(s.entity, r) != null) {
                    want(wanted, s, r);
                } else if (r.isReference() && r.kind() == Relationship.Kind.ONE_TO_ONE && r.inverse() != null) {
                    Object current = currentTarget(s, r);
                    InstanceState cs = current == null || current == UNKNOWN ? null : session.stateOf(current);
                    if (cs != null && current != previousTarget(s, r) && r.inverse().owner().isInstance(current)) {
                        want(wanted, cs, r.inverse());
                    }
                }
            }
        }
        wanted.forEach((r, owners) -> {
            Loading loading = new Loading(session, backReferenceFromIdentityMap(r, List.of()));
            Map<Object, Object> found = load(r, owners, loading, "flush: load of " + r + " to align it");
            loading.finish();
            for (InstanceState s : owners) {
                s.knowInverse(r, found.get(s.key.id()));
            }
        });
    }

    private static void want(Map<Relationship, List<InstanceState>> wanted, InstanceState s, Relationship r) {
        if (s.state == ObjectState.PERSISTENT && s.key != null && !s.knowsInverse(r)) {
            List<InstanceState> list = wanted.computeIfAbsent(r, k -> new ArrayList<>());
            if (!list.contains(s)) {
                list.add(s);
            }
        }
    }

    /**
     * The options for loading the objects of the other side of a one-to-one: the owning reference
     * points at the owners, which the session holds, so it is set from the identity map and never
     * joined or loaded again, unless the options say otherwise.
     *
     * @param r the other side
     * @param next the options given for the loaded objects
     * @return the options to load them with
     */
    static List<LoadOption> backReferenceFromIdentityMap(Relationship r, List<LoadOption> next) {
        Relationship owning = r.inverse();
        for (LoadOption o : next) {
            if (o.relationship() == owning) {
                return next;
            }
        }
        List<LoadOption> out = new ArrayList<>(next);
        out.add(LoadOption.noLoad(r.target().relation(owning.name())));
        return out;
    }

    /**
     * Reads the objects referring to owners through the owning side of a one-to-one, by the
     * owners' keys, without setting the owners' fields.
     *
     * @param r the other side
     * @param owners persistent objects
     * @param loading the loading of the objects read (finished by the caller)
     * @param cause what the statement is for
     * @return the object found per owner key
     */
    Map<Object, Object> load(Relationship r, List<InstanceState> owners, Loading loading, String cause) {
        Relationship owning = r.inverse();
        List<Object> keys = new ArrayList<>();
        for (InstanceState s : owners) {
            keys.add(s.key.id());
        }
        Map<Object, Object> byOwner = new java.util.HashMap<>();
        for (Object child : session.loadAll(r.target(), Loading.in(owning.column().column(), keys), null, loading, cause)) {
            InstanceState cs = session.stateOf(child);
            if (cs != null && cs.snapshot != null) {
                byOwner.put(cs.snapshot[owning.column().index()], child);
            }
        }
        return byOwner;
    }

    /**
     * Before an object is marked deleted (while the identity map still gives it to the objects
     * read): loads the other sides of its one-to-ones that are not known, or known but expired
     * (another transaction may have replaced them), so that the delete cascades to or unlinks the
     * objects that refer to it now.
     */
    void loadBeforeDelete(InstanceState s) {
        if (s.key == null || s.state != ObjectState.PERSISTENT || !session.isActiveFor(s.entity)) {
            return;
        }
        for (Relationship r : s.mapping.relationships()) {
            if (r.isInverseOneToOne() && (get(s.entity, r) == null && !s.knowsInverse(r) || s.isInverseStale(r))) {
                // Not loaded, or expired: what refers to it is what the database says now.
                Loading loading = new Loading(session, backReferenceFromIdentityMap(r, List.of()));
                session.setInverse(s, r, load(r, List.of(s), loading, "delete cascade of " + r + " of " + s.key).get(s.key.id()));
                loading.finish();
            }
        }
    }

    /** An object being deleted: what refers to it through a one-to-one is deleted (cascade) or unlinked. */
    void cascadeDelete(InstanceState s) {
        for (Relationship r : s.mapping.relationships()) {
            if (!r.isInverseOneToOne()) {
                continue;
            }
            Object v = get(s.entity, r);
            Object known = s.inverse(r);
            for (Object related : new Object[] {v, known == v ? null : known}) {
                InstanceState rs = related == null ? null : session.stateOf(related);
                if (rs == null || (related != v && get(related, r.inverse()) != s.entity)) {
                    continue;                              // the one loaded before has gone to another object since
                }
                if (r.cascades(Cascade.DELETE)) {
                    if (rs.state != ObjectState.DELETED) {
                        session.delete(related);
                        s.recordCascade(rs, null);
                    }
                } else if (get(related, r.inverse()) == s.entity) {
                    set(related, r.inverse(), null);       // it stays; its foreign key is cleared
                    s.recordCascade(related, r);
                }
            }
        }
    }

    /** A deleted object leaves the other sides that held it; {@link #comeBack} undoes it. */
    void leave(InstanceState s) {
        for (Relationship r : s.mapping.relationships()) {
            Relationship inv = r.isReference() && r.kind() == Relationship.Kind.ONE_TO_ONE ? r.inverse() : null;
            Object target = inv == null ? null : session.referencedInMemory(s, r);   // (a Ref not read: the object of its key)
            InstanceState ts = target == null ? null : session.stateOf(target);
            if (ts != null && get(target, inv) == s.entity) {
                set(target, inv, null);
                ts.knowInverse(inv, null);
            }
        }
    }

    /**
     * The owning side of a one-to-one took another object from the database (a reload of an
     * expired object, a synchronized bulk UPDATE, a refresh or rollback): the object it held no
     * longer has it as its other side, and the object it holds now does (the UNIQUE column allows
     * no other), unless the application set that field to something else since.
     *
     * @param s the object of the owning side
     * @param r a reference of it (nothing is done unless it is the owning side of a one-to-one)
     * @param before the object the field held
     * @param after the object it holds now ({@code null} for none, or not in the session)
     */
    void referenceReloaded(InstanceState s, Relationship r, Object before, Object after) {
        Relationship inv = r.kind() == Relationship.Kind.ONE_TO_ONE ? r.inverse() : null;
        if (inv == null || before == after) {
            return;
        }
        InstanceState bs = before == null ? null : session.stateOf(before);
        if (bs != null) {
            boolean stale = bs.isInverseStale(inv);
            if (get(before, inv) == s.entity) {
                set(before, inv, null);
            }
            if (bs.knowsInverse(inv) && bs.inverse(inv) == s.entity) {
                bs.knowInverse(inv, null);
                if (stale) {
                    bs.staleInverse(inv);              // what else refers to it now is for the next load to say
                }
            }
        }
        InstanceState as = after == null ? null : session.stateOf(after);
        if (as != null && isLive(as) && inv.owner().isInstance(after)) {
            session.setInverse(as, inv, s.entity);
        }
    }

    /**
     * An object of an owning side left the session (expunged): the targets that knew it as their
     * other side no longer know what refers to them (its row still does), so they read {@code null}
     * until a query meets them, and a flush that finds them set loads what refers to them first.
     */
    void expunged(InstanceState s) {
        for (Relationship r : s.mapping.relationships()) {
            Relationship inv = r.isReference() && r.kind() == Relationship.Kind.ONE_TO_ONE ? r.inverse() : null;
            Object target = inv == null ? null : session.referencedInMemory(s, r);
            InstanceState ts = target == null ? null : session.stateOf(target);
            if (ts != null && ts.knowsInverse(inv) && ts.inverse(inv) == s.entity) {
                ts.forgetInverse(inv);
                if (get(target, inv) == s.entity) {
                    set(target, inv, null);
                }
            }
        }
    }

    /** An object whose delete is undone is back on the other sides it left. */
    void comeBack(InstanceState s) {
        for (Relationship r : s.mapping.relationships()) {
            Relationship inv = r.isReference() && r.kind() == Relationship.Kind.ONE_TO_ONE ? r.inverse() : null;
            Object target = inv == null ? null : session.referencedInMemory(s, r);
            InstanceState ts = target == null ? null : session.stateOf(target);
            if (ts != null && get(target, inv) == null) {
                set(target, inv, s.entity);
                ts.knowInverse(inv, s.entity);
            }
        }
    }

    /**
     * Expiry, commit and refresh: the other sides load again when a query meets the object (and
     * so does the other side of an expired owning side, whose row may now refer elsewhere); a
     * refresh also puts back what was loaded. A rollback forgets them (they read {@code null}
     * until a query meets the object), as the database's values at the last commit are unknown.
     */
    void expire(InstanceState s, boolean discardChanges, boolean forget) {
        for (Relationship r : s.mapping.relationships()) {
            if (!forget && r.isReference() && r.kind() == Relationship.Kind.ONE_TO_ONE && r.inverse() != null) {
                // The owning row may have changed: what its target knows of it is read again too.
                Object target = session.referencedInMemory(s, r);
                InstanceState ts = target == null ? null : session.stateOf(target);
                if (ts != null && ts.knowsInverse(r.inverse()) && ts.inverse(r.inverse()) == s.entity) {
                    ts.staleInverse(r.inverse());
                }
                continue;
            }
            if (!r.isInverseOneToOne()) {
                continue;
            }
            if (forget) {
                set(s.entity, r, null);
                s.forgetInverse(r);
            } else if (s.knowsInverse(r)) {
                if (discardChanges) {
                    set(s.entity, r, s.inverse(r));
                }
                s.staleInverse(r);
            }
        }
    }

    private static boolean isLive(InstanceState s) {
        return s.state == ObjectState.PENDING || s.state == ObjectState.PERSISTENT;
    }

    private static boolean hasOneToOne(EntityMapping<?> m) {
        for (Relationship r : m.relationships()) {
            if (r.kind() == Relationship.Kind.ONE_TO_ONE) {
                return true;
            }
        }
        return false;
    }

    /**
     * The field of a relationship on an object; {@code null} when the object's class does not have
     * it (the other side is mapped on a subclass of the owning field's type, and this object is
     * of another class of the hierarchy).
     */
    @SuppressWarnings("unchecked")
    private static Object get(Object entity, Relationship r) {
        if (!r.owner().isInstance(entity)) {
            return null;
        }
        return ((EntityMapping<Object>) EntityMapping.of(entity.getClass())).accessor().get(entity, r.field());
    }

    @SuppressWarnings("unchecked")
    private static void set(Object entity, Relationship r, Object value) {
        if (r.owner().isInstance(entity)) {
            ((EntityMapping<Object>) EntityMapping.of(entity.getClass())).accessor().set(entity, r.field(), value);
        }
    }
}
