package dev.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How an enum field is stored. Without this annotation an enum is stored by name (a native enum
 * type on PostgreSQL and MariaDB, checked text on SQLite).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Enumerated {
    /** @return by name or by ordinal */
    EnumMapping value();
}
