package dev.retort.schema;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One thing said about a column when it is defined: primary key, not null, a default, a
 * foreign key. Get options from {@link ColumnOptions}; they are applied in order.
 *
 * @param <T> the Java type of the columns it applies to ({@code Object} for any)
 */
public final class ColumnOption<T> {
    private final Consumer<Column.Spec<T>> action;

    ColumnOption(Consumer<Column.Spec<T>> action) {
        this.action = Objects.requireNonNull(action);
    }

    void applyTo(Column.Spec<T> spec) {
        action.accept(spec);
    }
}
