package dev.retort.migrate.cli;

import dev.retort.engine.Engine;
import dev.retort.migrate.Migrations;
import dev.retort.migrate.Migrator;
import dev.retort.migrate.Revision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code upgrade}: applies revisions up to a target, or prints their SQL ({@code --sql}). */
@Command(name = "upgrade", description = "Apply revisions up to a target: head, heads, a revision id or +n.")
final class UpgradeCommand extends MigrateSubcommand {
    @Parameters(paramLabel = "TARGET", description = "head, heads, a revision id, +n; with --sql, optionally FROM:TO.")
    String target;

    @Mixin
    OfflineOptions offline = new OfflineOptions();

    @Option(names = "--allow-destructive",
            description = "Run revisions that may lose data (dropped tables or columns, narrowed types).")
    boolean allowDestructive;

    @Override
    public Integer call() {
        MigrateConfig settings = settings();
        Migrations migrations = migrations(settings);
        if (offline.sql) {
            OfflineRange range = OfflineRange.parse(target, "upgrade", "--sql", false);
            out().print(migrations.upgradeScript(OfflineRange.dialect(offline.dialect, settings), range.from(), range.to()).sql());
            out().flush();
            return MigrateCommand.EXIT_OK;
        }
        try (Engine engine = engine(settings)) {
            Migrator migrator = migrations.migrator(engine).allowDestructive(allowDestructive);
            List<Revision> applied = migrator.upgrade(target);
            if (applied.isEmpty()) {
                out().println("Nothing to upgrade: the database is at " + heads(migrator.current()) + ".");
            }
            for (Revision r : applied) {
                out().println("Applied " + describe(r));
            }
        }
        return MigrateCommand.EXIT_OK;
    }
}
