package dev.retort.reflect;

import java.util.List;
import java.util.Objects;

/**
 * A UNIQUE constraint as the database describes it. Immutable.
 *
 * @param name the constraint name, or {@code null} where the database keeps none
 * @param columns the column names, in order
 */
public record ReflectedUniqueConstraint(String name, List<String> columns) {
    /** Copies the column list. */
    public ReflectedUniqueConstraint {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
    }
}
