/**
 * Execution: {@link dev.retort.engine.Engine} (a pool of connections to one database),
 * {@link dev.retort.engine.Connection} with transactions and savepoints, and
 * {@link dev.retort.engine.Result} over JDBC. Statements are compiled by the engine's dialect
 * and cached by structure; values are always bound.
 *
 * <p>Depends on {@code dev.retort.sql}, {@code dev.retort.dialect}, HikariCP and SLF4J.
 */
package dev.retort.engine;
