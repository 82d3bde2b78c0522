package dev.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the root of an entity hierarchy: subclasses of this {@link Entity} are entities of their own,
 * stored as the {@link #strategy()} says, and queries of a class return objects of its subclasses
 * too, each loaded as its own class (decided by the discriminator column).
 *
 * <pre>{@code
 * @Entity
 * @Inheritance(subclasses = {Engineer.class, Manager.class, Director.class})
 * public class Employee { @Id @Generated Long id; String name; }
 *
 * @Entity @DiscriminatorValue("manager")
 * public class Manager extends Employee { Integer budget; }
 * }</pre>
 *
 * <p>Java cannot list a class's subclasses, so the root names them all (at any depth) in
 * {@link #subclasses()}, or is a {@code sealed} class whose permitted subclasses (and theirs) are
 * the hierarchy. Only the root carries this annotation; a subclass that declares it again, a
 * subclass the root does not list, and a subclass of an entity without it fail at start-up.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Inheritance {
    /** @return how the hierarchy is stored */
    InheritanceStrategy strategy() default InheritanceStrategy.SINGLE_TABLE;

    /**
     * @return the entity subclasses of the root, at any depth (with those permitted by a sealed
     *         root, if it is one)
     */
    Class<?>[] subclasses() default {};

    /** @return the name of the discriminator column, which holds each row's {@link DiscriminatorValue} */
    String discriminator() default "type";

    /** @return the length of the discriminator column (a VARCHAR) */
    int discriminatorLength() default 50;
}
