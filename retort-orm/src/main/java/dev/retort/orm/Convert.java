package dev.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a field through an {@link AttributeConverter}: for types Retort does not map itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Convert {
    /** @return the converter; it needs a public no-argument constructor */
    Class<? extends AttributeConverter<?, ?>> value();
}
