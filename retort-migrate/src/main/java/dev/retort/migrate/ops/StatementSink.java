package dev.retort.migrate.ops;

import dev.retort.dialect.Dialect;
import dev.retort.reflect.Inspector;
import dev.retort.sql.Executable;

import java.util.Optional;

/**
 * Where a {@link MigrationPlan} sends its statements: a live connection that runs them, or an
 * offline script that records them. Implemented by the migration runner; applications rarely
 * implement it.
 */
public interface StatementSink {

    /** @return the dialect the statements are rendered for */
    Dialect dialect();

    /**
     * Runs or records one DDL statement rendered by the dialect (never user input).
     *
     * @param sql the statement
     */
    void ddl(String sql);

    /**
     * Runs or records a Core statement with its bound values.
     *
     * @param statement the statement
     */
    void statement(Executable statement);

    /**
     * Runs or records a query whose rows, if any, describe a problem that must stop the migration
     * (SQLite's {@code PRAGMA foreign_key_check} after a table rebuild). Online, rows make it throw
     * an {@link OperationException} that starts with the problem and lists them.
     *
     * @param sql the query, rendered by the dialect
     * @param problem what a row means, e.g. {@code rows refer to rows that do not exist}
     */
    void check(String sql, String problem);

    /**
     * Runs Java code on the migration's connection. Offline sinks refuse it.
     *
     * @param work the code
     * @throws OperationException offline
     */
    void run(DataMigration work);

    /** @return the live schema, read through the migration's connection; empty offline */
    Optional<Inspector> inspector();

    /**
     * Notes something about the statements that follow, for a reader: an offline script writes it
     * as an SQL comment; a connection ignores it.
     *
     * @param text one line
     */
    default void comment(String text) {
    }
}
