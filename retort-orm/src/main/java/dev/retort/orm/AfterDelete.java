package dev.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity method (no parameters, any visibility) that runs after the object's DELETE.
 * An exception it throws fails the flush, which rolls back. Listeners registered with
 * {@link Session#addListener} see the same events for every entity.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AfterDelete {
}
