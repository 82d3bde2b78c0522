package dev.retort.orm;

import dev.retort.RetortException;

/**
 * An UPDATE or DELETE of a versioned (or any) entity matched no row: someone else changed or
 * deleted it since it was loaded. The flush is rolled back; reload the object and try again.
 */
public class StaleObjectException extends RetortException {
    private static final long serialVersionUID = 1L;

    /** The entity class. */
    private final transient Class<?> entityType;
    /** The id of the stale object. */
    private final transient Object id;

    /**
     * @param entityType the entity class
     * @param id its id
     * @param message what happened
     */
    public StaleObjectException(Class<?> entityType, Object id, String message) {
        super(message);
        this.entityType = entityType;
        this.id = id;
    }

    /** @return the entity class */
    public Class<?> entityType() {
        return entityType;
    }

    /** @return the id of the stale object */
    public Object id() {
        return id;
    }
}
