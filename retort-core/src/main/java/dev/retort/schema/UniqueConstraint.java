package dev.retort.schema;

import java.util.List;
import java.util.Optional;

/**
 * A UNIQUE constraint over one or more columns. A deferrable one (PostgreSQL) may be checked at
 * COMMIT instead of after each row, so rows can swap values in one transaction.
 *
 * @param name the constraint name, or {@code null} to let the database choose
 * @param columns the columns, in order
 * @param deferrable whether the check may be deferred to COMMIT
 * @param initiallyDeferred whether it is deferred unless a transaction says otherwise
 */
public record UniqueConstraint(String name, List<Column<?>> columns, boolean deferrable, boolean initiallyDeferred) {
    /** Copies the column list. */
    public UniqueConstraint {
        columns = List.copyOf(columns);
        if (initiallyDeferred && !deferrable) {
            throw new IllegalArgumentException("A unique constraint that is initially deferred must be deferrable");
        }
    }

    /**
     * A constraint checked after each row.
     *
     * @param name the constraint name, or {@code null}
     * @param columns the columns, in order
     */
    public UniqueConstraint(String name, List<Column<?>> columns) {
        this(name, columns, false, false);
    }

    /** @return the constraint name, if it has one */
    public Optional<String> optionalName() {
        return Optional.ofNullable(name);
    }
}
