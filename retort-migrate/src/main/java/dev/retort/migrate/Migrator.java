package dev.retort.migrate;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
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
 * command per database at a time. Thread-safe otherwise.
 */
public final class Migrator {
    private final Migrations migrations;
    private final Engine engine;

    Migrator(Migrations migrations, Engine engine) {
        this.migrations = migrations;
        this.engine = engine;
    }

    /**
     * Applies revisions up to a target.
     *
     * @param target {@code head}, {@code heads}, a revision id or {@code +n}
     * @return the revisions applied, in order (empty if already there)
     * @throws MultipleHeadsException for {@code head} or {@code +n} when the graph has several heads
     * @throws UnknownRevisionException for an id no revision has
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
            sink.begin();
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
