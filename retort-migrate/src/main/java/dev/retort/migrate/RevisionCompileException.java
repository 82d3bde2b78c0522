package dev.retort.migrate;

import java.util.List;

/**
 * Revision source files did not compile. The message lists each error as {@code file:line: message};
 * nothing was run. Fix the files, or move an unfinished one out of the migrations package.
 */
public class RevisionCompileException extends MigrationException {
    private static final long serialVersionUID = 1L;
    /** Each error, as {@code file:line: message}. */
    private final List<String> errors;

    /**
     * Creates the exception.
     *
     * @param errors each error, as {@code file:line: message}
     * @param message what failed and what to do
     */
    public RevisionCompileException(List<String> errors, String message) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    /** @return each error, as {@code file:line: message} */
    public List<String> errors() {
        return errors;
    }
}
