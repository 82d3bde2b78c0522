package dev.retort.schema;

import java.util.List;
import java.util.Optional;

/**
 * A table's primary key: one column or several (composite).
 *
 * @param name the constraint name, or {@code null} to let the database choose
 * @param columns the key's columns, in order
 */
public record PrimaryKey(String name, List<Column<?>> columns) {
    /** Copies the column list. */
    public PrimaryKey {
        columns = List.copyOf(columns);
    }

    /** @return the constraint name, if it has one */
    public Optional<String> optionalName() {
        return Optional.ofNullable(name);
    }
}
