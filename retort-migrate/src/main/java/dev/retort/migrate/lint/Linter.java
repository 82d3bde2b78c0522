package dev.retort.migrate.lint;

import dev.retort.dialect.Dialect;
import dev.retort.migrate.ops.PlannedChange;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges recorded revisions against a dialect's rules ({@link DialectRules}), without running
 * anything: each change of each revision, in order, against every rule of its kind. Changes to a
 * table the same revision created are skipped (the table is new and empty). A revision that must
 * run without a transaction (PostgreSQL's CREATE INDEX CONCURRENTLY) and does more than that gets a
 * finding of its own. Used through {@code Migrations.lint} and {@code Migrator.lint}.
 */
public final class Linter {
    private final Dialect dialect;
    private final List<LintRule> rules;

    /**
     * A linter for a dialect.
     *
     * @param dialect the dialect, whose server version picks the rules
     * @throws IllegalArgumentException for a dialect without lint rules
     */
    public Linter(Dialect dialect) {
        this.dialect = dialect;
        this.rules = DialectRules.of(dialect);
    }

    /**
     * Judges revisions.
     *
     * @param revisions the revisions' upgrades, in upgrade order, recorded for this linter's dialect
     * @return the findings, in order of revision and operation
     */
    public List<LintFinding> lint(List<RevisionPlan> revisions) {
        LintState state = new LintState();
        List<LintFinding> out = new ArrayList<>();
        for (RevisionPlan r : revisions) {
            state.startRevision();
            if (r.plan().needsNoTransaction() && r.plan().size() > 1) {
                out.add(new LintFinding(r.revision(), String.join("; ", r.plan().describe()), dialect.name(),
                        "no-transaction", "none (statement by statement)", Rewrite.NONE, Severity.WARNING,
                        "The revision runs without a transaction because it builds an index CONCURRENTLY, so a "
                                + "failure part way leaves its earlier statements applied.",
                        "give the concurrent index a revision of its own."));
            }
            for (PlannedChange c : r.plan().plannedChanges()) {
                if (!state.createdInRevision(c.table())) {
                    for (LintRule rule : rules) {
                        LintFinding f = rule.judge(c, state, r.revision(), dialect.name());
                        if (f != null) {
                            out.add(f);
                        }
                    }
                }
                state.after(c);
            }
        }
        return out;
    }
}
