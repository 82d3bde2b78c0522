package dev.retort.migrate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Works out which revisions a command applies or undoes, in order, from the heads a database has
 * applied and the target; and what the version table says after each. Pure: the same answer
 * online and offline.
 */
final class Planner {
    private final RevisionGraph graph;

    Planner(RevisionGraph graph) {
        this.graph = graph;
    }

    /** Refuses heads the graph does not know: the database is newer than the code, or the ids changed. */
    void checkKnown(Collection<String> current, String where) {
        for (String id : current) {
            if (graph.find(id).isEmpty()) {
                throw new UnknownRevisionException(id, where + " names revision " + id + ", which is not among the "
                        + "revisions " + RevisionGraph.abbreviate(graph.revisions().stream().map(Revision::id).toList())
                        + ". The database may have been migrated by newer code; run that code, or stamp the "
                        + "database with a revision this code has.");
            }
        }
    }

    List<Step> upgrade(List<String> current, Target target) {
        checkKnown(current, "The version table");
        Set<String> applied = graph.lineage(current);
        List<String> pending;
        switch (target.kind()) {
            case HEAD -> pending = pendingTowards(List.of(singleHead("upgrade head")), applied);
            case HEADS -> pending = pendingTowards(graph.heads(), applied);
            case REVISION -> pending = pendingTowards(List.of(graph.get(target.revision()).id()), applied);
            case RELATIVE -> {
                if (target.steps() < 0) {
                    throw new MigrationException("upgrade " + target + " goes backwards; use downgrade " + target + ".");
                }
                List<String> all = pendingTowards(List.of(singleHead("upgrade " + target)), applied);
                if (all.size() < target.steps()) {
                    throw new MigrationException("Cannot upgrade " + target + ": only " + all.size()
                            + " revision(s) are not applied yet " + all + ". Use upgrade head.");
                }
                pending = all.subList(0, target.steps());
            }
            default -> throw new MigrationException("upgrade goes to head, heads, a revision id or +n, not " + target
                    + "; to undo every revision use downgrade base.");
        }
        List<Revision> revisions = new ArrayList<>();
        for (String id : pending) {
            revisions.add(graph.get(id));
        }
        return simulate(current, revisions, true);
    }

    List<Step> downgrade(List<String> current, Target target) {
        checkKnown(current, "The version table");
        Set<String> applied = graph.lineage(current);
        List<String> undo;
        switch (target.kind()) {
            case BASE -> undo = graph.inUpgradeOrder(applied);
            case REVISION -> {
                String id = graph.get(target.revision()).id();
                if (!applied.contains(id)) {
                    throw new MigrationException("Cannot downgrade to " + id + ": it is not applied; the database is at "
                            + current + ". Downgrade to an applied revision, -n or base, or upgrade to " + id + ".");
                }
                Set<String> after = graph.descendants(id);
                after.retainAll(applied);
                undo = graph.inUpgradeOrder(after);
            }
            case RELATIVE -> {
                if (target.steps() > 0) {
                    throw new MigrationException("downgrade " + target + " goes forwards; use upgrade " + target + ".");
                }
                if (current.size() > 1) {
                    throw new MultipleHeadsException(current, "downgrade " + target + " is ambiguous: the database has "
                            + "applied " + current.size() + " heads " + current + ". Downgrade to a revision id instead.");
                }
                List<String> all = graph.inUpgradeOrder(applied);
                int n = -target.steps();
                if (all.size() < n) {
                    throw new MigrationException("Cannot downgrade " + target + ": only " + all.size()
                            + " revision(s) are applied " + all + ". Use downgrade base.");
                }
                undo = all.subList(all.size() - n, all.size());
            }
            default -> throw new MigrationException("downgrade goes to a revision id, -n or base, not " + target + ".");
        }
        List<Revision> revisions = new ArrayList<>();
        for (int i = undo.size() - 1; i >= 0; i--) {
            revisions.add(graph.get(undo.get(i)));
        }
        return simulate(current, revisions, false);
    }

    /** The heads the version table names after {@code stamp target}. */
    List<String> stamp(Target target) {
        return switch (target.kind()) {
            case BASE -> List.of();
            case HEAD -> List.of(singleHead("stamp head"));
            case HEADS -> graph.heads();
            case REVISION -> List.of(graph.get(target.revision()).id());
            default -> throw new MigrationException("stamp takes head, heads, base or a revision id, not " + target + ".");
        };
    }

    private String singleHead(String command) {
        List<String> heads = graph.heads();
        if (heads.isEmpty()) {
            throw new MigrationException(command + ": there are no revisions. Write a first revision (revising nothing).");
        }
        if (heads.size() > 1) {
            StringBuilder named = new StringBuilder();
            for (String h : heads) {
                named.append(named.length() == 0 ? "" : ", ").append(graph.get(h));
            }
            throw new MultipleHeadsException(heads, command + " is ambiguous: the revisions have " + heads.size()
                    + " heads, " + named + ", branches that no merge revision joins. Write a merge revision that revises "
                    + String.join(" and ", heads) + ", or name one of them as the target (or 'heads' for all).");
        }
        return heads.get(0);
    }

    private List<String> pendingTowards(List<String> targets, Set<String> applied) {
        Set<String> needed = graph.lineage(targets);
        needed.removeAll(applied);
        return graph.inUpgradeOrder(needed);
    }

    /** The steps for revisions applied or undone in order, tracking the heads as they change. */
    private List<Step> simulate(List<String> current, List<Revision> revisions, boolean upgrade) {
        Set<String> heads = new LinkedHashSet<>(current);
        List<Step> steps = new ArrayList<>();
        for (Revision r : revisions) {
            List<String> before = graph.inUpgradeOrder(heads);
            if (upgrade) {
                r.revises().forEach(heads::remove);
                heads.add(r.id());
            } else {
                heads.remove(r.id());
                for (String p : r.revises()) {
                    if (!graph.lineage(heads).contains(p)) {
                        heads.add(p);
                    }
                }
            }
            steps.add(new Step(r, upgrade, before, graph.inUpgradeOrder(heads)));
        }
        return steps;
    }
}
