package dev.retort;

/**
 * A table, column, constraint or index was defined wrongly: a duplicate column, a foreign key
 * whose type differs from the column it references, a nullable primary key, an empty table, an
 * identifier too long for the database. Thrown when the definition is made; the message names
 * the table and column and says how to fix it.
 */
public class DefinitionException extends RetortException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, where, and the fix
     */
    public DefinitionException(String message) {
        super(message);
    }
}
