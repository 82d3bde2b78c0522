/**
 * Write a database test once, run it on every database: annotate it {@link dev.retort.testkit.EachDatabase}
 * and take a {@link dev.retort.testkit.TestDatabase} parameter. Server URLs come from
 * {@code RETORT_TEST_POSTGRESQL_URL} and {@code RETORT_TEST_MARIADB_URL} (defaults: the local
 * servers); {@code RETORT_TEST_DATABASES} limits the runs (e.g. {@code sqlite-memory,postgresql}).
 * An unreachable server skips its runs loudly, or fails them when {@code CI=true}.
 * {@link dev.retort.testkit.Chinook} loads the shared Chinook sample database into a run's database.
 *
 * <p>Depends on Retort Core's public API and JUnit Jupiter.
 */
package dev.retort.testkit;
