package dev.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the type of a composite key: a record whose components have the names and types of the
 * entity's {@link Id} fields. {@code session.get(OrderLine.class, new OrderLineKey(7, 2))} looks
 * an entity up by it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface IdClass {
    /** @return the record type of the key */
    Class<? extends Record> value();
}
