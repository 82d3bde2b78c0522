/**
 * The operations a revision performs: {@link dev.retort.migrate.ops.Operations} records them
 * (create and drop tables, add, drop and alter columns, indexes, constraints, raw SQL, bulk
 * inserts, data migrations), and {@link dev.retort.migrate.ops.MigrationPlan} renders them for one
 * dialect and sends the statements to a {@link dev.retort.migrate.ops.StatementSink}: a connection
 * online, a script offline. Where SQLite's ALTER TABLE cannot make a change, the table is rebuilt
 * (batch mode).
 *
 * <p>Depends on Retort Core's public API only; never on {@code dev.retort.migrate} itself.
 */
package dev.retort.migrate.ops;
