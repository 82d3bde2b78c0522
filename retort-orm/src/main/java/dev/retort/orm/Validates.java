package dev.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity method that checks or normalises one attribute: it takes the attribute's value
 * and returns the value to store (the same or a cleaned one), or throws to refuse it. It runs when
 * the object is added and, at each flush, for the attributes that changed. Its exception reaches
 * the caller of {@code add} or {@code flush}; a refused value at flush rolls the flush back.
 *
 * <pre>{@code
 * @Validates("email")
 * String checkEmail(String email) {
 *     if (!email.contains("@")) throw new IllegalArgumentException("not an e-mail address: " + email);
 *     return email.toLowerCase(Locale.ROOT);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Validates {
    /** @return the field name of the attribute */
    String value();
}
