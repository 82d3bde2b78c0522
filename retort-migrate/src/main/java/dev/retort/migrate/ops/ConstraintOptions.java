package dev.retort.migrate.ops;

import java.util.Objects;

/**
 * How a foreign key or CHECK constraint from {@link Operations#addForeignKey} or
 * {@link Operations#addCheckConstraint} is added without a long lock:
 *
 * <pre>{@code
 * ops.addForeignKey("fk_orders_customer", "orders", List.of("customer_id"), "customers", List.of("id")).notValid();
 * // in a later revision:
 * ops.validateConstraint("fk_orders_customer", "orders");
 * }</pre>
 *
 * Each setting renders only on the databases that have it and is ignored elsewhere. Not
 * thread-safe; used while a revision records.
 */
public final class ConstraintOptions {
    private final OnlineSettings settings;

    ConstraintOptions(OnlineSettings settings) {
        this.settings = settings;
    }

    /**
     * PostgreSQL: {@code ... NOT VALID}: the constraint holds for new and changed rows at once,
     * and existing rows are not scanned under the lock; check them later with
     * {@link Operations#validateConstraint}, which lets reads and writes continue. Elsewhere the
     * constraint is added and checked at once, and {@code validateConstraint} renders nothing.
     *
     * @return this
     */
    public ConstraintOptions notValid() {
        settings.notValid = true;
        return this;
    }

    /**
     * MariaDB and MySQL: the {@code ALGORITHM=} clause.
     *
     * @param algorithm e.g. {@link Algorithm#INPLACE}
     * @return this
     */
    public ConstraintOptions algorithm(Algorithm algorithm) {
        settings.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        return this;
    }

    /**
     * MariaDB and MySQL: the {@code LOCK=} clause.
     *
     * @param lock e.g. {@link LockMode#NONE}
     * @return this
     */
    public ConstraintOptions lock(LockMode lock) {
        settings.lock = Objects.requireNonNull(lock, "lock");
        return this;
    }
}
