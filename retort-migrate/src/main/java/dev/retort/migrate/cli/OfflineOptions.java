package dev.retort.migrate.cli;

import picocli.CommandLine.Option;

/** The offline-mode options {@code upgrade} and {@code downgrade} share (a picocli mixin). */
final class OfflineOptions {
    @Option(names = "--sql", description = "Print the SQL script instead of running it; no connection is made.")
    boolean sql;

    @Option(names = "--dialect", paramLabel = "SCHEME",
            description = "With --sql: the database to render for (sqlite, postgresql, mariadb, mysql), instead of the URL's.")
    String dialect;
}
