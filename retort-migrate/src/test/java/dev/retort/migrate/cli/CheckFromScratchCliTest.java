package dev.retort.migrate.cli;

import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code check --from-scratch} on the command line: passes on a matching model, names the drift, removes the scratch database. */
class CheckFromScratchCliTest {
    private static final Pattern BUILT = Pattern.compile("^Built scratch database (\\S+) from the migrations \\(removed\\)\\.\n");

    private static void useModel(Path config, String model) throws IOException {
        String text = Files.readString(config).replaceAll("(?m)^#?model=.*$", "model=" + model)
                .replaceAll("(?m)^#?autogenerate-options=.*$", "autogenerate-options=dev.retort.migrate.cli.CliModel#OPTIONS");
        Files.writeString(config, text);
    }

    private static boolean exists(TestDatabase db, String name) {
        if (db.kind().isSqlite()) {
            return Files.exists(Path.of(name));
        }
        String sql = db.kind() == DatabaseKind.POSTGRESQL ? "SELECT count(*) FROM pg_database WHERE datname = :n"
                : "SELECT count(*) FROM information_schema.schemata WHERE schema_name = :n";
        try (var conn = db.engine().connect()) {
            return conn.execute(text(sql).bind("n", name)).scalars(Number.class).one().longValue() > 0;
        }
    }

    private static String scratchName(Cli.Result r) {
        Matcher m = BUILT.matcher(r.out());
        assertThat(m.find()).as(r.out() + r.err()).isTrue();
        return m.group(1);
    }

    @EachDatabase(only = {DatabaseKind.SQLITE_FILE, DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void fromScratchComparesWhatTheMigrationsAloneBuild(TestDatabase db, @TempDir Path dir) throws IOException {
        Path config = dir.resolve("retort-migrate.properties");
        Cli cli = new Cli(config, db.url());
        assertThat(cli.run("init", "--package", "app.migrations", "--source-directory", "src").code()).isZero();
        useModel(config, "dev.retort.migrate.cli.CliModel#V1");
        Cli.Result rev = cli.run("revision", "--autogenerate", "-m", "Authors and notes", "--rev-id", "0001_notes");
        assertThat(rev.code()).as(rev.err()).isZero();

        // The configured database is still at base: --from-scratch does not need it upgraded.
        Cli.Result clean = cli.run("check", "--from-scratch");
        assertThat(clean.code()).as(clean.err()).isZero();
        String first = scratchName(clean);
        assertThat(clean.out()).endsWith("No differences between the model and the schema the migrations build.\n");
        assertThat(exists(db, first)).isFalse();
        assertThat(cli.run("current").out()).isEqualTo("base (no revision applied)\n");

        useModel(config, "dev.retort.migrate.cli.CliModel#v2");
        Cli.Result drift = cli.run("check", "--from-scratch");
        assertThat(drift.code()).isEqualTo(MigrateCommand.EXIT_DIFFERENCES);
        String second = scratchName(drift);
        assertThat(second).isNotEqualTo(first);
        assertThat(drift.out()).contains("The model and the schema the migrations build differ; write a revision "
                + "(retort-migrate revision --autogenerate -m ...):\n  add column notes.score INTEGER NOT NULL\n  drop "
                + "column notes.draft [destructive: drops column notes.draft and its values]\n");
        assertThat(exists(db, second)).isFalse();
    }
}
