package dev.retort;

/**
 * A statement's bind parameters and the values supplied for them do not match: a parameter
 * has no value, or a value names a parameter the statement does not have. The message names
 * the parameter and lists the statement's parameters.
 */
public class ParameterException extends RetortException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the parameter at fault and how to supply it
     */
    public ParameterException(String message) {
        super(message);
    }
}
