package dev.retort.migrate;

import dev.retort.dialect.Capability;
import dev.retort.dialect.DdlCompiler;
import dev.retort.dialect.Dialect;
import dev.retort.migrate.ops.MigrationPlan;
import dev.retort.sql.Executable;

import java.util.List;

/**
 * Runs one step (a revision applied or undone) into a sink: records the revision's operations,
 * switches foreign keys off around the transaction if a table may be rebuilt, runs the
 * operations and the version-table change in the revision's transaction, and turns a failure into
 * a {@link MigrationFailedException} that says what state the database is in.
 */
final class StepRunner {
    private final VersionTable versions;

    StepRunner(VersionTable versions) {
        this.versions = versions;
    }

    void run(Step step, MigrationSink sink) {
        MigrationPlan plan = record(step, sink.dialect(), !sink.online(), step.direction());
        DdlCompiler ddl = sink.dialect().newDdlCompiler();
        boolean rebuild = plan.mayRebuildTables();
        boolean transaction = !plan.needsNoTransaction();
        sink.note(step.direction() + " " + heads(step.headsBefore()) + " -> " + heads(step.headsAfter()) + ": "
                + step.revision());
        if (rebuild) {
            for (String s : ddl.disableForeignKeys()) {
                sink.ddl(s);
            }
        }
        RuntimeException failure = null;
        int versionChangeFrom = -1;
        try {
            sink.begin(transaction);
            plan.run(sink);
            List<Executable> changes = versions.changes(step.headsBefore(), step.headsAfter());
            if (!(transaction && sink.dialect().supports(Capability.TRANSACTIONAL_DDL)) && changes.size() > 1) {
                // A merge or branch point changes several rows: all or none, even without a revision transaction.
                versionChangeFrom = sink.sinceBegin().size();
                sink.beginVersionChange();
            }
            for (Executable change : changes) {
                sink.statement(change);
            }
            sink.commit();
        } catch (RuntimeException e) {
            failure = e;
            try {
                sink.rollback();
            } catch (RuntimeException rollback) {
                e.addSuppressed(rollback);
            }
        } finally {
            if (rebuild) {
                for (String s : ddl.enableForeignKeys()) {
                    try {
                        sink.ddl(s);
                    } catch (RuntimeException e) {
                        if (failure == null) {
                            throw e;
                        }
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null) {
            throw failed(step, plan, sink, transaction, versionChangeFrom, failure);
        }
    }

    /**
     * Records the operations of a step's revision (its upgrade or downgrade) for a dialect, without
     * running them: for running the step, for refusing destructive upgrades and for lint.
     *
     * @param step the step
     * @param dialect the dialect the plan is for
     * @param offline whether the plan is for an offline script (or for lint without connecting)
     * @param purpose what the recording is for, in the message of a failure, e.g. {@code upgrade}
     * @return the plan
     * @throws MigrationFailedException naming the revision and its class, if the revision throws
     */
    static MigrationPlan record(Step step, Dialect dialect, boolean offline, String purpose) {
        Revision r = step.revision();
        try {
            return MigrationPlan.record(dialect, offline, ops -> {
                if (step.upgrade()) {
                    r.upgrade(ops);
                } else {
                    r.downgrade(ops);
                }
            });
        } catch (RuntimeException e) {
            throw new MigrationFailedException(r.id(), step.headsBefore(), List.of(), "Revision " + r + " ("
                    + r.getClass().getName() + ") failed while recording its " + purpose + ": " + sentence(e)
                    + " Nothing was run; fix the revision.", e);
        }
    }

    /** The exception's message as a sentence, so that what follows reads apart from it. */
    static String sentence(RuntimeException e) {
        String m = String.valueOf(e.getMessage()).strip();
        return m.endsWith(".") ? m : m + ".";
    }

    private static String heads(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }

    private static MigrationFailedException failed(Step step, MigrationPlan plan, MigrationSink sink, boolean transaction,
                                                   int versionChangeFrom, RuntimeException e) {
        Revision r = step.revision();
        String at = plan.failedOperation().map(op -> " at '" + op + "'").orElse(" while updating the version table");
        String what = "Revision " + r + " failed in its " + step.direction() + at + ": " + sentence(e);
        if (!sink.online()) {
            return new MigrationFailedException(r.id(), step.headsBefore(), List.of(), what
                    + " No script was produced; fix the revision or render it online.", e);
        }
        if (sink.dialect().supports(Capability.TRANSACTIONAL_DDL) && transaction) {
            return new MigrationFailedException(r.id(), step.headsBefore(), List.of(), what + " Its transaction was "
                    + "rolled back: the version table still names " + step.headsBefore() + ". Fix the revision and run "
                    + "the command again.", e);
        }
        List<String> ran = sink.sinceBegin();
        if (versionChangeFrom >= 0 && ran.size() > versionChangeFrom) {
            ran = ran.subList(0, versionChangeFrom);   // the version-table change was rolled back
        }
        String repair = ran.isEmpty() ? " No statement of the revision had applied, so nothing needs repair."
                : " These statements of the revision stayed applied and may need repair by hand (undo them, or "
                + "finish the revision) before running the command again: " + String.join("; ", ran) + ".";
        String why = transaction ? sink.dialect().displayName() + " commits each DDL statement by itself"
                : "The revision ran without a transaction (it builds an index CONCURRENTLY, which cannot run inside one; "
                + "a failed concurrent build leaves an INVALID index: drop it)";
        return new MigrationFailedException(r.id(), step.headsBefore(), ran, what + " " + why
                + ", so the revision was not rolled back. The version table names "
                + step.headsBefore() + ", the last revisions fully applied." + repair, e);
    }
}
