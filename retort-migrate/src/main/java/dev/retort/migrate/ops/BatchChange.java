package dev.retort.migrate.ops;

import dev.retort.dialect.Dialect;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One change to an existing table, which a database makes either with ALTER TABLE
 * ({@link #alter}) or, where ALTER TABLE cannot, as part of a rebuild of the table
 * ({@link #applyTo}). Column and constraint operations are all batch changes; outside
 * {@code ops.batch(...)} each runs as a batch of one.
 */
interface BatchChange {

    /**
     * Whether the dialect's ALTER TABLE can make this change.
     *
     * @param dialect the dialect
     * @param current the table's current shape, read only when the answer depends on it (empty offline)
     * @return {@code true} to alter in place
     */
    boolean alterable(Dialect dialect, Supplier<Optional<TableShape>> current);

    /**
     * Whether the change may need a rebuild on a dialect, from its capabilities alone.
     *
     * @param dialect the dialect
     * @return {@code true} if a rebuild is possible
     */
    boolean mayNeedRebuild(Dialect dialect);

    /**
     * Makes the change with ALTER TABLE statements.
     *
     * @param ctx the context
     * @param schema the table's schema, or {@code null}
     * @param table the table
     */
    void alter(OperationContext ctx, String schema, String table);

    /**
     * Makes the change to a table's shape, for a rebuild.
     *
     * @param shape the shape, changed in place
     */
    void applyTo(TableShape shape);

    /**
     * The change in words.
     *
     * @param table the table
     * @return e.g. {@code drop column users.nick}
     */
    String describe(String table);

    /**
     * The schema changes this makes, for {@code lint}.
     *
     * @param table the table
     * @return the changes
     */
    List<PlannedChange> planned(String table);

    /**
     * Whether the statement this change renders is an ADD CONSTRAINT that may be added NOT VALID
     * (a foreign key or a CHECK constraint).
     *
     * @return {@code true} for those
     */
    default boolean validatesRows() {
        return false;
    }

    /**
     * What data the change may lose, if it may.
     *
     * @param table the table
     * @return e.g. {@code drops column users.nick and its values}; empty if it keeps every value
     */
    default Optional<String> destructive(String table) {
        return Optional.empty();
    }
}
