package dev.retort;

/**
 * The connection to the database failed or was closed by the server. The pool discards such connections; a new checkout gets a fresh one.
 */
public class ConnectionFailureException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what kind of error this is
     * @param context the failing statement and the database's codes
     * @param cause the driver's exception
     */
    public ConnectionFailureException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }
}
