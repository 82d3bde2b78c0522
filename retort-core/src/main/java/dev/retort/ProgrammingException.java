package dev.retort;

/**
 * The statement itself is wrong: a syntax error, an unknown table or column, or a missing privilege (SQLSTATE class 42).
 */
public class ProgrammingException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what kind of error this is
     * @param context the failing statement and the database's codes
     * @param cause the driver's exception
     */
    public ProgrammingException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }
}
