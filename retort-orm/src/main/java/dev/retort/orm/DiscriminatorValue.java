package dev.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value of the discriminator column that marks rows of one class of an entity hierarchy (see
 * {@link Inheritance}). Without it, a class's value is its simple name ({@code "Manager"}). Values
 * must differ within a hierarchy; a duplicate fails at start-up naming both classes. A value
 * outlives refactoring only when it is written out, so prefer declaring it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DiscriminatorValue {
    /** @return the value stored in the discriminator column for rows of this class */
    String value();
}
