package dev.retort.migrate;

import dev.retort.migrate.ops.Operations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One step of a schema's history: an id, the ids of the revisions it follows (none for a base,
 * several for a merge), a message, and how to apply and undo it.
 *
 * <pre>{@code
 * public final class AddTeams extends Revision {
 *     public AddTeams() {
 *         super("0002_teams", "Users belong to teams", "0001_users");
 *     }
 *
 *     public void upgrade(Operations ops) {
 *         ops.createTable(Table.builder("teams").column("id", BIGINT, PRIMARY_KEY));
 *     }
 *
 *     public void downgrade(Operations ops) {
 *         ops.dropTable("teams");
 *     }
 * }
 * }</pre>
 *
 * A revision class needs a public no-argument constructor when it is found by scanning a package.
 * {@code upgrade} and {@code downgrade} only record operations; they run when the revision runs,
 * so they must not touch a database themselves. Immutable apart from what subclasses add.
 */
public abstract class Revision {
    /**
     * Ids are short words: letters, digits, {@code _}, {@code -} and {@code .}; at most 64 characters.
     * {@code head}, {@code heads}, {@code base} and ids starting with {@code -} are refused, being targets.
     */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    private final String id;
    private final String message;
    private final List<String> revises;

    /**
     * Creates a revision.
     *
     * @param id the revision's id, unique in its graph
     * @param message what the revision does, for history listings
     * @param revises the ids of the revisions it follows: none for a base, one usually, several for a merge
     * @throws RevisionGraphException if an id is malformed or a parent is named twice or is the revision itself
     */
    protected Revision(String id, String message, String... revises) {
        this.id = checkId(id, getClass().getName());
        this.message = message == null ? "" : message;
        List<String> parents = new ArrayList<>();
        for (String p : revises) {
            String parent = checkId(p, getClass().getName() + " (" + id + ") revises");
            if (parent.equals(id)) {
                throw new RevisionGraphException("Revision " + id + " (" + getClass().getName()
                        + ") revises itself; name the revision it follows instead.");
            }
            if (parents.contains(parent)) {
                throw new RevisionGraphException("Revision " + id + " (" + getClass().getName() + ") revises " + parent
                        + " twice; name each parent once.");
            }
            parents.add(parent);
        }
        this.revises = Collections.unmodifiableList(parents);
    }

    private static String checkId(String id, String where) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new RevisionGraphException("Bad revision id " + (id == null ? "null" : "'" + id + "'") + " in " + where
                    + ": use 1 to 64 letters, digits, '_', '-' or '.'.");
        }
        if (id.equals("head") || id.equals("heads") || id.equals("base") || id.startsWith("-")) {
            throw new RevisionGraphException("Bad revision id '" + id + "' in " + where + ": head, heads, base and ids "
                    + "starting with '-' read as targets. Choose another id.");
        }
        return id;
    }

    /** @return the revision's id */
    public final String id() {
        return id;
    }

    /** @return what the revision does */
    public final String message() {
        return message;
    }

    /** @return the ids of the revisions this one follows; empty for a base */
    public final List<String> revises() {
        return revises;
    }

    /** @return whether this revision follows none (a base of the graph) */
    public final boolean isBase() {
        return revises.isEmpty();
    }

    /** @return whether this revision joins several branches */
    public final boolean isMerge() {
        return revises.size() > 1;
    }

    /**
     * Records the operations that apply this revision.
     *
     * @param ops where to record them
     */
    public abstract void upgrade(Operations ops);

    /**
     * Records the operations that undo this revision, leaving the schema (and the data in the
     * columns that remain) as before {@link #upgrade}.
     *
     * @param ops where to record them
     */
    public abstract void downgrade(Operations ops);

    @Override
    public String toString() {
        return id + (message.isEmpty() ? "" : " (" + message + ")");
    }
}
