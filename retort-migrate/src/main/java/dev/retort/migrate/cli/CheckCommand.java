package dev.retort.migrate.cli;

import dev.retort.engine.Engine;
import dev.retort.migrate.MigrationException;
import dev.retort.migrate.Migrations;
import dev.retort.migrate.autogenerate.Autogenerate;
import dev.retort.migrate.autogenerate.FromScratch;
import dev.retort.migrate.autogenerate.SchemaDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.HashSet;
import java.util.List;

/**
 * {@code check}: whether the database (at the revisions' heads) matches the model or, with
 * {@code --from-scratch}, whether the migrations alone build the model on a fresh scratch
 * database; exits with {@link MigrateCommand#EXIT_DIFFERENCES} when they differ, for CI.
 */
@Command(name = "check", description = "Exit non-zero when the model and the database differ (for CI).")
final class CheckCommand extends MigrateSubcommand {
    @Option(names = "--from-scratch",
            description = "Build a fresh scratch database from the migrations alone (a temporary SQLite file, or a new "
                    + "database on the configured server, dropped afterwards) and compare it with the model.")
    boolean fromScratch;

    @Override
    public Integer call() {
        MigrateConfig settings = settings();
        Migrations migrations = migrations(settings);
        SchemaDiff diff;
        if (fromScratch) {
            FromScratch.Result r = FromScratch.check(migrations, settings.url(), settings.model(),
                    settings.autogenerateOptions());
            out().println("Built scratch database " + r.scratchDatabase() + " from the migrations (removed).");
            return report(r.diff(), "the schema the migrations build");
        }
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
        return report(diff, "the database");
    }

    private int report(SchemaDiff diff, String what) {
        if (diff.isEmpty()) {
            out().println("No differences between the model and " + what + ".");
        } else {
            out().println("The model and " + what + " differ; write a revision (retort-migrate revision --autogenerate "
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
