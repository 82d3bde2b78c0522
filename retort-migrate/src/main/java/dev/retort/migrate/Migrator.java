package dev.retort.migrate;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.migrate.lint.LintFinding;
import dev.retort.migrate.ops.MigrationPlan;
import dev.retort.reflect.Inspector;
import dev.retort.sql.Executable;

import java.util.ArrayList;
import java.util.List;

/**
 * Migration commands on one database: {@link #upgrade}, {@link #downgrade}, {@link #current},
 * {@link #history}, {@link #heads} and {@link #stamp}.
 *
 * <p>Targets are {@code head} (the single head; several are refused with a
 * {@link MultipleHeadsException}), {@code heads} (all of them), a revision id, {@code +n} and
 * {@code -n} (steps from the applied head) and {@code base} (before the first revision).
 *
 * <p>Each revision runs in a transaction of its own where DDL is transactional (PostgreSQL,
 * SQLite), together with the version-table change that records it, so a failure rolls it back
 * whole. On MariaDB, which commits each DDL statement, a failure stops with the version table
 * naming the last revision that fully applied, and the {@link MigrationFailedException} lists the
 * failed revision's statements that stayed applied. Commands use one connection at a time; run one
 * command per database at a time.
 *
 * <p>{@code upgrade} refuses revisions whose upgrade may lose data (dropping a table or column,
 * narrowing a column's type, recreating an enum type) with a {@link DestructiveMigrationException},
 * before running anything, unless {@link #allowDestructive(boolean) allowed}. Downgrades undo
 * revisions and are not checked. Immutable and thread-safe otherwise.
 */
public final class Migrator {
    private final Migrations migrations;
    private final Engine engine;
    private final boolean allowDestructive;

    Migrator(Migrations migrations, Engine engine) {
        this(migrations, engine, false);
    }

    private Migrator(Migrations migrations, Engine engine, boolean allowDestructive) {
        this.migrations = migrations;
        this.engine = engine;
        this.allowDestructive = allowDestructive;
    }

    /**
     * The same commands, allowed or not to run upgrades that may lose data.
     *
     * @param allow {@code true} to run destructive revisions (after reviewing them)
     * @return a migrator with that setting
     */
    public Migrator allowDestructive(boolean allow) {
        return new Migrator(migrations, engine, allow);
    }

    /** @return whether upgrades that may lose data run */
    public boolean allowsDestructive() {
        return allowDestructive;
    }

    /**
     * Applies revisions up to a target.
     *
     * @param target {@code head}, {@code heads}, a revision id or {@code +n}
     * @return the revisions applied, in order (empty if already there)
     * @throws MultipleHeadsException for {@code head} or {@code +n} when the graph has several heads
     * @throws UnknownRevisionException for an id no revision has
     * @throws DestructiveMigrationException if a revision may lose data and that is not allowed (nothing runs)
     * @throws MigrationFailedException if a revision fails
     */
    public List<Revision> upgrade(String target) {
        Target t = Target.parse(target);
        return run(current -> new Planner(migrations.graph()).upgrade(current, t));
    }

    /**
     * Undoes revisions down to a target.
     *
     * @param target a revision id (which stays applied), {@code -n} or {@code base}
     * @return the revisions undone, in order (empty if already there)
     * @throws MigrationException if the target is not applied
     * @throws MigrationFailedException if a revision fails
     */
    public List<Revision> downgrade(String target) {
        Target t = Target.parse(target);
        return run(current -> new Planner(migrations.graph()).downgrade(current, t));
    }

    /**
     * What the revisions an upgrade to a target would apply lock and rewrite on this database,
     * judged for its server version from their recorded operations; nothing is run.
     *
     * @param target {@code head}, {@code heads}, a revision id or {@code +n}
     * @return the findings, in upgrade order; empty when every change is online (or nothing is pending)
     * @throws IllegalArgumentException for a database lint has no rules for
     * @throws MigrationFailedException if a revision fails while recording its operations
     */
    public List<LintFinding> lint(String target) {
        Target t = Target.parse(target);
        try (Connection conn = engine.connect()) {
            List<Step> steps = new Planner(migrations.graph()).upgrade(read(conn, migrations.table()), t);
            return RevisionLint.lint(conn.dialect(), false, steps);
        }
    }

