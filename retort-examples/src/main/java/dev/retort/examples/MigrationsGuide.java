package dev.retort.examples;

import dev.retort.dialect.postgresql.PostgresDialect;
import dev.retort.engine.Engine;
import dev.retort.migrate.Migrations;
import dev.retort.migrate.Migrator;
import dev.retort.migrate.OfflineScript;
import dev.retort.migrate.Revision;
import dev.retort.migrate.autogenerate.Autogenerate;
import dev.retort.migrate.autogenerate.AutogenerateOptions;
import dev.retort.migrate.autogenerate.FromScratch;
import dev.retort.migrate.autogenerate.RevisionFile;
import dev.retort.migrate.autogenerate.RevisionWriter;
import dev.retort.migrate.autogenerate.SchemaDiff;
import dev.retort.migrate.autogenerate.SchemaObject;
import dev.retort.migrate.cli.MigrateCommand;
import dev.retort.migrate.lint.LintFinding;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The code of {@code docs/migrations.md}: running the library's revisions
 * ({@code dev.retort.examples.migrations}), rendering them offline, comparing the model with the
 * database and with a scratch database built from the revisions alone, writing the next revision
 * with autogenerate, and linting the online forms of {@link OnlineOrders}. Each method returns what it observed,
 * so {@code MigrationsGuideTest} can run it on every database.
 */
public final class MigrationsGuide {
    private MigrationsGuide() {
    }

    /**
     * Upgrades an empty database to the head, then steps back and forth.
     *
     * @param engine an engine on an empty database
     * @return what each command returned, one line each
     */
    public static List<String> upgradeAndDowngrade(Engine engine) {
        List<String> out = new ArrayList<>();
        // tag::migrator[]
        Migrator migrator = Migrations.scan("dev.retort.examples.migrations").migrator(engine);
        List<Revision> applied = migrator.upgrade("head");     // 0001, 0002, both branches, the merge
        List<String> current = migrator.current();              // [0004_merge]
        migrator.downgrade("0002_loans");                       // undo the branches and the merge
        migrator.upgrade("0003_isbn13");                        // one branch only
        List<String> branch = migrator.current();               // [0003_isbn13]
        migrator.upgrade("heads");                              // then every head
        // end::migrator[]
        out.add(applied.stream().map(Revision::id).toList().toString());
        out.add(current.toString());
        out.add(branch.toString());
        out.add(migrator.current().toString());
        return out;
    }

    /**
     * Renders every revision for PostgreSQL without a database.
     *
     * @return the script
     */
    public static String offlineScript() {
        // tag::offline[]
        OfflineScript script = Migrations.scan("dev.retort.examples.migrations")
                .upgradeScript(new PostgresDialect(), "base", "head");
        String sql = script.sql();              // BEGIN; ... COMMIT; per revision, values as literals
        // end::offline[]
        return sql;
    }

    /**
     * Compares the model with a database at the head.
     *
     * @param engine an engine on a database the revisions brought to the head
     * @return the differences in words; none when the database matches the model
     */
    public static List<String> check(Engine engine) {
        // tag::check[]
        SchemaDiff diff = Autogenerate.compare(LibraryModel.metadata(), engine, AutogenerateOptions.defaults());
        if (!diff.isEmpty()) {
            throw new IllegalStateException("The database differs from the model:\n" + diff);
        }
        // end::check[]
        return diff.describe();
    }

    /**
     * Builds a scratch database from the library's revisions alone (on the server of a URL, or a
     * temporary SQLite file), compares it with the model and removes it.
     *
     * @param url the configured database's URL; the scratch database goes on its server
     * @return the scratch database's name (removed by now) and the differences (none)
     */
    public static FromScratch.Result fromScratch(String url) {
        Migrations migrations = Migrations.scan("dev.retort.examples.migrations");
        // tag::from-scratch[]
        // url: the configured database, e.g. "postgresql://app@localhost/shop"; the scratch database goes on its server
        FromScratch.Result r = FromScratch.check(migrations, url, LibraryModel.metadata(),
                AutogenerateOptions.defaults());
        if (!r.diff().isEmpty()) {
            throw new IllegalStateException("The revisions do not build the model:\n" + r.diff());
        }
        // end::from-scratch[]
        return r;
    }

    /**
     * Lints the orders' revisions ({@link OnlineOrders}): offline for PostgreSQL, and the pending
     * ones for the server an engine is on.
     *
     * @param engine an engine on a database
     * @return each finding as {@code dialect revision rule}: PostgreSQL's offline ones first, then the pending ones
     */
    public static List<String> lint(Engine engine) {
        Migrations migrations = OnlineOrders.migrations();
        // tag::lint[]
        List<LintFinding> findings = migrations.lint(new PostgresDialect(), "base", "head");   // offline
        List<LintFinding> pending = migrations.migrator(engine).lint("head");                   // for this server
        // end::lint[]
        List<String> out = new ArrayList<>();
        for (LintFinding f : findings) {
            out.add("offline " + f.dialect() + " " + f.revision() + " " + f.rule());
        }
        for (LintFinding f : pending) {
            out.add("pending " + f.dialect() + " " + f.revision() + " " + f.rule());
        }
        return out;
    }

    /**
     * Writes the revision that adds {@code loans.returned_on}, as autogenerate would.
     *
     * @param engine an engine on a database at the head
     * @return the revision's Java source
     */
    public static String autogenerate(Engine engine) {
        // tag::autogenerate[]
        SchemaDiff diff = Autogenerate.compare(LibraryModel.withReturns(), engine, AutogenerateOptions.defaults());
        List<String> changes = diff.describe();                 // [add column loans.returned_on DATE]
        String source = RevisionWriter.autogenerated(new RevisionFile("dev.retort.examples.migrations",
                "V0005_Returns", "0005_returns", "Loans remember returns", List.of("0004_merge")), diff);
        // end::autogenerate[]
        return changes + "\n" + source;
    }

    /**
     * Options that leave a table alone and declare a rename.
     *
     * @return the options
     */
    public static AutogenerateOptions options() {
        // tag::options[]
        AutogenerateOptions options = AutogenerateOptions.defaults()
                .ignore(o -> o.kind() == SchemaObject.Kind.TABLE && o.name().startsWith("tmp_"))   // never touched
                .renameTable("loans", "lendings")                                                 // keep the rows
                .renameColumn("lendings", "member", "member_name");                               // keep the values
        // end::options[]
        return options;
    }

    /**
     * Runs the command line in-process, as an application or a test can.
     *
     * @param args the command and its options, e.g. {@code history --config retort-migrate.properties}
     * @return the exit code, then what the command printed to standard output and to standard error
     */
    public static List<String> commandLine(String... args) {
        // tag::command-line[]
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MigrateCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);                       // e.g. "check", "--config", "retort-migrate.properties"
        // end::command-line[]
        return List.of(String.valueOf(code), out.toString(), err.toString());
    }
}
