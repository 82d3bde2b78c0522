package dev.retort.schema;

import java.util.List;
import java.util.Optional;

/**
 * A UNIQUE constraint over one or more columns.
 *
 * @param name the constraint name, or {@code null} to let the database choose
 * @param columns the columns, in order
 */
public record UniqueConstraint(String name, List<Column<?>> columns) {
    /** Copies the column list. */
    public UniqueConstraint {
        columns = List.copyOf(columns);
    }

    /** @return the constraint name, if it has one */
    public Optional<String> optionalName() {
        return Optional.ofNullable(name);
    }
}
