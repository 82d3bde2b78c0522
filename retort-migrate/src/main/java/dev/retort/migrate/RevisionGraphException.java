package dev.retort.migrate;

import dev.retort.DefinitionException;

/**
 * The revisions do not form a valid history: a malformed or duplicate id, a parent no revision
 * has, a cycle, or a revision class that cannot be made. Thrown when the graph is built; the
 * message names the revisions (and classes) at fault and says how to fix them.
 */
public class RevisionGraphException extends DefinitionException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, which revisions, and the fix
     */
    public RevisionGraphException(String message) {
        super(message);
    }
}
