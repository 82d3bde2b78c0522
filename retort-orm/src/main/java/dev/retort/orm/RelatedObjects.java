package dev.retort.orm;

import dev.retort.orm.mapping.Relationship;

import java.util.Collection;

/**
 * The state of one loaded or unloaded one-to-many collection, shared by {@link RelatedList} and
 * {@link RelatedSet}: its owner, its relationship, its session, and whether it is loaded.
 *
 * @param <E> the element type
 */
final class RelatedObjects<E> {
    final Object owner;
    final Relationship relationship;
    final Collection<E> items;
    private Session session;
    private boolean loaded;
    private boolean raise;
    /** Read as empty without loading (a query asked for noLoad); changing it loads it for real. */
    private boolean empty;
    /** Its owner came from {@link Session#stream} without joining the session: the message on access says so. */
    private boolean streamed;
    /** Being filled by a select-in load: a nested load must not gather it again. */
    boolean loading;
    /** The options a query gave for the elements' relationships ({@code lazyLoad(A_.BS).then(...)}), for the lazy load. */
    java.util.List<LoadOption> then;
    /** For a many-to-many: the elements the database has (as of the load or the last flush). */
    java.util.List<Object> baseline = java.util.List.of();
    /** For a many-to-many whose database rows are unknown (a collection replaced unloaded): rewrite them all. */
    boolean replaceAll;

    RelatedObjects(Object owner, Relationship relationship, Collection<E> items, Session session, boolean loaded) {
        this.owner = owner;
        this.relationship = relationship;
        this.items = items;
        this.session = session;
        this.loaded = loaded;
    }

    boolean isLoaded() {
        return loaded;
    }

    void raiseOnAccess() {
        this.raise = true;
    }

    void readAsEmpty() {
        this.empty = true;
    }

    void markStreamed() {
        this.streamed = true;
    }

    /** Forgets the contents: the next access loads them again (expire, refresh, rollback). */
    void unload() {
        baseline = java.util.List.of();
        items.clear();
        loaded = false;
        raise = false;
        empty = false;
        then = null;                   // the options of the query that left it lazy are spent
    }

    /** The collection's contents arrived (lazy load, select-in, or a new object's own list). */
    void fill(Collection<? extends E> contents) {
        items.clear();
        items.addAll(contents);
        loaded = true;
        raise = false;
        empty = false;
        loading = false;
        replaceAll = false;
        baseline = new java.util.ArrayList<>(items);
    }

    void detach() {
        session = null;
    }

    void attach(Session s) {
        session = s;
        streamed = false;
    }

    Session session() {
        return session;
    }

    /** Before a read: loads on first access, reads as empty when asked not to load, or explains why it cannot. */
    void ensureReadable() {
        if (!loaded && empty) {
            return;
        }
        ensureLoaded();
    }

    /** Before a change, or for a cascade: loads for real, or explains why it cannot. */
    void ensureLoaded() {
        if (loaded) {
            return;
        }
        String where = owner.getClass().getSimpleName() + "." + relationship.name();
        if (raise) {
            throw new UnloadedRelationshipException(where + " is not loaded and is marked Load.RAISE, so reading it would "
                    + "send a query. Load it with the query: options(selectInLoad(...)), or change the relationship's load");
        }
        if (streamed && session == null) {
            String owned = owner.getClass().getSimpleName();
            throw new UnloadedRelationshipException(where + " is not loaded: this " + owned + " came from session.stream(...), "
                    + "which returns the rows its session did not hold as detached objects without their relationships. "
                    + "Use session.merge(" + lowerFirst(owned) + ") for the session's object, whose " + relationship.name()
                    + " loads on access, or a normal query (session.scalars(...), with options(selectInLoad(...)) to load it "
                    + "with the objects)");
        }
        if (session == null || !session.isActiveFor(owner)) {
            throw new UnloadedRelationshipException(where + " is not loaded and its object is detached (its session is closed "
                    + "or let go of it), so it cannot load. Load it before the session closes (options(selectInLoad(...)) "
                    + "on the query, or read it while the session is open), or attach the object again with session.add(...)");
        }
        session.loadCollection(this);
    }

    private static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    void added(E element) {
        if (session != null) {
            session.collectionAdded(this, element);
        } else {
            Session.linkBack(this, element);
        }
    }

    void removed(Object element) {
        if (element != null && !relationship.isManyToMany() && items.contains(element)) {
            return;                  // a list held it twice: the copy left still belongs here (many-to-many: see unlinkBack)
        }
        if (session != null) {
            session.collectionRemoved(this, element);
        } else {
            Session.unlinkBack(this, element);
        }
    }
}
