package dev.retort.orm;

import dev.retort.schema.ReferentialAction;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A reference to one object of another entity (or of the same one, for a tree), stored as a
 * foreign key column of this entity's table: {@code <field>_id} by default.
 *
 * <pre>{@code
 * @ManyToOne Customer customer;                       // column customer_id, loaded select-in
 * @ManyToOne(load = Load.JOINED, optional = false) Album album;
 * @ManyToOne Ref<Customer> customer;                  // loaded on customer.get()
 * }</pre>
 *
 * The flush writes the referenced object's key into the column (inserting the referenced object
 * first when it is new). A plain field is loaded eagerly ({@link Load#SELECT_IN} by default, or
 * {@link Load#JOINED}), or left {@code null} ({@link Load#NO_LOAD}); a {@link Ref} field also
 * loads on access ({@link Load#LAZY}, its default) or throws there ({@link Load#RAISE}). An
 * unloaded reference is never written back as {@code null}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToOne {

    /** @return the foreign key column's name; empty for the naming strategy's name of {@code <field>Id} */
    String column() default "";

    /** @return whether the reference may be absent (the column takes NULL) */
    boolean optional() default true;

    /**
     * @return how it is loaded: {@link Load#SELECT_IN} (the default of a plain field), {@link Load#JOINED}
     *         or {@link Load#NO_LOAD}; for a {@link Ref} field also {@link Load#LAZY} (its default) or {@link Load#RAISE}
     */
    Load load() default Load.DEFAULT;

    /** @return what the database does to this row when the referenced row is deleted */
    ReferentialAction onDelete() default ReferentialAction.NO_ACTION;

    /** @return what operations on this object do to the referenced one */
    Cascade[] cascade() default {Cascade.SAVE_UPDATE, Cascade.MERGE};

    /**
     * Writes the foreign key in an UPDATE of its own after the rows are inserted, and clears it
     * before they are deleted, so that rows may refer to each other in a cycle: rows of one table
     * (two people naming each other as emergency contact, a ring of nodes), or rows of tables that
     * refer to each other (a department's manager is an employee of the department). When the
     * referenced object is new in the flush, the INSERT (or UPDATE) writes NULL (or leaves the
     * column alone) and an UPDATE after every INSERT sets it; a reference to an existing row is
     * written as usual. The key does not order the flush's tables, so in a cycle of tables one
     * reference must be post-update (a flush of rows of such tables is refused otherwise). The
     * reference must be {@link #optional()}; a bulk {@code delete(...)} of the entity sets it to
     * NULL before deleting.
     *
     * @return whether the reference is written after the INSERTs
     */
    boolean postUpdate() default false;
}
