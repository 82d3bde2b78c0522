package dev.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as an entity: its instances are rows of one table, loaded and saved by a
 * {@link Session}. The class needs an {@link Id}, non-final fields, and a no-argument constructor
 * (any visibility).
 *
 * <pre>{@code
 * @Entity(table = "users")
 * public class User {
 *     @Id @Generated Long id;
 *     String name;
 *     protected User() { }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Entity {
    /** @return the table name; empty for the naming strategy's name of the class */
    String table() default "";

    /** @return the schema (PostgreSQL namespace, MariaDB database); empty for the default */
    String schema() default "";

    /**
     * A read-only entity is loaded and queried but never inserted, updated or deleted: adding,
     * changing or deleting one fails at flush with an exception naming it.
     *
     * @return whether the entity is read-only
     */
    boolean readOnly() default false;
}
