package dev.retort;

/**
 * A statement broke an integrity constraint (SQLSTATE class 23). Nothing of the failing statement was written; the subclasses say which kind of constraint it was.
 */
public class IntegrityViolationException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what kind of error this is
     * @param context the failing statement and the database's codes
     * @param cause the driver's exception
     */
    public IntegrityViolationException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }
}
