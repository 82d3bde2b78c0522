package dev.retort.migrate;

import dev.retort.dialect.Dialect;
import dev.retort.migrate.lint.LintFinding;
import dev.retort.migrate.lint.Linter;
import dev.retort.migrate.lint.RevisionPlan;

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
            plans.add(new RevisionPlan(step.revision().id(), StepRunner.record(step, dialect, offline,
                    "upgrade for lint")));
        }
        return linter.lint(plans);
    }
}
