package dev.retort.migrate.cli;

import dev.retort.engine.Engine;
import dev.retort.migrate.Migrations;
import dev.retort.migrate.Revision;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Optional;

/** {@code current}: the revisions the database has applied, as its version table says. */
@Command(name = "current", description = "Show the revisions the database has applied.")
final class CurrentCommand extends MigrateSubcommand {
    @Override
    public Integer call() {
        MigrateConfig settings = settings();
        Migrations migrations = migrations(settings);
        List<String> current;
        try (Engine engine = engine(settings)) {
            current = migrations.migrator(engine).current();
        }
        if (current.isEmpty()) {
            out().println("base (no revision applied)");
        }
        List<String> heads = migrations.graph().heads();
        for (String id : current) {
            Optional<Revision> r = migrations.graph().find(id);
            out().println(r.map(MigrateSubcommand::describe).orElse(id + " (not among the revisions: the database was "
                    + "migrated by other code)") + (heads.contains(id) ? " (head)" : ""));
        }
        return MigrateCommand.EXIT_OK;
    }
}
