package dev.retort.orm;

/**
 * Sees the lifecycle events of every entity of a {@link Session} (auditing, logging, checks).
 * Entity hook methods run first, then listeners in the order they were added. An exception thrown
 * from a before-event fails the flush, which rolls back.
 */
@FunctionalInterface
public interface EntityListener {

    /**
     * @param event what happens
     * @param entity the object
     */
    void on(LifecycleEvent event, Object entity);
}
