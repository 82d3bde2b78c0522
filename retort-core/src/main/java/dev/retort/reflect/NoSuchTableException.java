package dev.retort.reflect;

import dev.retort.RetortException;

/**
 * A table or view asked for by name does not exist in the database. The message names it, the
 * schema and the database, and lists what the schema does hold.
 */
public class NoSuchTableException extends RetortException {
    private static final long serialVersionUID = 1L;

    private final String schema;
    private final String name;

    /**
     * Creates the exception.
     *
     * @param message what was not found, where, and what to check
     * @param schema the schema looked in, or {@code null} for the default
     * @param name the name looked for
     */
    public NoSuchTableException(String message, String schema, String name) {
        super(message);
        this.schema = schema;
        this.name = name;
    }

    /** @return the schema looked in, or {@code null} for the connection's default */
    public String schema() {
        return schema;
    }

    /** @return the table or view name looked for */
    public String name() {
        return name;
    }
}
