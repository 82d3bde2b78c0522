package dev.retort.engine;

/**
 * What happened when a statement ran.
 *
 * @param durationNanos how long the execution took, in nanoseconds (for a query, until its
 *                      first rows were available)
 * @param rowCount rows inserted, updated or deleted, or -1 for a query or when the driver does
 *                 not say
 */
public record StatementOutcome(long durationNanos, long rowCount) {
}
