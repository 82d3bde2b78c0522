package dev.retort.migrate.cli;

import dev.retort.engine.Engine;
import dev.retort.migrate.Migrations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code stamp}: writes a target into the version table without running any revision. */
@Command(name = "stamp", description = "Record a target in the version table without running anything.")
final class StampCommand extends MigrateSubcommand {
    @Parameters(paramLabel = "TARGET", description = "head, heads, a revision id or base.")
    String target;

    @Override
    public Integer call() {
        MigrateConfig settings = settings();
        Migrations migrations = migrations(settings);
        try (Engine engine = engine(settings)) {
            List<String> now = migrations.migrator(engine).stamp(target);
            out().println("Stamped the database at " + heads(now) + ".");
        }
        return MigrateCommand.EXIT_OK;
    }
}
