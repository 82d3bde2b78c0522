package dev.retort.migrate.ops;

import dev.retort.RetortException;

/**
 * An operation of a revision cannot be carried out as asked: a constraint to drop does not exist,
 * offline mode lacks what the database would have told (a table's current definition), a bulk
 * insert's rows disagree, or a table rebuild left rows whose foreign keys point nowhere. The
 * message names the table, column or constraint and says what to do.
 */
public class OperationException extends RetortException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what cannot be done, where, and what to do instead
     */
    public OperationException(String message) {
        super(message);
    }
}
