package dev.retort.schema;

import java.util.Objects;

/**
 * The settings of a table-level foreign key: name, actions, deferral and {@code useAlter}.
 * Immutable; start from {@link #defaults()}.
 *
 * <pre>{@code
 * foreignKey(List.of(orderId, lineNo), List.of(Orders.ORDERS.id, ...),
 *            ForeignKeyOptions.defaults().onDelete(ReferentialAction.CASCADE).name("fk_lines_order"));
 * }</pre>
 *
 * @param name the constraint name, or {@code null} for the naming convention's
 * @param referredSchema the referenced table's schema when referring by name, or {@code null}
 * @param onDelete the ON DELETE action
 * @param onUpdate the ON UPDATE action
 * @param deferrable DEFERRABLE (PostgreSQL)
 * @param initiallyDeferred INITIALLY DEFERRED (PostgreSQL)
 * @param useAlter add the constraint with ALTER TABLE after the tables exist
 */
public record ForeignKeyOptions(String name, String referredSchema, ReferentialAction onDelete,
                                ReferentialAction onUpdate, boolean deferrable, boolean initiallyDeferred,
                                boolean useAlter) {
    private static final ForeignKeyOptions DEFAULTS = new ForeignKeyOptions(null, null, ReferentialAction.NO_ACTION,
            ReferentialAction.NO_ACTION, false, false, false);

    /** Rejects null actions. */
    public ForeignKeyOptions {
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
    }

    /** @return no name, NO ACTION on delete and update, not deferrable */
    public static ForeignKeyOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the constraint name.
     *
     * @param name the constraint name
     * @return new options
     */
    public ForeignKeyOptions name(String name) {
        return new ForeignKeyOptions(name, referredSchema, onDelete, onUpdate, deferrable, initiallyDeferred, useAlter);
    }

    /**
     * Sets the referenced table's schema.
     *
     * @param schema the referenced table's schema
     * @return new options
     */
    public ForeignKeyOptions referredSchema(String schema) {
        return new ForeignKeyOptions(name, schema, onDelete, onUpdate, deferrable, initiallyDeferred, useAlter);
    }

    /**
     * Sets the ON DELETE action.
     *
     * @param action the ON DELETE action
     * @return new options
     */
    public ForeignKeyOptions onDelete(ReferentialAction action) {
        return new ForeignKeyOptions(name, referredSchema, action, onUpdate, deferrable, initiallyDeferred, useAlter);
    }

    /**
     * Sets the ON UPDATE action.
     *
     * @param action the ON UPDATE action
     * @return new options
     */
    public ForeignKeyOptions onUpdate(ReferentialAction action) {
        return new ForeignKeyOptions(name, referredSchema, onDelete, action, deferrable, initiallyDeferred, useAlter);
    }

    /**
     * Sets whether checks wait for COMMIT by default.
     *
     * @param initiallyDeferred whether checks wait for COMMIT by default
     * @return new options, DEFERRABLE
     */
    public ForeignKeyOptions deferrable(boolean initiallyDeferred) {
        return new ForeignKeyOptions(name, referredSchema, onDelete, onUpdate, true, initiallyDeferred, useAlter);
    }

    /**
     * Adds the constraint with ALTER TABLE after the tables exist.
     *
     * @return new options that add the constraint with ALTER TABLE after creating the tables
     */
    public ForeignKeyOptions withUseAlter() {
        return new ForeignKeyOptions(name, referredSchema, onDelete, onUpdate, deferrable, initiallyDeferred, true);
    }
}
