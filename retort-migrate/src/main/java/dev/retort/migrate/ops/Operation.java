package dev.retort.migrate.ops;

import dev.retort.dialect.Dialect;

import java.util.List;
import java.util.Optional;

/** One recorded operation of a revision, rendered and sent to a sink when the plan runs. */
interface Operation {

    /**
     * Renders the operation for the context's dialect and sends its statements to the sink.
     *
     * @param ctx the dialect, its DDL compiler and the sink
     */
    void apply(OperationContext ctx);

    /**
     * Whether running this operation on a dialect may rebuild a table, so that the runner must
     * stop foreign-key enforcement around the revision's transaction.
     *
     * @param dialect the dialect
     * @return {@code true} if a rebuild may happen
     */
    default boolean mayRebuild(Dialect dialect) {
        return false;
    }

    /**
     * The schema changes this operation makes on a dialect, for {@code lint}.
     *
     * @param dialect the dialect
     * @return the changes, in order
     */
    default List<PlannedChange> planned(Dialect dialect) {
        return List.of(PlannedChange.of(ChangeKind.OTHER, null, null, describe()));
    }

    /**
     * Whether this operation cannot run inside a transaction on a dialect (PostgreSQL's CREATE
     * INDEX CONCURRENTLY), so that its revision runs without one.
     *
     * @param dialect the dialect
     * @return {@code true} to run the revision statement by statement
     */
    default boolean needsNoTransaction(Dialect dialect) {
        return false;
    }

    /** @return the operation in words, for messages, e.g. {@code drop column users.nick} */
    String describe();

    /**
     * What data the operation may lose, if it may: dropping a table or column, narrowing a type.
     * {@code upgrade} runs a revision with such operations only when allowed.
     *
     * @return e.g. {@code drops column users.nick and its values}; empty for an operation that keeps every value
     */
    default Optional<String> destructive() {
        return Optional.empty();
    }
}
