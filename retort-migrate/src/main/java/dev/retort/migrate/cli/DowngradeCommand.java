package dev.retort.migrate.cli;

import dev.retort.engine.Engine;
import dev.retort.migrate.Migrations;
import dev.retort.migrate.Migrator;
import dev.retort.migrate.Revision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code downgrade}: undoes revisions down to a target, or prints their SQL ({@code --sql}). */
@Command(name = "downgrade", description = "Undo revisions down to a target: a revision id (which stays applied), -n or base.")
final class DowngradeCommand extends MigrateSubcommand {
    @Parameters(paramLabel = "TARGET", description = "A revision id, -n or base; with --sql, FROM:TO.")
    String target;

    @Option(names = "--sql", description = "Print the SQL script instead of running it; no connection is made.")
    boolean sql;

    @Option(names = "--dialect", paramLabel = "SCHEME",
            description = "With --sql: the database to render for (sqlite, postgresql, mariadb, mysql), instead of the URL's.")
    String dialect;

    @Override
    public Integer call() {
        MigrateConfig settings = settings();
        Migrations migrations = migrations(settings);
        if (sql) {
            OfflineRange range = OfflineRange.parse(target, "downgrade", true);
            out().print(migrations.downgradeScript(OfflineRange.dialect(dialect, settings), range.from(), range.to()).sql());
            out().flush();
            return MigrateCommand.EXIT_OK;
        }
        try (Engine engine = engine(settings)) {
            Migrator migrator = migrations.migrator(engine);
            List<Revision> undone = migrator.downgrade(target);
            if (undone.isEmpty()) {
                out().println("Nothing to downgrade: the database is at " + heads(migrator.current()) + ".");
            }
            for (Revision r : undone) {
                out().println("Undid " + describe(r));
            }
        }
        return MigrateCommand.EXIT_OK;
    }
}
