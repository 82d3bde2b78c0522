package dev.retort.migrate;

import dev.retort.dialect.Dialect;
import dev.retort.engine.Engine;
import dev.retort.migrate.lint.LintFinding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A schema's migrations: its revision graph and the table that records what a database has
 * applied. Online, {@link #migrator(Engine)} upgrades and downgrades a database; offline,
 * {@link #upgradeScript} and {@link #downgradeScript} render the same statements for a dialect
 * without connecting.
 *
 * <pre>{@code
 * Migrations migrations = Migrations.scan("com.example.migrations");
 * migrations.migrator(engine).upgrade("head");
 * String sql = migrations.upgradeScript(new PostgresDialect(), "base", "head").sql();
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class Migrations {
    private final RevisionGraph graph;
    private final String versionSchema;
    private final String versionTable;

    private Migrations(RevisionGraph graph, String versionSchema, String versionTable) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.versionSchema = versionSchema;
        this.versionTable = Objects.requireNonNull(versionTable, "versionTable");
    }

    /**
     * The revisions of a package (and its sub-packages), found on the class path.
     *
     * @param packageName e.g. {@code com.example.migrations}
     * @return the migrations
     * @throws RevisionGraphException if the revisions do not form a valid graph
     */
    public static Migrations scan(String packageName) {
        return of(RevisionGraph.scan(packageName));
    }

    /**
     * The revisions whose Java sources are in a package's folder (and its sub-folders) under a
     * source root, compiled now with the JDK's compiler against the running program's class path.
     * What the command line uses, so that a revision file written a moment ago counts at once; the
     * package's compiled classes elsewhere on the class path are not used.
     *
     * @param sourceRoot the source root, e.g. {@code src/main/java}
     * @param packageName e.g. {@code com.example.migrations}
     * @return the migrations
     * @throws RevisionCompileException listing the errors, if a source does not compile
     * @throws RevisionGraphException if the revisions do not form a valid graph
     * @throws MigrationException if the folder does not exist or the runtime has no compiler
     */
    public static Migrations fromSources(Path sourceRoot, String packageName) {
        return of(RevisionGraph.of(RevisionCompiler.compile(Objects.requireNonNull(sourceRoot, "sourceRoot"),
                packageName)));
    }

    /**
     * The given revisions.
     *
     * @param revisions the revisions, in any order
     * @return the migrations
     */
    public static Migrations of(Revision... revisions) {
        return of(RevisionGraph.of(revisions));
    }

    /**
     * A revision graph's migrations.
     *
     * @param graph the graph
     * @return the migrations, recorded in {@code retort_version}
     */
    public static Migrations of(RevisionGraph graph) {
        return new Migrations(graph, null, VersionTable.DEFAULT_NAME);
    }

    /**
     * The same migrations recorded in another version table.
     *
     * @param schema the table's schema, or {@code null} for the connection's default
     * @param name the table's name
     * @return new migrations
     */
    public Migrations withVersionTable(String schema, String name) {
        return new Migrations(graph, schema, name);
    }

    /** @return the revision graph */
    public RevisionGraph graph() {
        return graph;
    }

    /** @return the version table's name */
    public String versionTable() {
        return versionTable;
    }

    VersionTable table() {
        return new VersionTable(versionSchema, versionTable);
    }

    /**
     * Commands on one database.
     *
     * @param engine the database's engine
     * @return the migrator
     */
    public Migrator migrator(Engine engine) {
        return new Migrator(this, Objects.requireNonNull(engine, "engine"));
    }

    /**
     * The SQL that upgrades a database from some revisions to a target, rendered without
     * connecting. From {@code base}, the script starts by creating the version table.
     *
     * @param dialect the dialect to render for (e.g. {@code new PostgresDialect()}, the newest server)
     * @param from {@code base}, or the applied head(s), comma-separated
     * @param to {@code head}, {@code heads}, a revision id or {@code +n}
     * @return the script
     * @throws MigrationFailedException if a revision cannot be rendered offline (Java data migrations,
     *         SQLite rebuilds without a table definition)
     */
    public OfflineScript upgradeScript(Dialect dialect, String from, String to) {
        List<String> current = heads(from);
        List<Step> steps = new Planner(graph).upgrade(current, Target.parse(to));
        return render(dialect, current.isEmpty(), steps);
    }

    /**
     * The SQL that downgrades a database from some revisions to a target, rendered without connecting.
     *
     * @param dialect the dialect to render for
     * @param from the applied head(s), comma-separated
     * @param to a revision id, {@code -n} or {@code base}
     * @return the script
     */
    public OfflineScript downgradeScript(Dialect dialect, String from, String to) {
        List<String> current = heads(from);
        List<Step> steps = new Planner(graph).downgrade(current, Target.parse(to));
        return render(dialect, false, steps);
    }

    /**
     * What the upgrades of a range of revisions lock and rewrite on a database, judged from their
     * recorded operations without connecting or running them (see docs/migrations.md, "lint").
     *
     * <pre>{@code
     * List<LintFinding> findings = migrations.lint(new PostgresDialect(), "base", "head");
     * }</pre>
     *
     * @param dialect the database to judge for; its server version picks version-dependent rules
     *                (a dialect made without connecting stands for the newest server)
     * @param from {@code base}, or the applied head(s), comma-separated
     * @param to {@code head}, {@code heads}, a revision id or {@code +n}
     * @return the findings, in upgrade order; empty when every change is online
     * @throws IllegalArgumentException for a dialect lint has no rules for
     * @throws MigrationFailedException if a revision fails while recording its operations
     */
    public List<LintFinding> lint(Dialect dialect, String from, String to) {
        Objects.requireNonNull(dialect, "dialect");
        List<Step> steps = new Planner(graph).upgrade(heads(from), Target.parse(to));
        return RevisionLint.lint(dialect, true, steps);
    }

    private List<String> heads(String from) {
        Objects.requireNonNull(from, "from");
        List<String> out = new ArrayList<>();
        if (from.strip().equals("base")) {
            return out;
        }
        for (String id : from.split(",")) {
            out.add(graph.get(id.strip()).id());
        }
        return graph.inUpgradeOrder(graph.lineage(out).stream().filter(out::contains).toList());
    }

    private OfflineScript render(Dialect dialect, boolean createVersionTable, List<Step> steps) {
        ScriptSink sink = new ScriptSink(Objects.requireNonNull(dialect, "dialect"));
        VersionTable versions = table();
        if (createVersionTable && !steps.isEmpty()) {
            sink.note("the version table");
            for (String s : versions.createStatements(dialect.newDdlCompiler())) {
                sink.ddl(s);
            }
        }
        StepRunner runner = new StepRunner(versions);
        for (Step step : steps) {
            runner.run(step, sink);
        }
        return sink.script();
    }
}
