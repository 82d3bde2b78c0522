package dev.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The version column of optimistic locking: an {@code int}, {@code long} or their wrappers. Every
 * UPDATE and DELETE of the row checks that the version is the one loaded and increments it (a new
 * row starts at 1: a {@code null} or 0 is replaced at its INSERT); when no
 * row matches, the flush fails with a {@link StaleObjectException}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Version {

}
