package dev.retort.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The number of SQL statements (round trips) the last operation of a benchmark sent, as JMH's
 * secondary metric {@code statements}: each benchmark sets it after each operation, with its own
 * library's counter (a Retort statement listener, a Hibernate statement inspector, a jOOQ execute
 * listener, or its own count for raw JDBC). JMH adds an events counter up over the iterations, so
 * its score is the per-operation value times the iteration count; the value is the same for every
 * operation, and the report reads it from the iterations' median instead.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class StatementCount {
    /** Statements sent by the last operation. */
    public long statements;
}
