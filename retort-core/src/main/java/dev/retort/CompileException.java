package dev.retort;

/**
 * A statement cannot be rendered for the target dialect: a construct the database lacks, or a
 * malformed SQL text. Thrown when the statement is compiled, before anything is sent to the
 * database. The message names the construct, the dialect and the alternative.
 */
public class CompileException extends RetortException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the construct at fault, the dialect, and what to do instead
     */
    public CompileException(String message) {
        super(message);
    }
}
