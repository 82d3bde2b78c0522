package dev.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaves a field's columns out of the entity's default SELECT: a large text, a picture. The
 * field keeps its Java default ({@code null}, {@code 0}, {@code false}) when its object loads,
 * and the session remembers, per object, that the column was not loaded, so a flush never writes
 * it. Load it with the query ({@code options(undefer(User_.BIO))}, {@code undeferGroup("photo")})
 * or afterwards with {@link Session#undefer(Object, dev.retort.schema.Column[])} and, for many
 * objects in one statement, {@link Session#undefer(java.util.Collection, dev.retort.schema.Column[])}.
 *
 * <p>An {@code @Embedded} value is deferred with all its columns, and naming one of them loads
 * the whole value. Fields of the same {@link #group()} load together: {@code undeferGroup("photo")} in a query,
 * and {@code session.undefer(object, column)} of one column of the group, read all of them.
 * Assigning a value to a field that was not loaded writes it at the next flush; assigning its
 * Java default cannot be told apart from not loading it and writes nothing (load it first). An id, a version, a relationship or the columns of another entity cannot be
 * deferred (a {@link MappingException} at start-up says so). Deferral is about loading only; the
 * table is the same with or without it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Deferred {

    /** @return the name of the group whose columns load together; empty for a column of its own */
    String group() default "";
}
