package dev.retort;

/**
 * A NULL was written to a column declared NOT NULL.
 */
public class NotNullViolationException extends IntegrityViolationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what kind of error this is
     * @param context the failing statement and the database's codes
     * @param cause the driver's exception
     */
    public NotNullViolationException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }
}
