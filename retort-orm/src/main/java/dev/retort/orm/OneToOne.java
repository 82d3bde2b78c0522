package dev.retort.orm;

import dev.retort.schema.ReferentialAction;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A reference to at most one object of another entity, which refers back to at most this one.
 *
 * <p>The <b>owning side</b> (no {@link #mappedBy()}) stores the reference like a {@link ManyToOne}:
 * a foreign key column of this entity's table ({@code <field>_id} by default), which also gets a
 * UNIQUE constraint, so two rows cannot refer to the same object. The <b>other side</b> names the
 * owning field with {@link #mappedBy()}: it has no column, and is loaded from the owning entity's
 * table by that foreign key.
 *
 * <pre>{@code
 * @OneToOne(optional = false) Person person;            // on Passport: column person_id, UNIQUE
 * @OneToOne(mappedBy = "person", cascade = {Cascade.SAVE_UPDATE, Cascade.DELETE, Cascade.DELETE_ORPHAN})
 * Passport passport;                                    // on Person: loaded by passport.person_id
 * }</pre>
 *
 * Both fields are plain fields. The session brings the two sides in line when the object is added
 * and before each flush: the side the application changed since the last load or flush wins (the
 * owning side, when both changed); a replaced object on the other side is unlinked (its foreign key
 * set to NULL) or, with {@link Cascade#DELETE_ORPHAN} on the {@code mappedBy} side, deleted.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OneToOne {

    /** @return for the other side, the name of the owning {@code @OneToOne} field of the related entity; empty on the owning side */
    String mappedBy() default "";

    /** @return on the owning side, the foreign key column's name; empty for the naming strategy's name of {@code <field>Id} */
    String column() default "";

    /** @return on the owning side, whether the reference may be absent (the column takes NULL) */
    boolean optional() default true;

    /**
     * @return how it is loaded: {@link Load#SELECT_IN} (the default of a plain field), {@link Load#JOINED}
     *         or {@link Load#NO_LOAD}; for an owning side declared as a {@link Ref} also {@link Load#LAZY}
     *         (its default) or {@link Load#RAISE}
     */
    Load load() default Load.DEFAULT;

    /** @return on the owning side, what the database does to this row when the referenced row is deleted */
    ReferentialAction onDelete() default ReferentialAction.NO_ACTION;

    /**
     * What operations on this object do to the related one. {@link Cascade#DELETE_ORPHAN} applies to
     * the {@code mappedBy} side: an object replaced there (or set to {@code null}) is deleted.
     *
     * @return the cascades
     */
    Cascade[] cascade() default {Cascade.SAVE_UPDATE, Cascade.MERGE};
}
