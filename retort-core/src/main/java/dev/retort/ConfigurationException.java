package dev.retort;

/**
 * A configuration mistake: a malformed database URL, an unknown scheme, a missing JDBC
 * driver or an invalid engine option. Thrown when the configuration is built, before any
 * statement runs. Messages show URLs with the password masked.
 */
public class ConfigurationException extends RetortException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and how to fix it
     */
    public ConfigurationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong and how to fix it
     * @param cause the underlying exception
     */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
