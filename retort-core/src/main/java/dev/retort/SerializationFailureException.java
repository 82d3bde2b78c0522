package dev.retort;

/**
 * The database could not serialize the transaction against concurrent ones (SQLSTATE 40001, SQLite SQLITE_BUSY_SNAPSHOT). Run the whole transaction again.
 */
public class SerializationFailureException extends TransientDatabaseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what kind of error this is
     * @param context the failing statement and the database's codes
     * @param cause the driver's exception
     */
    public SerializationFailureException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }
}
