package dev.retort;

/**
 * An object was used in a state that does not allow the call: a closed connection, a
 * result that was already consumed, a transaction that already ended, or a transaction
 * begun while another is in progress. The message names the object and the way out.
 */
public class InvalidStateException extends RetortException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was misused and what to do instead
     */
    public InvalidStateException(String message) {
        super(message);
    }
}
