package dev.retort.migrate;

import dev.retort.migrate.ops.StatementSink;

import java.util.List;

/**
 * A statement sink that also brackets each revision: a transaction on a live connection where
 * DDL is transactional, BEGIN/COMMIT lines in an offline script.
 */
interface MigrationSink extends StatementSink {

    /** @return whether this sink runs statements on a connection (rather than writing a script) */
    boolean online();

    /**
     * Starts a revision: its transaction where DDL is transactional and the revision may have one;
     * starts counting its statements.
     *
     * @param transaction {@code false} for a revision that must run without a transaction
     */
    void begin(boolean transaction);

    /**
     * Starts a transaction for the version-table change of a revision that runs without one (a
     * concurrent index on PostgreSQL; every revision on MariaDB and MySQL, whose DDL commits by
     * itself), so that the change (several statements for a merge or a branch point) applies whole
     * or not at all; the revision's statements so far stay counted. Does nothing inside a
     * transaction.
     */
    void beginVersionChange();

    /** Commits the revision's transaction, if one was begun. */
    void commit();

    /** Rolls the revision's transaction back, if one is active. */
    void rollback();

    /** @return the statements sent since {@link #begin(boolean)}, as SQL */
    List<String> sinceBegin();

    /**
     * Notes what comes next (a comment in a script).
     *
     * @param text one line
     */
    void note(String text);
}
