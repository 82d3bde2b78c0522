package dev.retort.orm;

/**
 * What a bulk {@code update(User.class)} or {@code delete(User.class)} does to the objects of the
 * session whose rows it changed.
 */
public enum Synchronize {
    /**
     * Finds the changed rows (through RETURNING where the database has it, otherwise by a SELECT of
     * their keys before the statement) and brings the session's objects up to date: an UPDATE's
     * columns are reloaded into them, a DELETE's objects become deleted.
     */
    FETCH,
    /** Marks every object of the entity in the session expired, to reload at the next get or query. */
    EXPIRE,
    /** Leaves the session's objects as they are (fastest; they may be out of date). */
    NONE
}
