package dev.retort.reflect;

import java.util.Objects;

/**
 * A view and its defining query. Immutable.
 *
 * @param schema the schema, or {@code null} for the connection's default
 * @param name the view name
 * @param definition the SELECT that defines it, as the database prints it
 */
public record ReflectedView(String schema, String name, String definition) {
    /** Rejects a null name or definition. */
    public ReflectedView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
    }
}
