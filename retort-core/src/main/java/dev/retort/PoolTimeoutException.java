package dev.retort;

/**
 * No pooled connection became free within the engine's maximum wait. Usually a sign of
 * connections or results that are never closed, or of a pool too small for the load.
 */
public class PoolTimeoutException extends RetortException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the pool's state and what to do about it
     * @param cause the pool's own exception
     */
    public PoolTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
