package dev.retort.migrate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The revisions of a schema and how they follow each other: a linear history, branches (two
 * revisions revising the same one) and merges (one revision revising several). Bases revise
 * nothing; heads are revised by nothing. Built once and checked when built: duplicate ids,
 * parents no revision has, and cycles are refused with a {@link RevisionGraphException}.
 *
 * <p>{@link #revisions()} lists them in upgrade order: each after all it revises, ties broken by
 * id. Immutable and thread-safe.
 */
public final class RevisionGraph {
    private static final int MAX_IDS_IN_MESSAGE = 30;

    private final Map<String, Revision> byId = new LinkedHashMap<>();
    private final Map<String, Integer> position = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();
    private final List<Revision> ordered;
    private final List<String> heads;
    private final List<String> bases;

    private RevisionGraph(Collection<? extends Revision> revisions) {
        Map<String, Revision> all = new HashMap<>();
        for (Revision r : revisions) {
            Objects.requireNonNull(r, "revision");
            Revision previous = all.putIfAbsent(r.id(), r);
            if (previous != null) {
                throw new RevisionGraphException("Two revisions have the id " + r.id() + ": " + previous.getClass().getName()
                        + " and " + r.getClass().getName() + ". Give one of them another id (and update the revisions "
                        + "that revise it).");
            }
        }
        for (Revision r : all.values()) {
            children.putIfAbsent(r.id(), new ArrayList<>());
            for (String p : r.revises()) {
                if (!all.containsKey(p)) {
                    throw new UnknownParentException(r, p, all.keySet());
                }
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(r.id());
            }
        }
        this.ordered = sort(all);
        for (int i = 0; i < ordered.size(); i++) {
            byId.put(ordered.get(i).id(), ordered.get(i));
            position.put(ordered.get(i).id(), i);
        }
        List<String> h = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (Revision r : ordered) {
            if (children.get(r.id()).isEmpty()) {
                h.add(r.id());
            }
            if (r.isBase()) {
                b.add(r.id());
            }
        }
        this.heads = List.copyOf(h);
        this.bases = List.copyOf(b);
    }

    /** The message of a parent that no revision has. */
    private static final class UnknownParentException extends RevisionGraphException {
        private static final long serialVersionUID = 1L;

        UnknownParentException(Revision r, String parent, Collection<String> known) {
            super("Revision " + r.id() + " (" + r.getClass().getName() + ") revises " + parent
                    + ", which no revision has; the revisions are " + abbreviate(known.stream().sorted().toList())
                    + ". Fix the id, or add the missing revision.");
        }
    }

    /**
     * A graph of the given revisions.
     *
     * @param revisions the revisions, in any order
     * @return the graph
     * @throws RevisionGraphException for duplicate ids, unknown parents or a cycle
     */
    public static RevisionGraph of(Revision... revisions) {
        return new RevisionGraph(List.of(revisions));
    }

    /**
     * A graph of the given revisions.
     *
     * @param revisions the revisions, in any order
     * @return the graph
     * @throws RevisionGraphException for duplicate ids, unknown parents or a cycle
     */
    public static RevisionGraph of(Collection<? extends Revision> revisions) {
        return new RevisionGraph(revisions);
    }

    /**
     * A graph of the concrete {@link Revision} subclasses in a package and its sub-packages, found
     * on the class path of the thread's context class loader and made with their no-argument
     * constructors.
     *
     * @param packageName e.g. {@code com.example.migrations}
     * @return the graph
     * @throws RevisionGraphException if a class cannot be made, or the revisions do not form a graph
     */
    public static RevisionGraph scan(String packageName) {
        return of(RevisionScanner.scan(packageName, Thread.currentThread().getContextClassLoader()));
    }

    /**
     * Like {@link #scan(String)}, with a given class loader.
     *
     * @param packageName the package
     * @param loader where to look for classes
     * @return the graph
     */
    public static RevisionGraph scan(String packageName, ClassLoader loader) {
        return of(RevisionScanner.scan(packageName, loader));
    }

    /** Kahn's algorithm, smallest id first; what is left over lies on a cycle. */
    private List<Revision> sort(Map<String, Revision> all) {
        Map<String, Integer> waiting = new HashMap<>();
        PriorityQueue<String> ready = new PriorityQueue<>();
        for (Revision r : all.values()) {
            waiting.put(r.id(), r.revises().size());
            if (r.isBase()) {
                ready.add(r.id());
            }
        }
        List<Revision> out = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            out.add(all.get(id));
            for (String child : children.get(id)) {
                if (waiting.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        if (out.size() < all.size()) {
            throw new RevisionGraphException("The revisions form a cycle: " + String.join(" -> ", cycle(all, waiting))
                    + " (each revises the one after it). A revision must revise only revisions made before it; "
                    + "fix the ids they revise.");
        }
        return Collections.unmodifiableList(out);
    }

    /** One cycle among the revisions Kahn's algorithm could not place, child to parent. */
    private static List<String> cycle(Map<String, Revision> all, Map<String, Integer> waiting) {
        String start = waiting.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).sorted()
                .findFirst().orElseThrow();
        List<String> path = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String at = start;
        while (!seen.containsKey(at)) {
            seen.put(at, path.size());
            path.add(at);
            String current = at;
            at = all.get(current).revises().stream().filter(p -> waiting.get(p) > 0).sorted().findFirst().orElseThrow();
        }
        List<String> loop = new ArrayList<>(path.subList(seen.get(at), path.size()));
        loop.add(at);
        return loop;
    }

    static String abbreviate(List<String> ids) {
        if (ids.size() <= MAX_IDS_IN_MESSAGE) {
            return ids.toString();
        }
        return ids.subList(0, MAX_IDS_IN_MESSAGE) + " and " + (ids.size() - MAX_IDS_IN_MESSAGE) + " more";
    }

    /** @return the revisions in upgrade order: each after all it revises */
    public List<Revision> revisions() {
        return ordered;
    }

    /** @return whether the graph has no revisions */
    public boolean isEmpty() {
        return ordered.isEmpty();
    }

    /** @return the ids of the revisions no revision revises, in upgrade order */
    public List<String> heads() {
        return heads;
    }

    /** @return the ids of the revisions that revise none, in upgrade order */
    public List<String> bases() {
        return bases;
    }

    /**
     * A revision by id.
     *
     * @param id the id
     * @return the revision, if there is one
     */
    public Optional<Revision> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * A revision by id.
     *
     * @param id the id
     * @return the revision
     * @throws UnknownRevisionException listing the known ids, if there is none
     */
    public Revision get(String id) {
        Revision r = byId.get(id);
        if (r == null) {
            throw new UnknownRevisionException(id, "No revision has the id '" + id + "'; the revisions are "
                    + abbreviate(new ArrayList<>(byId.keySet())) + ". Use one of them (history() lists them), or "
                    + "head, base, +n or -n.");
        }
        return r;
    }

    /**
     * A revision and every revision it follows, directly or not.
     *
     * @param ids the revisions
     * @return their ids and their ancestors' ids
     */
    public Set<String> lineage(Collection<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (out.add(id)) {
                todo.addAll(get(id).revises());
            }
        }
        return out;
    }

    /**
     * The revisions that follow one, directly or not (not itself).
     *
     * @param id the revision
     * @return their ids
     */
    public Set<String> descendants(String id) {
        get(id);
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(children.get(id));
        while (!todo.isEmpty()) {
            String c = todo.pop();
            if (out.add(c)) {
                todo.addAll(children.get(c));
            }
        }
        return out;
    }

    /**
     * Sorts revision ids into upgrade order.
     *
     * @param ids known ids
     * @return the same ids, each after those it follows
     */
    public List<String> inUpgradeOrder(Collection<String> ids) {
        List<String> out = new ArrayList<>(ids);
        for (String id : out) {
            get(id);
        }
        out.sort((a, b) -> Integer.compare(position.get(a), position.get(b)));
        return out;
    }

    @Override
    public String toString() {
        return "RevisionGraph" + byId.keySet() + " heads " + heads;
    }
}
