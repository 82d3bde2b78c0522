package dev.retort.orm;

/**
 * Where an object stands with respect to a {@link Session}, as {@link Session#state} reports it.
 *
 * <pre>
 *   TRANSIENT --add--> PENDING --flush--> PERSISTENT --delete--> DELETED --commit--> DETACHED
 *                                         PERSISTENT --close / expunge--> DETACHED --add / merge--> PERSISTENT
 * </pre>
 */
public enum ObjectState {
    /** Not in the session and never stored through one: a plain new object. */
    TRANSIENT,
    /** Added to the session; its INSERT has not been flushed yet. */
    PENDING,
    /** In the session with a row in the database (flushed or loaded). */
    PERSISTENT,
    /** Deleted in the session (marked by {@code delete}, or its DELETE flushed) until commit or rollback. */
    DELETED,
    /** Was persistent in a session that let go of it (closed, committed its deletion, or expunged it). */
    DETACHED
}
