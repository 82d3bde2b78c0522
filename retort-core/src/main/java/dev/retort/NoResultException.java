package dev.retort;

/** A query that had to return exactly one row returned none. */
public class NoResultException extends RetortException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which call expected a row
     */
    public NoResultException(String message) {
        super(message);
    }
}
