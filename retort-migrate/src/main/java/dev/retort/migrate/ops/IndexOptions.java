package dev.retort.migrate.ops;

import java.util.Objects;

/**
 * How an index from {@link Operations#createIndex} is built without blocking writes, per database:
 *
 * <pre>{@code
 * ops.createIndex("ix_orders_customer", "orders", "customer_id").concurrently();   // PostgreSQL
 * ops.createIndex("ix_orders_customer", "orders", "customer_id")
 *    .algorithm(Algorithm.INPLACE).lock(LockMode.NONE);                           // MariaDB, MySQL
 * }</pre>
 *
 * Each setting renders only on the databases that have it and is ignored elsewhere, so one
 * revision serves every database. Not thread-safe; used while a revision records.
 */
public final class IndexOptions {
    private final OnlineSettings settings;

    IndexOptions(OnlineSettings settings) {
        this.settings = settings;
    }

    /**
     * PostgreSQL: {@code CREATE INDEX CONCURRENTLY}, which lets writes continue while the index is
     * built. It cannot run inside a transaction, so the revision that holds it runs without one
     * (statement by statement); a failure leaves an INVALID index to drop before trying again.
     * Put such an index in a revision of its own.
     *
     * @return this
     */
    public IndexOptions concurrently() {
        settings.concurrently = true;
        return this;
    }

    /**
     * MariaDB and MySQL: the {@code ALGORITHM=} clause, so the server refuses rather than copies.
     *
     * @param algorithm e.g. {@link Algorithm#INPLACE}
     * @return this
     */
    public IndexOptions algorithm(Algorithm algorithm) {
        settings.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        return this;
    }

    /**
     * MariaDB and MySQL: the {@code LOCK=} clause, so the server refuses a change that would lock more.
     *
     * @param lock e.g. {@link LockMode#NONE}
     * @return this
     */
    public IndexOptions lock(LockMode lock) {
        settings.lock = Objects.requireNonNull(lock, "lock");
        return this;
    }
}
