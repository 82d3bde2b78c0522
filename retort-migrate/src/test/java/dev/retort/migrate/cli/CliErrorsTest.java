package dev.retort.migrate.cli;

import dev.retort.dialect.postgresql.PostgresDialect;
import dev.retort.dialect.sqlite.SqliteDialect;
import dev.retort.migrate.Migrations;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gives a clear message on standard error and an exit code that says what kind of failure it is. */
class CliErrorsTest {

    private static Cli.Result ok(Cli.Result r) {
        assertThat(r.code()).as(r.err()).isZero();
        return r;
    }

    private static Cli.Result failed(Cli.Result r) {
        assertThat(r.code()).as(r.out()).isEqualTo(MigrateCommand.EXIT_FAILED);
        assertThat(r.out()).isEmpty();
        return r;
    }

    private static String revision(String className, String id, String... revises) {
        StringBuilder parents = new StringBuilder();
        for (String p : revises) {
            parents.append(", \"").append(p).append('"');
        }
        return "package app.migrations;\n\nimport dev.retort.migrate.Revision;\nimport dev.retort.migrate.ops.Operations;\n\n"
                + "public final class " + className + " extends Revision {\n    public " + className + "() {\n"
                + "        super(\"" + id + "\", \"hand-written\"" + parents + ");\n    }\n\n"
                + "    @Override\n    public void upgrade(Operations ops) {\n    }\n\n"
                + "    @Override\n    public void downgrade(Operations ops) {\n    }\n}\n";
    }

    @Test
    void withoutAConfigurationFileTheToolSaysToInit(@TempDir Path dir) {
        Path config = dir.resolve("retort-migrate.properties");
        Cli.Result r = failed(new Cli(config, null).run("current"));
        assertThat(r.err()).isEqualTo("error: There is no " + config + ". Run 'retort-migrate init --package <package>' "
                + "to make one, or point at yours with --config.\n");
    }

    @Test
    void malformedCommandLinesExitWithTheUsageCode(@TempDir Path dir) {
        Cli cli = new Cli(dir.resolve("retort-migrate.properties"), null);
        Cli.Result missing = cli.run("upgrade");
        assertThat(missing.code()).isEqualTo(MigrateCommand.EXIT_USAGE);
        assertThat(missing.err()).startsWith("Missing required parameter: 'TARGET'\nUsage: retort-migrate upgrade ");
        Cli.Result unknown = cli.run("upgrade", "head", "--frobnicate");
        assertThat(unknown.code()).isEqualTo(MigrateCommand.EXIT_USAGE);
        assertThat(unknown.err()).startsWith("Unknown option: '--frobnicate'");
        Cli.Result noPackage = cli.run("init");
        assertThat(noPackage.code()).isEqualTo(MigrateCommand.EXIT_USAGE);
        assertThat(noPackage.err()).startsWith("Missing required option: '--package=PACKAGE'");
    }

    @Test
    void offlineScriptsNeedNoDatabaseAndTakeTheDialectFromTheUrlOrTheOption(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("retort-migrate.properties");
        Cli cli = new Cli(config, "sqlite:///" + dir.resolve("never-made.db"));
        ok(cli.run("init", "--package", "app.migrations", "--source-directory", "src"));
        Path folder = dir.resolve("src/app/migrations");
        Files.writeString(folder.resolve("V0001_Tables.java"), revision("V0001_Tables", "0001_tables")
                .replace("    public void upgrade(Operations ops) {\n    }", "    public void upgrade(Operations ops) {\n"
                        + "        ops.execute(\"CREATE TABLE t (id INTEGER)\");\n    }"));
        Migrations migrations = Migrations.fromSources(dir.resolve("src"), "app.migrations");
        assertThat(ok(cli.run("upgrade", "head", "--sql")).out())
                .isEqualTo(migrations.upgradeScript(new SqliteDialect(), "base", "head").sql())
                .contains("CREATE TABLE t (id INTEGER);\nINSERT INTO retort_version (revision) VALUES ('0001_tables');\n");
        assertThat(ok(cli.run("upgrade", "base:head", "--sql", "--dialect", "postgresql")).out())
                .isEqualTo(migrations.upgradeScript(new PostgresDialect(), "base", "head").sql())
                .contains("BEGIN;\nCREATE TABLE t (id INTEGER);\n");
        assertThat(ok(cli.run("downgrade", "0001_tables:base", "--sql")).out())
                .isEqualTo(migrations.downgradeScript(new SqliteDialect(), "0001_tables", "base").sql());
        assertThat(Files.exists(dir.resolve("never-made.db"))).isFalse();
        assertThat(failed(cli.run("downgrade", "base", "--sql")).err()).isEqualTo("error: Offline, downgrade needs the "
                + "revision(s) the database is at: downgrade FROM:TO --sql, e.g. downgrade 0003_orders:base --sql.\n");
        assertThat(failed(cli.run("upgrade", "head", "--sql", "--dialect", "oracle")).err())
                .startsWith("error: Unknown database URL scheme 'oracle'. Known schemes: ");
    }

