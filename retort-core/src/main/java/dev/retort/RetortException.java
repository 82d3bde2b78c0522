package dev.retort;

/**
 * The root of every exception Retort throws.
 *
 * <p>All Retort exceptions are unchecked. Errors reported by the database are
 * {@link DatabaseException}s, classified by SQLSTATE and vendor code; mistakes in
 * configuration or use of the API have their own subclasses. Messages name the object
 * at fault and say what to do next.
 */
public class RetortException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong and what to do about it
     */
    public RetortException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the exception that caused it.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying exception, kept for its stack trace
     */
    public RetortException(String message, Throwable cause) {
        super(message, cause);
    }
}
