package dev.retort;

/**
 * A lock could not be acquired in time (MariaDB lock wait timeout, PostgreSQL lock_not_available, SQLite SQLITE_BUSY).
 */
public class LockTimeoutException extends TransientDatabaseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what kind of error this is
     * @param context the failing statement and the database's codes
     * @param cause the driver's exception
     */
    public LockTimeoutException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }
}
