package dev.retort.migrate.cli;

import dev.retort.engine.Engine;
import dev.retort.migrate.MigrationException;
import dev.retort.migrate.Migrations;
import dev.retort.migrate.autogenerate.Autogenerate;
import dev.retort.migrate.autogenerate.SchemaDiff;
import picocli.CommandLine.Command;

import java.util.HashSet;
import java.util.List;

/**
 * {@code check}: whether the database (at the revisions' heads) matches the model; exits with
 * {@link MigrateCommand#EXIT_DIFFERENCES} when it does not, for CI.
 */
@Command(name = "check", description = "Exit non-zero when the model and the database differ (for CI).")
final class CheckCommand extends MigrateSubcommand {
    @Override
    public Integer call() {
        MigrateConfig settings = settings();
        Migrations migrations = migrations(settings);
        SchemaDiff diff;
        try (Engine engine = engine(settings)) {
            List<String> current = migrations.migrator(engine).current();
            List<String> heads = migrations.graph().heads();
            if (!new HashSet<>(current).equals(new HashSet<>(heads))) {
                throw new MigrationException("The database is at " + heads(current) + " but the revisions' heads are "
                        + heads(heads) + ": upgrade it first (retort-migrate upgrade heads). check compares the model "
                        + "with a database that has every revision applied.");
            }
            diff = Autogenerate.compare(settings.model(), engine, settings.autogenerateOptions());
        }
        if (diff.isEmpty()) {
            out().println("No differences between the model and the database.");
        } else {
            out().println("The model and the database differ; write a revision (retort-migrate revision --autogenerate "
                    + "-m ...):");
            for (String line : diff.describe()) {
                out().println("  " + line);
            }
        }
        for (String warning : diff.warnings()) {
            out().println("  warning: " + warning);
        }
        return diff.isEmpty() ? MigrateCommand.EXIT_OK : MigrateCommand.EXIT_DIFFERENCES;
    }
}