    @EachDatabase(only = {DatabaseKind.SQLITE_FILE, DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void badInputIsRefusedWithTheReasonAndTheFix(TestDatabase db, @TempDir Path dir) throws IOException {
        Path config = dir.resolve("retort-migrate.properties");
        Cli cli = new Cli(config, db.url());
        Path folder = dir.resolve("src/app/migrations");
        ok(cli.run("init", "--package", "app.migrations", "--source-directory", "src"));
        assertThat(failed(cli.run("init", "--package", "app.migrations")).err())
                .isEqualTo("error: " + config + " exists already. Edit it, or pass --force to write it anew.\n");

        assertThat(failed(cli.run("revision", "--autogenerate", "-m", "first")).err())
                .startsWith("error: autogenerate and check compare the model with the database, and " + config
                        + " names no model. Add model=com.example.Schema#METADATA: ");

        String settings = Files.readString(config);
        Files.writeString(config, settings + "model=no.such.Schema#METADATA\n");
        assertThat(failed(cli.run("check")).err()).isEqualTo("error: model=no.such.Schema#METADATA: class no.such.Schema "
                + "is not on the class path. Run the tool with the application's classes on its class path (see "
                + "docs/migrations.md).\n");
        Files.writeString(config, settings + "model=dev.retort.migrate.cli.CliModel#OPTIONS\n");
        assertThat(failed(cli.run("check")).err()).startsWith("error: model=dev.retort.migrate.cli.CliModel#OPTIONS gives "
                + "a dev.retort.migrate.autogenerate.AutogenerateOptions, not a MetaData.");
        Files.writeString(config, settings + "model=dev.retort.migrate.cli.CliModel\n");
        assertThat(failed(cli.run("check")).err()).startsWith("error: model=dev.retort.migrate.cli.CliModel should name a "
                + "class and a member: ");
        Files.writeString(config, settings);

        ok(cli.run("revision", "-m", "First", "--rev-id", "0001_first"));
        assertThat(failed(cli.run("upgrade", "0009_nope")).err()).isEqualTo("error: No revision has the id '0009_nope'; "
                + "the revisions are [0001_first]. Use one of them (history() lists them), or head, base, +n or -n.\n");
        assertThat(failed(cli.run("revision", "-m", "Again", "--rev-id", "0001_first")).err())
                .isEqualTo("error: The revision id '0001_first' is taken; choose another with --rev-id.\n");

        ok(cli.run("revision", "-m", "Branch a", "--rev-id", "0002_a"));
        ok(cli.run("revision", "-m", "Branch b", "--rev-id", "0002_b", "--head", "0001_first"));
        assertThat(failed(cli.run("revision", "-m", "After both")).err()).isEqualTo("error: The revisions have 2 heads, "
                + "[0002_a, 0002_b]: pass --head <id> to follow one of them (a branch), or write a merge revision with "
                + "--merge first.\n");
        assertThat(failed(cli.run("upgrade", "head")).err()).isEqualTo("error: upgrade head is ambiguous: the revisions "
                + "have 2 heads, 0002_a (Branch a), 0002_b (Branch b), branches that no merge revision joins. Write a merge "
                + "revision that revises 0002_a and 0002_b, or name one of them as the target (or 'heads' for all).\n");
        assertThat(ok(cli.run("upgrade", "heads")).out()).isEqualTo("Applied 0001_first (First)\nApplied 0002_a (Branch a)\n"
                + "Applied 0002_b (Branch b)\n");
        assertThat(ok(cli.run("current")).out()).isEqualTo("0002_a (Branch a) (head)\n0002_b (Branch b) (head)\n");
        ok(cli.run("revision", "-m", "Join", "--merge", "--rev-id", "0003_join"));
        assertThat(folder.resolve("V0003_Join.java")).content().contains("super(\"0003_join\", \"Join\", \"0002_a\", \"0002_b\");");
        assertThat(ok(cli.run("history")).out()).isEqualTo("0002_a, 0002_b -> 0003_join (head) (mergepoint), Join\n"
                + "0001_first -> 0002_b, Branch b\n0001_first -> 0002_a, Branch a\n"
                + "base -> 0001_first (branchpoint), First\n");
        assertThat(ok(cli.run("upgrade", "head")).out()).isEqualTo("Applied 0003_join (Join)\n");

        Files.writeString(config, Files.readString(config).replace("#model=com.example.Schema#METADATA",
                "model=dev.retort.migrate.cli.CliModel#V1"));
        ok(cli.run("downgrade", "0002_a"));
        assertThat(failed(cli.run("revision", "--autogenerate", "-m", "Too early")).err())
                .isEqualTo("error: The database is at 0002_a, 0002_b but the new revision follows 0003_join. Upgrade the "
                        + "database first (retort-migrate upgrade 0003_join), so that autogenerate compares the model with "
                        + "the newest schema.\n");
        ok(cli.run("upgrade", "head"));
        assertThat(failed(cli.run("revision", "--autogenerate", "-m", "Renamed", "--rename-column", "notes=body")).err())
                .isEqualTo("error: --rename-column notes=body should read TABLE.OLD=NEW.\n");

        Files.writeString(folder.resolve("V0004_Broken.java"), "package app.migrations;\n\npublic final class V0004_Broken "
                + "extends dev.retort.migrate.Revision {\n    oops\n}\n");
        Cli.Result broken = failed(cli.run("history"));
        assertThat(broken.err()).startsWith("error: The revision sources in " + folder + " do not compile: "
                + "V0004_Broken.java:4: ").endsWith(". Fix them; nothing was run.\n");
        Files.delete(folder.resolve("V0004_Broken.java"));

        Files.writeString(folder.resolve("V0005_X.java"), revision("V0005_X", "0005_x", "0003_join", "0006_y"));
        Files.writeString(folder.resolve("V0006_Y.java"), revision("V0006_Y", "0006_y", "0005_x"));
        assertThat(failed(cli.run("heads")).err()).isEqualTo("error: The revisions form a cycle: 0005_x -> 0006_y -> 0005_x "
                + "(each revises the one after it). A revision must revise only revisions made before it; fix the ids they "
                + "revise.\n");
    }
}
