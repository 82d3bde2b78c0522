package dev.retort.orm;

/**
 * What an operation on an object does to the objects a relationship holds.
 */
public enum Cascade {
    /** {@code add} of the owner adds the related objects, and the flush stores them. */
    SAVE_UPDATE,
    /** {@code delete} of the owner deletes the related objects (loading them first). */
    DELETE,
    /** A related object removed from the owner's collection is deleted (a child cannot live alone). */
    DELETE_ORPHAN,
    /** {@code merge} of the owner merges the related objects. */
    MERGE,
    /** {@code expunge} of the owner expunges the related objects. */
    EXPUNGE,
    /**
     * {@code refresh} and {@code expire} of the owner refresh or expire the related objects it has
     * loaded (a loaded collection's elements, a reference's object), and theirs along relationships
     * that cascade it too; each object once.
     */
    REFRESH_EXPIRE
}
