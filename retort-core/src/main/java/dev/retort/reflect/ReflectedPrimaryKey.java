package dev.retort.reflect;

import java.util.List;
import java.util.Objects;

/**
 * A primary key as the database describes it. Immutable.
 *
 * @param name the constraint name, or {@code null} where the database keeps none (SQLite without
 *             {@code CONSTRAINT name}; MariaDB, whose primary keys are all called {@code PRIMARY})
 * @param columns the key's column names, in key order
 */
public record ReflectedPrimaryKey(String name, List<String> columns) {
    /** Copies the column list. */
    public ReflectedPrimaryKey {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
    }
}
