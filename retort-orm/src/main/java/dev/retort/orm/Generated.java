package dev.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A key value generated when the row is inserted: by the database (an identity or
 * auto-increment column, or a PostgreSQL sequence) or by Retort (a random UUID). The generated value
 * is set on the object at flush.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Generated {
    /** @return how the value is generated */
    GenerationStrategy strategy() default GenerationStrategy.IDENTITY;

    /** @return the sequence name, for {@link GenerationStrategy#SEQUENCE}; empty for {@code <table>_<column>_seq} */
    String sequence() default "";
}
