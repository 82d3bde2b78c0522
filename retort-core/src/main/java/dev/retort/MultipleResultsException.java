package dev.retort;

/** A query that had to return at most one row returned more. */
public class MultipleResultsException extends RetortException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which call expected a single row
     */
    public MultipleResultsException(String message) {
        super(message);
    }
}
