package dev.retort;

/**
 * A value was invalid for its column or operation: too long, out of range, or in the wrong format (SQLSTATE class 22).
 */
public class DataException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what kind of error this is
     * @param context the failing statement and the database's codes
     * @param cause the driver's exception
     */
    public DataException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }
}
