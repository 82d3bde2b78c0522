package dev.retort;

/**
 * The database chose this transaction as the victim of a deadlock and rolled it back. Run the whole transaction again.
 */
public class DeadlockException extends TransientDatabaseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what kind of error this is
     * @param context the failing statement and the database's codes
     * @param cause the driver's exception
     */
    public DeadlockException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }
}
