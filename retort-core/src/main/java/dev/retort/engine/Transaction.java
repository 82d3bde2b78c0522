package dev.retort.engine;

/**
 * A transaction or a savepoint on a {@link Connection}, from {@link Connection#begin()} or
 * {@link Connection#beginNested()}. Closing one that is still active rolls it back, so
 * try-with-resources never leaves work half-done:
 *
 * <pre>{@code
 * try (Transaction tx = conn.begin()) {
 *     conn.execute(...);
 *     tx.commit();
 * }
 * }</pre>
 *
 * Committing a savepoint releases it; rolling it back undoes the work since it began and
 * leaves the enclosing transaction going. Ending a transaction also ends every savepoint begun
 * inside it. Not thread-safe, like its connection.
 */
public interface Transaction extends AutoCloseable {

    /** Commits the transaction, or releases the savepoint. */
    void commit();

    /** Rolls the transaction back, or rolls back to the savepoint. */
    void rollback();

    /** @return whether the transaction is still in progress */
    boolean isActive();

    /** @return whether this is a savepoint inside another transaction */
    boolean isNested();

    /** Rolls back if still active; otherwise does nothing. */
    @Override
    void close();
}
