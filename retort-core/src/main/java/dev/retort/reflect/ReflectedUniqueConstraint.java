package dev.retort.reflect;

import java.util.List;
import java.util.Objects;

/**
 * A UNIQUE constraint as the database describes it. Immutable.
 *
 * @param name the constraint name, or {@code null} where the database keeps none
 * @param columns the column names, in order
 * @param deferrable whether the check may be deferred to COMMIT (PostgreSQL)
 * @param initiallyDeferred whether it is deferred by default
 */
public record ReflectedUniqueConstraint(String name, List<String> columns, boolean deferrable, boolean initiallyDeferred) {
    /** Copies the column list. */
    public ReflectedUniqueConstraint {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
    }

    /**
     * A constraint checked after each row.
     *
     * @param name the constraint name, or {@code null}
     * @param columns the column names, in order
     */
    public ReflectedUniqueConstraint(String name, List<String> columns) {
        this(name, columns, false, false);
    }
}
