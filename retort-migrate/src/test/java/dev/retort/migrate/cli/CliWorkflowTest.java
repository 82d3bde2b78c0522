package dev.retort.migrate.cli;

import dev.retort.migrate.Migrations;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line from {@code init} to {@code check}, run in-process against each server
 * database (an in-memory SQLite database would not outlive one command): outputs, files written
 * and exit codes.
 */
class CliWorkflowTest {

    private static void useModel(Path config, String model) throws IOException {
        String text = Files.readString(config).replaceAll("(?m)^#?model=.*$", "model=" + model)
                .replaceAll("(?m)^#?autogenerate-options=.*$", "autogenerate-options=dev.retort.migrate.cli.CliModel#OPTIONS");
        Files.writeString(config, text);
    }

    @EachDatabase(only = {DatabaseKind.SQLITE_FILE, DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void fromInitToCheck(TestDatabase db, @TempDir Path dir) throws IOException {
        Path config = dir.resolve("retort-migrate.properties");
        Cli cli = new Cli(config, db.url());
        Path migrations = dir.resolve("src/app/migrations");

        Cli.Result init = cli.run("init", "--package", "app.migrations", "--source-directory", "src");
        assertThat(init.code()).isZero();
        assertThat(init.out()).isEqualTo("Wrote " + config + "\nRevisions go in " + migrations + "\n");
        assertThat(Files.readString(config)).contains("\nurl=" + db.url() + "\n", "\npackage=app.migrations\n",
                "\nsource-directory=src\n", "\nrevisions=source\n", "\nversion-table=retort_version\n", "\n#model=");
        assertThat(migrations.resolve("package-info.java")).content().contains("package app.migrations;");
        assertThat(cli.run("history").out()).isEqualTo("No revisions yet.\n");

        useModel(config, "dev.retort.migrate.cli.CliModel#V1");
        Cli.Result first = cli.run("revision", "--autogenerate", "-m", "Authors and notes", "--rev-id", "0001_notes");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("  add table authors [id, name]\n  add table notes [id, author_id, body, draft]\n")
                .endsWith("Wrote " + migrations.resolve("V0001_Notes.java") + " (revision 0001_notes, revises base)\n");
        assertThat(migrations.resolve("V0001_Notes.java")).content()
                .contains("public final class V0001_Notes extends Revision {", "super(\"0001_notes\", \"Authors and notes\");",
                        "ops.createTable(Table.builder(\"authors\")", "        ops.dropTable(\"notes\");");

        Cli.Result early = cli.run("check");
        assertThat(early.code()).isEqualTo(MigrateCommand.EXIT_FAILED);
        assertThat(early.err()).isEqualTo("error: The database is at base but the revisions' heads are 0001_notes: upgrade "
                + "it first (retort-migrate upgrade heads). check compares the model with a database that has every "
                + "revision applied.\n");

        assertThat(cli.run("upgrade", "head").out()).isEqualTo("Applied 0001_notes (Authors and notes)\n");
        assertThat(cli.run("upgrade", "head").out()).isEqualTo("Nothing to upgrade: the database is at 0001_notes.\n");
        Cli.Result clean = cli.run("check");
        assertThat(clean.code()).isZero();
        assertThat(clean.out()).isEqualTo("No differences between the model and the database.\n");
        assertThat(cli.run("current").out()).isEqualTo("0001_notes (Authors and notes) (head)\n");

        Cli.Result empty = cli.run("revision", "-m", "Nothing yet", "--rev-id", "0002_empty");
        assertThat(empty.code()).isZero();
        assertThat(migrations.resolve("V0002_Empty.java")).content()
                .contains("super(\"0002_empty\", \"Nothing yet\", \"0001_notes\");", "public void upgrade(Operations ops) {");
        assertThat(cli.run("upgrade", "+1").out()).isEqualTo("Applied 0002_empty (Nothing yet)\n");

        useModel(config, "dev.retort.migrate.cli.CliModel#v2");
        Cli.Result differs = cli.run("check");
        assertThat(differs.code()).isEqualTo(MigrateCommand.EXIT_DIFFERENCES);
        assertThat(differs.out()).isEqualTo("The model and the database differ; write a revision (retort-migrate revision "
                + "--autogenerate -m ...):\n  add column notes.score INTEGER NOT NULL\n  drop column notes.draft "
                + "[destructive: drops column notes.draft and its values]\n  warning: Column notes.draft is dropped while "
                + "notes gains [score]. If one of them is draft renamed, this loses its values: declare the rename "
                + "(AutogenerateOptions.renameColumn(\"notes\", \"draft\", \"score\"), or --rename-column notes.draft=score) "
                + "and generate again, or replace the two operations with ops.alterColumn(\"notes\", \"draft\", c -> "
                + "c.rename(\"score\")).\n");

        Cli.Result scores = cli.run("revision", "--autogenerate", "-m", "Scores", "--rev-id", "0003_scores");
        assertThat(scores.code()).as(scores.err()).isZero();
        assertThat(migrations.resolve("V0003_Scores.java")).content().contains(
                "        // DESTRUCTIVE: drops column notes.draft and its values.\n        ops.dropColumn(\"notes\", \"draft\");",
                "super(\"0003_scores\", \"Scores\", \"0002_empty\");");

        Cli.Result refused = cli.run("upgrade", "head");
        assertThat(refused.code()).isEqualTo(MigrateCommand.EXIT_FAILED);
        assertThat(refused.err()).isEqualTo("error: The upgrade may lose data, so nothing was run: 0003_scores: drops column "
                + "notes.draft and its values. Review these revisions; to run them, allow destructive changes with "
                + "Migrator.allowDestructive(true) (command line: upgrade --allow-destructive).\n");
        assertThat(cli.run("current").out()).isEqualTo("0002_empty (Nothing yet)\n");
        assertThat(cli.run("upgrade", "head", "--allow-destructive").out()).isEqualTo("Applied 0003_scores (Scores)\n");
        assertThat(cli.run("check").code()).isZero();

        Migrations compiled = Migrations.fromSources(dir.resolve("src"), "app.migrations");
        Cli.Result script = cli.run("upgrade", "0001_notes:head", "--sql");
        assertThat(script.code()).isZero();
        assertThat(script.out()).isEqualTo(compiled.upgradeScript(db.dialect(), "0001_notes", "head").sql())
                .contains("-- DESTRUCTIVE: drops column notes.draft and its values\n");
        Cli.Result downScript = cli.run("downgrade", "0003_scores:0002_empty", "--sql");
        assertThat(downScript.out()).isEqualTo(compiled.downgradeScript(db.dialect(), "0003_scores", "0002_empty").sql());

        assertThat(cli.run("history").out()).isEqualTo("0002_empty -> 0003_scores (head), Scores\n"
                + "0001_notes -> 0002_empty, Nothing yet\nbase -> 0001_notes, Authors and notes\n");
        assertThat(cli.run("heads").out()).isEqualTo("0003_scores (Scores)\n");

        assertThat(cli.run("downgrade", "-1").out()).isEqualTo("Undid 0003_scores (Scores)\n");
        assertThat(cli.run("current").out()).isEqualTo("0002_empty (Nothing yet)\n");
        assertThat(cli.run("downgrade", "base").out()).isEqualTo("Undid 0002_empty (Nothing yet)\n"
                + "Undid 0001_notes (Authors and notes)\n");
        assertThat(cli.run("current").out()).isEqualTo("base (no revision applied)\n");
        assertThat(cli.run("stamp", "head").out()).isEqualTo("Stamped the database at 0003_scores.\n");
        assertThat(cli.run("current").out()).isEqualTo("0003_scores (Scores) (head)\n");
        assertThat(cli.run("stamp", "base").out()).isEqualTo("Stamped the database at base.\n");
    }
}
