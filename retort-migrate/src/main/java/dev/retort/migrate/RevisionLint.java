package dev.retort.migrate;

import dev.retort.dialect.Dialect;
import dev.retort.migrate.lint.LintFinding;
import dev.retort.migrate.lint.Linter;
import dev.retort.migrate.lint.RevisionPlan;
import dev.retort.migrate.ops.MigrationPlan;

import java.util.ArrayList;
import java.util.List;

/** Records the upgrades of planned steps for a dialect, without running them, and lints them. */
final class RevisionLint {
    private RevisionLint() {
    }

    static List<LintFinding> lint(Dialect dialect, boolean offline, List<Step> steps) {
        Linter linter = new Linter(dialect);
        List<RevisionPlan> plans = new ArrayList<>();
        for (Step step : steps) {
            if (!step.upgrade()) {
                continue;
            }
            Revision r = step.revision();
            try {
                plans.add(new RevisionPlan(r.id(), MigrationPlan.record(dialect, offline, r::upgrade)));
            } catch (RuntimeException e) {
                throw new MigrationFailedException(r.id(), step.headsBefore(), List.of(), "Revision " + r + " ("
                        + r.getClass().getName() + ") failed while recording its upgrade for lint: "
                        + StepRunner.sentence(e) + " Fix the revision.", e);
            }
        }
        return linter.lint(plans);
    }
}
