package dev.retort.reflect;

import java.util.Objects;

/**
 * A CHECK constraint as the database describes it. Immutable.
 *
 * @param name the constraint name, or {@code null} where the database keeps none
 * @param condition the condition as SQL text, without the {@code CHECK (...)} around it; databases
 *                  normalise it (PostgreSQL re-prints it, MariaDB quotes names with backticks)
 */
public record ReflectedCheckConstraint(String name, String condition) {
    /** Rejects a null condition. */
    public ReflectedCheckConstraint {
        Objects.requireNonNull(condition, "condition");
    }
}
