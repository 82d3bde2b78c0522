package dev.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An index over one or more fields of an entity.
 *
 * <pre>{@code
 * @Entity
 * @Index(fields = {"lastName", "firstName"})
 * public class Person { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Index.List.class)
public @interface Index {

    /** @return the index name; empty for the naming convention's */
    String name() default "";

    /** @return the field names ({@code "address.city"} for a component of an embedded value), in order */
    String[] fields();

    /** @return whether the index is unique */
    boolean unique() default false;

    /** Holds repeated {@link Index} annotations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        /** @return the indexes */
        Index[] value();
    }
}
