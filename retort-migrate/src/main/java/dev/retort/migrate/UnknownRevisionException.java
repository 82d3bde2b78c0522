package dev.retort.migrate;

/** A target or the version table names a revision id that is not in the graph. */
public class UnknownRevisionException extends MigrationException {
    private static final long serialVersionUID = 1L;
    /** The id that names no revision. */
    private final String revision;

    /**
     * Creates the exception.
     *
     * @param revision the unknown id
     * @param message where it was named, the known ids, and what to do
     */
    public UnknownRevisionException(String revision, String message) {
        super(message);
        this.revision = revision;
    }

    /** @return the id that names no revision */
    public String revision() {
        return revision;
    }
}
