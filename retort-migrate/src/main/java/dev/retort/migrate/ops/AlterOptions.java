package dev.retort.migrate.ops;

import java.util.Objects;

/**
 * The online-DDL clauses of a column or constraint change ({@link Operations#addColumn},
 * {@link Operations#alterColumn}, {@link Operations#batch}, ...) on MariaDB and MySQL: each ALTER
 * TABLE statement of the change gets {@code , ALGORITHM=...} and {@code , LOCK=...}, so that the
 * server refuses a change it cannot make that way instead of silently copying the table.
 *
 * <pre>{@code
 * ops.addColumn("orders", "note", TEXT).algorithm(Algorithm.INSTANT);
 * }</pre>
 *
 * Other databases render nothing for them. Not thread-safe; used while a revision records.
 */
public final class AlterOptions {
    private final OnlineSettings settings;

    AlterOptions(OnlineSettings settings) {
        this.settings = settings;
    }

    /**
     * MariaDB and MySQL: the {@code ALGORITHM=} clause.
     *
     * @param algorithm e.g. {@link Algorithm#INSTANT}
     * @return this
     */
    public AlterOptions algorithm(Algorithm algorithm) {
        settings.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        return this;
    }

    /**
     * MariaDB and MySQL: the {@code LOCK=} clause.
     *
     * @param lock e.g. {@link LockMode#NONE}
     * @return this
     */
    public AlterOptions lock(LockMode lock) {
        settings.lock = Objects.requireNonNull(lock, "lock");
        return this;
    }
}
