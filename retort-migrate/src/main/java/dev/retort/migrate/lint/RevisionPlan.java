package dev.retort.migrate.lint;

import dev.retort.migrate.ops.MigrationPlan;

import java.util.Objects;

/**
 * A revision's recorded upgrade, as {@link Linter} judges it.
 *
 * @param revision the revision's id
 * @param plan its operations, recorded for the dialect linted
 */
public record RevisionPlan(String revision, MigrationPlan plan) {

    /**
     * Requires both.
     *
     * @param revision the revision's id
     * @param plan its operations, recorded for the dialect linted
     */
    public RevisionPlan {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(plan, "plan");
    }
}
