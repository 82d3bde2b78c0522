package dev.retort.orm;

import dev.retort.InvalidStateException;

/**
 * The session's last flush failed: its database transaction was rolled back, and the session must
 * be rolled back with {@link Session#rollback()} before it is used again.
 */
public class PendingRollbackException extends InvalidStateException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, with the original error */
    public PendingRollbackException(String message) {
        super(message);
    }
}
