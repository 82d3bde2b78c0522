package dev.retort.migrate.cli;

import dev.retort.migrate.RevisionGraph;
import picocli.CommandLine.Command;

/** {@code heads}: the revisions no revision follows; several while branches are unmerged. Reads no database. */
@Command(name = "heads", description = "List the heads: revisions no revision follows.")
final class HeadsCommand extends MigrateSubcommand {
    @Override
    public Integer call() {
        RevisionGraph graph = migrations(settings()).graph();
        if (graph.heads().isEmpty()) {
            out().println("No revisions yet.");
        }
        for (String id : graph.heads()) {
            out().println(describe(graph.get(id)));
        }
        return MigrateCommand.EXIT_OK;
    }
}
