package dev.retort.migrate.autogenerate;

import dev.retort.dialect.Dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * What differs between a model and a database, as the operations that close each difference, in
 * the order a revision's {@code upgrade} runs them; {@link RevisionWriter} writes them as a
 * revision. Empty when the database matches the model (what {@code check} asks). Immutable.
 */
public final class SchemaDiff {
    private final Dialect dialect;
    private final List<Step> steps;
    private final List<String> warnings;

    SchemaDiff(Dialect dialect, List<Step> steps, List<String> warnings) {
        this.dialect = dialect;
        this.steps = List.copyOf(steps);
        this.warnings = List.copyOf(warnings);
    }

    /** @return the dialect of the database compared */
    public Dialect dialect() {
        return dialect;
    }

    List<Step> steps() {
        return steps;
    }

    /** @return the differences, in the order the upgrade closes them */
    public List<SchemaChange> changes() {
        List<SchemaChange> out = new ArrayList<>();
        for (Step s : steps) {
            out.add(s.change());
        }
        return out;
    }

    /** @return whether the database matches the model */
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** @return whether closing the differences may lose data (a dropped table or column, a narrowed type) */
    public boolean isDestructive() {
        return steps.stream().anyMatch(s -> s.destructiveUpgrade() != null);
    }

    /**
     * Things a reader of the generated revision should know: a table or column dropped while
     * another is added (maybe a rename to declare), a NOT NULL column added without a default,
     * a constraint the model leaves unnamed, a declared rename that did not apply, a difference
     * autogenerate does not write operations for.
     *
     * @return the warnings, one sentence or a few each
     */
    public List<String> warnings() {
        List<String> out = new ArrayList<>(warnings);
        for (Step s : steps) {
            out.addAll(s.warnings());
        }
        return out;
    }

    /** @return each difference in words, one per line, destructive ones marked */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (SchemaChange c : changes()) {
            out.add(c.toString());
        }
        return out;
    }

    @Override
    public String toString() {
        return steps.isEmpty() ? "no differences" : String.join("\n", describe());
    }
}
