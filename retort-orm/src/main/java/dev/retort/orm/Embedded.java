package dev.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value object spread over several columns of the entity's table: a record or a class with a
 * no-argument constructor. Its columns are named {@code <field>_<component>} (the field's column name, an underscore,
 * the component's column name) unless another prefix is given;
 * a component may carry {@link Column}. A {@code null} value stores NULL in every column, and a row
 * whose columns are all NULL loads as {@code null}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Embedded {
    /** @return the column name prefix; empty for the field's column name and an underscore */
    String prefix() default "";
}