    /**
     * The revisions the database has applied, as recorded in the version table.
     *
     * @return the applied heads (one unless branches are unmerged); empty for a new database
     */
    public List<String> current() {
        try (Connection conn = engine.connect()) {
            return read(conn, migrations.table());
        }
    }

    /** @return every revision, in upgrade order (the first base first) */
    public List<Revision> history() {
        return migrations.graph().revisions();
    }

    /** @return the ids of the graph's heads */
    public List<String> heads() {
        return migrations.graph().heads();
    }

    /**
     * Records a target in the version table without running any revision: for a database whose
     * schema was made otherwise, or to repair the version table by hand.
     *
     * @param target {@code head}, {@code heads}, a revision id or {@code base}
     * @return the heads the version table names now
     */
    public List<String> stamp(String target) {
        Target t = Target.parse(target);
        List<String> after = new Planner(migrations.graph()).stamp(t);
        VersionTable versions = migrations.table();
        try (Connection conn = engine.connect()) {
            conn.setAutocommit(true);
            ConnectionSink sink = new ConnectionSink(conn);
            ensureVersionTable(conn, sink, versions);
            List<String> before = read(conn, versions);
            sink.begin(true);
            sink.beginVersionChange();   // MariaDB, MySQL: the rows change together there too
            try {
                for (Executable change : versions.changes(before, after)) {
                    sink.statement(change);
                }
                sink.commit();
            } catch (RuntimeException e) {
                sink.rollback();
                throw e;
            }
            return after;
        }
    }

    private interface Plan {
        List<Step> steps(List<String> current);
    }

    private List<Revision> run(Plan plan) {
        VersionTable versions = migrations.table();
        try (Connection conn = engine.connect()) {
            conn.setAutocommit(true);
            List<Step> steps = plan.steps(read(conn, versions));
            if (steps.isEmpty()) {
                return List.of();
            }
            if (!allowDestructive) {
                refuseDestructive(conn, steps);
            }
            ConnectionSink sink = new ConnectionSink(conn);
            ensureVersionTable(conn, sink, versions);
            StepRunner runner = new StepRunner(versions);
            List<Revision> done = new ArrayList<>();
            for (Step step : steps) {
                runner.run(step, sink);
                done.add(step.revision());
            }
            return done;
        }
    }

    /** Records each upgrade step's operations, and refuses the whole command if any may lose data. */
    private static void refuseDestructive(Connection conn, List<Step> steps) {
        List<String> found = new ArrayList<>();
        for (Step step : steps) {
            if (!step.upgrade()) {
                continue;
            }
            MigrationPlan plan = StepRunner.record(step, conn.dialect(), false, "upgrade");
            for (String lost : plan.destructiveOperations()) {
                found.add(step.revision().id() + ": " + lost);
            }
        }
        if (!found.isEmpty()) {
            throw new DestructiveMigrationException(found, "The upgrade may lose data, so nothing was run: "
                    + String.join("; ", found) + ". Review these revisions; to run them, allow destructive changes with "
                    + "Migrator.allowDestructive(true) (command line: upgrade --allow-destructive).");
        }
    }

    private static void ensureVersionTable(Connection conn, ConnectionSink sink, VersionTable versions) {
        if (!versions.exists(conn.inspector())) {
            for (String s : versions.createStatements(conn.dialect().newDdlCompiler())) {
                sink.ddl(s);
            }
        }
    }

    private static List<String> read(Connection conn, VersionTable versions) {
        Inspector inspector = conn.inspector();
        if (!versions.exists(inspector)) {
            return List.of();
        }
        return conn.execute(versions.read()).scalars(String.class).all();
    }
}
