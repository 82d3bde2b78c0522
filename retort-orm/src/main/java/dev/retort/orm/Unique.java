package dev.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A UNIQUE constraint over one or more fields of an entity (for one field, {@code @Column(unique = true)}
 * is shorter). The flush knows these keys: it runs a DELETE that frees a value before the INSERT
 * that takes it, and orders UPDATEs whose values change hands.
 *
 * <pre>{@code
 * @Entity
 * @Unique(fields = {"orderId", "position"})
 * @Unique(name = "uq_seat", fields = "seat", deferrable = true)
 * public class Seat { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Unique.List.class)
public @interface Unique {

    /** @return the constraint name; empty for the database's or the naming convention's */
    String name() default "";

    /** @return the field names ({@code "address.city"} for a component of an embedded value), in column order */
    String[] fields();

    /**
     * A deferrable constraint (PostgreSQL) is checked at COMMIT, so two rows can swap values in one
     * flush. Creating the table fails on databases without deferrable constraints.
     *
     * @return whether the constraint is DEFERRABLE INITIALLY DEFERRED
     */
    boolean deferrable() default false;

    /** Holds repeated {@link Unique} annotations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        /** @return the constraints */
        Unique[] value();
    }
}
