package dev.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The naming strategy that turns class and field names into table and column names, set once on a
 * package (in {@code package-info.java}), on a common superclass or on one entity; the nearest wins.
 * Without it, names are snake_case ({@link NamingStrategy.SnakeCase}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface Naming {
    /** @return the strategy; it needs a public no-argument constructor */
    Class<? extends NamingStrategy> value();
}
