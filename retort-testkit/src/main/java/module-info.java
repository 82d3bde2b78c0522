/**
 * Retort Testkit: a JUnit 5 extension that runs a test once per database (SQLite in memory and
 * in a file, PostgreSQL, MariaDB), each run in its own scratch database or schema.
 */
module dev.retort.testkit {
    requires transitive dev.retort.core;
    requires transitive org.junit.jupiter.api;

    exports dev.retort.testkit;
}
