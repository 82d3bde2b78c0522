package dev.retort;

/**
 * A row would have duplicated a primary key or unique constraint.
 */
public class UniqueViolationException extends IntegrityViolationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what kind of error this is
     * @param context the failing statement and the database's codes
     * @param cause the driver's exception
     */
    public UniqueViolationException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }
}
