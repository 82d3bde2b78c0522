package dev.retort;

/**
 * An error that may not happen again if the whole transaction is run again: a serialization failure, a deadlock or a lock timeout. {@link #isRetryable()} is true; {@code Engine.inTransaction(RetryPolicy, ...)} retries these.
 */
public class TransientDatabaseException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what kind of error this is
     * @param context the failing statement and the database's codes
     * @param cause the driver's exception
     */
    public TransientDatabaseException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
