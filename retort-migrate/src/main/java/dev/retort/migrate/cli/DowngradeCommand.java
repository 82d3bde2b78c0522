package dev.retort.migrate.cli;

import dev.retort.engine.Engine;
import dev.retort.migrate.Migrations;
import dev.retort.migrate.Migrator;
import dev.retort.migrate.Revision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code downgrade}: undoes revisions down to a target, or prints their SQL ({@code --sql}). */
@Command(name = "downgrade", description = "Undo revisions down to a target: a revision id (which stays applied), -n or base.")
final class DowngradeCommand extends MigrateSubcommand {
    @Parameters(paramLabel = "TARGET", description = "A revision id, -n or base; with --sql, FROM:TO.")
    String target;

    @Mixin
    OfflineOptions offline = new OfflineOptions();

    @Override
    public Integer call() {
        MigrateConfig settings = settings();
        Migrations migrations = migrations(settings);
        if (offline.sql) {
            OfflineRange range = OfflineRange.parse(target, "downgrade", "--sql", true);
            out().print(migrations.downgradeScript(OfflineRange.dialect(offline.dialect, settings), range.from(), range.to()).sql());
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
