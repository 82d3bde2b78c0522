package dev.retort.engine;

import dev.retort.DatabaseException;

/**
 * Sees every statement an engine runs: before it runs, after it ran, when it failed, and when
 * its result was closed. Register with {@link Engine#addListener}. Methods are called on the
 * thread running the statement and must be quick and thread-safe; an exception thrown by a
 * listener propagates to the caller.
 */
public interface StatementListener {

    /**
     * Called before the statement is sent.
     *
     * @param event the statement
     */
    default void beforeExecute(StatementEvent event) {
    }

    /**
     * Called after the statement ran.
     *
     * @param event the statement
     * @param outcome how long it took and how many rows it changed
     */
    default void afterExecute(StatementEvent event, StatementOutcome outcome) {
    }

    /**
     * Called when the statement failed.
     *
     * @param event the statement
     * @param error the classified error, about to be thrown
     */
    default void onError(StatementEvent event, DatabaseException error) {
    }

    /**
     * Called when the result of a query is closed.
     *
     * @param event the statement
     * @param rowsFetched how many rows were read from it
     */
    default void resultClosed(StatementEvent event, long rowsFetched) {
    }
}
