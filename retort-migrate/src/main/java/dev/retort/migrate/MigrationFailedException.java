package dev.retort.migrate;

import java.util.List;

/**
 * A revision failed while it ran. Where DDL is transactional (PostgreSQL, SQLite) its transaction
 * was rolled back and the version table still names the revisions applied before it. Where it is
 * not (MariaDB) the statements it ran before the failure stay applied: they are listed, and the
 * version table names the last revision that fully applied, so what is listed may need repair by
 * hand before running the command again.
 */
public class MigrationFailedException extends MigrationException {
    private static final long serialVersionUID = 1L;
    /** The id of the revision that failed. */
    private final String revision;
    /** The heads the version table names after the failure. */
    private final List<String> current;
    /** The failed revision's statements that stayed applied. */
    private final List<String> appliedStatements;

    /**
     * Creates the exception.
     *
     * @param revision the id of the revision that failed
     * @param current the heads the version table names after the failure
     * @param appliedStatements statements of the failed revision that stayed applied (empty when it rolled back)
     * @param message what failed and what to do
     * @param cause the error
     */
    public MigrationFailedException(String revision, List<String> current, List<String> appliedStatements,
                                    String message, Throwable cause) {
        super(message, cause);
        this.revision = revision;
        this.current = List.copyOf(current);
        this.appliedStatements = List.copyOf(appliedStatements);
    }

    /** @return the id of the revision that failed */
    public String revision() {
        return revision;
    }

    /** @return the heads the version table names now: the last revisions that fully applied */
    public List<String> current() {
        return current;
    }

    /** @return the failed revision's statements that were not rolled back (MariaDB); empty otherwise */
    public List<String> appliedStatements() {
        return appliedStatements;
    }
}
