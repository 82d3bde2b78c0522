package dev.retort.engine;

import dev.retort.DatabaseException;

/**
 * Sees every statement an engine runs: before it runs, after it ran, when it failed, and when
 * its result was closed. Register with {@link Engine#addListener}. Methods are called on the
 * thread running the statement and must be quick and thread-safe; an exception thrown by a
 * listener propagates to the caller.
 *
 * <p>Every {@link #beforeExecute} is followed by exactly one of {@link #afterExecute},
 * {@link #onError} or {@link #onAbort}, so a listener that opens a timer or a tracing span in
 * {@code beforeExecute} can always close it.
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
     * Called when the statement never reached the database because preparing it failed on the
     * Java side, typically because a {@link dev.retort.dialect.ValueCodec} threw while binding a
     * parameter (a value its type cannot convert).
     *
     * @param event the statement
     * @param cause the exception, about to be thrown
     */
    default void onAbort(StatementEvent event, RuntimeException cause) {
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
