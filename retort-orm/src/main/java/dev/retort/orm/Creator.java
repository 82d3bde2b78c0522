package dev.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the constructor Retort calls to make an entity from a row, when the class has no
 * no-argument constructor or has several constructors.
 *
 * <p>Each parameter receives the loaded value of the field of the same name: the column's value
 * (converted, or composed for an {@link Embedded} field), or {@code null} for a relationship
 * field, which the loader fills afterwards. After the constructor returns, Retort still writes
 * every mapped field, so the object holds exactly what the row holds even if the constructor
 * normalises its arguments.
 *
 * <pre>{@code
 * @Entity
 * public class Customer {
 *     @Id @Generated Long id;
 *     String name;
 *     String email;
 *
 *     @Creator
 *     public Customer(Long id, String name, String email) { ... }
 *
 *     public Customer(String name, String email) { this(null, name, email); }
 * }
 * }</pre>
 *
 * <p>Parameter names are read from the annotation processor's generated accessor, or by
 * reflection when the code is compiled with {@code -parameters}. Without either, name the fields
 * here in parameter order: {@code @Creator({"id", "name", "email"})}.
 *
 * <p>Which constructor Retort calls: the one marked {@code @Creator}; else the no-argument
 * constructor; else the class's only constructor. A class with several constructors, none of
 * them without parameters, needs the mark.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.CONSTRUCTOR)
public @interface Creator {

    /**
     * @return the names of the fields the parameters take, in parameter order; empty to use the
     *         parameters' own names
     */
    String[] value() default {};
}
