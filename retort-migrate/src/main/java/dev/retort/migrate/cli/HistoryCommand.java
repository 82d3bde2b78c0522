package dev.retort.migrate.cli;

import dev.retort.migrate.Revision;
import dev.retort.migrate.RevisionGraph;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code history}: every revision, newest first, as {@code parents -> id}, marking heads, branch
 * points (revisions several revisions follow) and merge points; reads no database.
 */
@Command(name = "history", description = "List the revisions, newest first, with heads, branch points and merge points.")
final class HistoryCommand extends MigrateSubcommand {
    @Override
    public Integer call() {
        RevisionGraph graph = migrations(settings()).graph();
        Map<String, Integer> children = new HashMap<>();
        for (Revision r : graph.revisions()) {
            for (String p : r.revises()) {
                children.merge(p, 1, Integer::sum);
            }
        }
        List<Revision> newestFirst = new ArrayList<>(graph.revisions());
        Collections.reverse(newestFirst);
        if (newestFirst.isEmpty()) {
            out().println("No revisions yet.");
        }
        for (Revision r : newestFirst) {
            StringBuilder line = new StringBuilder(heads(r.revises())).append(" -> ").append(r.id());
            if (graph.heads().contains(r.id())) {
                line.append(" (head)");
            }
            if (children.getOrDefault(r.id(), 0) > 1) {
                line.append(" (branchpoint)");
            }
            if (r.isMerge()) {
                line.append(" (mergepoint)");
            }
            if (!r.message().isEmpty()) {
                line.append(", ").append(r.message());
            }
            out().println(line);
        }
        return MigrateCommand.EXIT_OK;
    }
}
