package dev.retort.migrate;

import dev.retort.RetortException;

/**
 * A migration command cannot do what it was asked: a target that names no revision or is
 * ambiguous, a downgrade to a revision that is not applied, a version table naming revisions the
 * code does not have, or a revision that failed. Subclasses say which.
 */
public class MigrationException extends RetortException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do
     */
    public MigrationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do
     * @param cause the underlying exception
     */
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
