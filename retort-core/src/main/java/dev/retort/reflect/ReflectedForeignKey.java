package dev.retort.reflect;

import dev.retort.schema.ReferentialAction;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key as the database describes it. Immutable.
 *
 * @param name the constraint name, or {@code null} where the database keeps none (SQLite without
 *             {@code CONSTRAINT name})
 * @param columns the referencing column names, in order
 * @param referredSchema the referenced table's schema, or {@code null} when it is the referencing table's own
 * @param referredTable the referenced table's name
 * @param referredColumns the referenced column names, in the same order
 * @param onDelete the ON DELETE action
 * @param onUpdate the ON UPDATE action
 * @param deferrable whether the constraint is DEFERRABLE
 * @param initiallyDeferred whether it is INITIALLY DEFERRED
 */
public record ReflectedForeignKey(String name, List<String> columns, String referredSchema, String referredTable,
                                  List<String> referredColumns, ReferentialAction onDelete, ReferentialAction onUpdate,
                                  boolean deferrable, boolean initiallyDeferred) {
    /** Copies the lists and rejects nulls where a value is required. */
    public ReflectedForeignKey {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        Objects.requireNonNull(referredTable, "referredTable");
        referredColumns = List.copyOf(Objects.requireNonNull(referredColumns, "referredColumns"));
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
    }
}
