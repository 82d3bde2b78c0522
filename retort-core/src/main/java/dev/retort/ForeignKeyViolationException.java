package dev.retort;

/**
 * A row would have referred to a missing row, or a referenced row was deleted or changed.
 */
public class ForeignKeyViolationException extends IntegrityViolationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what kind of error this is
     * @param context the failing statement and the database's codes
     * @param cause the driver's exception
     */
    public ForeignKeyViolationException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }
}
