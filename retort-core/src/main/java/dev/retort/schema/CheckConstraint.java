package dev.retort.schema;

import java.util.Optional;

/**
 * A CHECK constraint. Its condition is SQL written by the developer, inserted into DDL as written.
 *
 * @param name the constraint name, or {@code null} to let the database choose
 * @param condition the SQL condition, e.g. {@code qty >= 0}
 */
public record CheckConstraint(String name, String condition) {
    /** @return the constraint name, if it has one */
    public Optional<String> optionalName() {
        return Optional.ofNullable(name);
    }
}
