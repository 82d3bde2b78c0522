package dev.retort.migrate.cli;

import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lint} on the command line: offline with --dialect, online against each database, and its exit codes. */
class LintCliTest {
    private static final String PG_FINDING = "warning 0002_index [pg-create-index] create index ix_orders_customer on "
            + "orders\n  lock: SHARE (blocks writes); rows: index build\n  Building index ix_orders_customer on orders "
            + "blocks writes to the table until the index is built.\n  instead: build it with .concurrently() (CREATE "
            + "INDEX CONCURRENTLY: writes continue; the revision then runs without a transaction, so give the index a "
            + "revision of its own).\n";

    static String revision(String className, String id, String parent, String upgrade) {
        return "package app.migrations;\n\nimport dev.retort.migrate.Revision;\nimport dev.retort.migrate.ops.Operations;\n"
                + "import dev.retort.schema.Table;\nimport static dev.retort.schema.ColumnOptions.PRIMARY_KEY;\n"
                + "import static dev.retort.types.SqlTypes.BIGINT;\n\n"
                + "public final class " + className + " extends Revision {\n    public " + className + "() {\n"
                + "        super(\"" + id + "\", \"hand-written\"" + (parent == null ? "" : ", \"" + parent + "\"") + ");\n"
                + "    }\n\n    @Override\n    public void upgrade(Operations ops) {\n        " + upgrade + "\n    }\n\n"
                + "    @Override\n    public void downgrade(Operations ops) {\n    }\n}\n";
    }

    @EachDatabase(only = {DatabaseKind.SQLITE_FILE, DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void lintExitsNonZeroOnFindingsAtOrAboveTheLevel(TestDatabase db, @TempDir Path dir) throws IOException {
        Cli cli = new Cli(dir.resolve("retort-migrate.properties"), db.url());
        assertThat(cli.run("init", "--package", "app.migrations", "--source-directory", "src").code()).isZero();
        Path pkg = dir.resolve("src/app/migrations");
        Files.writeString(pkg.resolve("V0001_Orders.java"), revision("V0001_Orders", "0001_orders", null,
                "ops.createTable(Table.builder(\"orders\").column(\"id\", BIGINT, PRIMARY_KEY)"
                        + ".column(\"customer_id\", BIGINT));"));
        Files.writeString(pkg.resolve("V0002_Index.java"), revision("V0002_Index", "0002_index", "0001_orders",
                "ops.createIndex(\"ix_orders_customer\", \"orders\", \"customer_id\");"));

        Cli.Result pg = cli.run("lint", "--dialect", "postgresql");
        assertThat(pg.code()).as(pg.err()).isEqualTo(MigrateCommand.EXIT_FINDINGS);
        assertThat(pg.out()).isEqualTo(PG_FINDING + "1 finding on PostgreSQL: 0 error, 1 warning, 0 info.\n");
        Cli.Result pgErrorsOnly = cli.run("lint", "--dialect", "postgresql", "--fail-on", "error");
        assertThat(pgErrorsOnly.code()).isZero();
        assertThat(pgErrorsOnly.out()).isEqualTo(pg.out());
        assertThat(cli.run("lint", "0001_orders:head", "--dialect", "postgresql").code())
                .isEqualTo(MigrateCommand.EXIT_FINDINGS);
        assertThat(cli.run("lint", "0001_orders", "--dialect", "postgresql").out())
                .isEqualTo("No findings: every change runs online on PostgreSQL.\n");

        Cli.Result maria = cli.run("lint", "--dialect", "mariadb");
        assertThat(maria.code()).isZero();
        assertThat(maria.out()).startsWith("info 0002_index [mysql-build-index] create index ix_orders_customer on orders\n")
                .endsWith("1 finding on MariaDB: 0 error, 0 warning, 1 info.\n");
        assertThat(cli.run("lint", "--dialect", "mariadb", "--fail-on", "info").code())
                .isEqualTo(MigrateCommand.EXIT_FINDINGS);
        assertThat(cli.run("lint", "--dialect", "postgresql", "--fail-on", "never").code()).isZero();
        Cli.Result sqlite = cli.run("lint", "--dialect", "sqlite");
        assertThat(sqlite.code()).isZero();
        assertThat(sqlite.out()).isEqualTo("No findings: every change runs online on SQLite.\n");

        Cli.Result bad = cli.run("lint", "--dialect", "postgresql", "--fail-on", "loud");
        assertThat(bad.code()).isEqualTo(MigrateCommand.EXIT_FAILED);
        assertThat(bad.err()).isEqualTo("error: --fail-on loud: use info, warning, error or never.\n");
        // A malformed range names lint's own option, not upgrade's --sql.
        Cli.Result range = cli.run("lint", "base:", "--dialect", "postgresql");
        assertThat(range.code()).isEqualTo(MigrateCommand.EXIT_FAILED);
        assertThat(range.err()).isEqualTo("error: lint base: --dialect postgresql: write FROM:TO, e.g. base:head.\n");

        // Online: the pending revisions, judged for this database's server.
        Cli.Result online = cli.run("lint");
        assertThat(online.code()).as(online.err()).isEqualTo(db.kind() == DatabaseKind.POSTGRESQL
                ? MigrateCommand.EXIT_FINDINGS : MigrateCommand.EXIT_OK);
        switch (db.kind()) {
            case POSTGRESQL -> assertThat(online.out()).isEqualTo(PG_FINDING
                    + "1 finding on this database: 0 error, 1 warning, 0 info.\n");
            case MARIADB -> assertThat(online.out()).startsWith("info 0002_index [mysql-build-index] ");
            default -> assertThat(online.out()).isEqualTo("No findings: every change runs online on this database.\n");
        }
        assertThat(cli.run("upgrade", "head").code()).isZero();
        Cli.Result upToDate = cli.run("lint");
        assertThat(upToDate.code()).isZero();
        assertThat(upToDate.out()).isEqualTo("No findings: every change runs online on this database.\n");
    }
}
