package dev.retort.examples;

import dev.retort.dialect.mysql.MariaDbDialect;
import dev.retort.dialect.postgresql.PostgresDialect;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.migrate.Migrations;
import dev.retort.migrate.Migrator;
import dev.retort.migrate.Revision;
import dev.retort.migrate.autogenerate.AutogenerateOptions;
import dev.retort.migrate.autogenerate.FromScratch;
import dev.retort.migrate.autogenerate.SchemaObject;
import dev.retort.reflect.ReflectedIndex;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.retort.sql.Statements.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the samples of docs/migrations.md. */
class MigrationsGuideTest {

    @EachDatabase
    void theLibraryMigratesUpAndDownAndMatchesItsModel(TestDatabase db) {
        Engine engine = db.engine();
        assertThat(MigrationsGuide.upgradeAndDowngrade(engine)).containsExactly(
                "[0001_library, 0002_loans, 0003_audio, 0003_isbn13, 0004_merge]", "[0004_merge]", "[0003_isbn13]",
                "[0004_merge]");
        assertThat(MigrationsGuide.check(engine)).isEmpty();

        String source = MigrationsGuide.autogenerate(engine);
        assertThat(source).startsWith("[add column loans.returned_on DATE]\npackage dev.retort.examples.migrations;\n")
                .contains("public final class V0005_Returns extends Revision {",
                        "super(\"0005_returns\", \"Loans remember returns\", \"0004_merge\");",
                        "        ops.addColumn(\"loans\", \"returned_on\", DATE);",
                        "        // Loses data: drops column loans.returned_on and its values.\n"
                                + "        ops.dropColumn(\"loans\", \"returned_on\");");

        Migrations.scan("dev.retort.examples.migrations").migrator(engine).downgrade("base");
        assertThatThrownBy(() -> MigrationsGuide.check(engine)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The database differs from the model:\n")
                .hasMessageContaining("add table authors [id, name]\nadd table books [id, author_id, title, isbn, format, "
                        + "copies]\nadd table loans [id, book_id, member, due]");
    }

    @Test
    void theRevisionsRenderForPostgresWithoutADatabase() {
        String sql = MigrationsGuide.offlineScript();
        assertThat(sql).startsWith("\n-- the version table\nCREATE TABLE retort_version (")
                .contains("CREATE TYPE book_format AS ENUM ('paper', 'ebook');\n",
                        "ALTER TABLE books ADD COLUMN copies INTEGER DEFAULT 1 NOT NULL;\n",
                        "ALTER TYPE book_format ADD VALUE 'audio';\n",
                        "ALTER TABLE books ALTER COLUMN isbn TYPE VARCHAR(13) USING isbn::VARCHAR(13);\n",
                        "-- upgrade 0003_audio, 0003_isbn13 -> 0004_merge: 0004_merge (Join the ISBN and audio branches)\n");
    }

    @Test
    void optionsIgnoreAndRename() {
        AutogenerateOptions options = MigrationsGuide.options();
        assertThat(options.toString()).contains("{loans=lendings}", "{lendings={member=member_name}}");
        assertThat(options.versionTable()).isEqualTo("retort_version");
        assertThat(SchemaObject.table("tmp_import")).isEqualTo(new SchemaObject(SchemaObject.Kind.TABLE, "tmp_import",
                "tmp_import"));
    }

    @EachDatabase(only = {DatabaseKind.SQLITE_FILE, DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void theCommandLineReadsTheModulesConfiguration(TestDatabase db) {
        Path config = DocSnippetsTest.root().resolve("retort-examples/retort-migrate.properties");
        String file = config.toString();
        List<String> history = MigrationsGuide.commandLine("history", "--config", file);
        assertThat(history.get(0)).as(history.get(2)).isEqualTo("0");
        assertThat(history.get(1)).isEqualTo("0003_isbn13, 0003_audio -> 0004_merge (head) (mergepoint), Join the ISBN "
                + "and audio branches\n0002_loans -> 0003_isbn13, ISBN-13\n0002_loans -> 0003_audio, Audio books\n"
                + "0001_library -> 0002_loans (branchpoint), Loans and copies\nbase -> 0001_library, Authors and books\n");
        List<String> upgrade = MigrationsGuide.commandLine("upgrade", "head", "--config", file, "--url", db.url());
        assertThat(upgrade.get(0)).as(upgrade.get(2)).isEqualTo("0");
        assertThat(upgrade.get(1)).startsWith("Applied 0001_library (Authors and books)\n");
        List<String> check = MigrationsGuide.commandLine("check", "--config", file, "--url", db.url());
        assertThat(check).containsExactly("0", "No differences between the model and the database.\n", "");
    }
    @EachDatabase(only = {DatabaseKind.SQLITE_FILE, DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void lintFindsWhatLocksAndTheOnlineFormsRunOnEveryDatabase(TestDatabase db) {
        Engine engine = db.engine();
        List<String> offline = List.of("offline postgresql 0005_pinned pg-create-index",
                "offline postgresql 0005_pinned pg-set-not-null");
        List<String> pending = switch (db.kind()) {
            case POSTGRESQL -> List.of("pending postgresql 0005_pinned pg-create-index",
                    "pending postgresql 0005_pinned pg-set-not-null");
            case MARIADB -> List.of("pending mariadb 0002_customer_index mysql-build-index",
                    "pending mariadb 0003_constraints mysql-add-foreign-key", "pending mariadb 0003_constraints mysql-add-check");
            default -> List.of("pending sqlite 0003_constraints sqlite-rebuild", "pending sqlite 0003_constraints sqlite-rebuild",
                    "pending sqlite 0005_pinned sqlite-rebuild");
        };
        List<String> expected = new ArrayList<>(offline);
        expected.addAll(pending);
        assertThat(MigrationsGuide.lint(engine)).containsExactlyElementsOf(expected);

        // The revisions run, with rows in the table: the constraints and NOT NULL hold afterwards.
        Migrator migrator = OnlineOrders.migrations().migrator(engine);
        migrator.upgrade("0001_orders");
        try (Connection conn = engine.connect()) {
            conn.setAutocommit(true);
            conn.execute(text("INSERT INTO customers (id, name) VALUES (1, 'Ada')"));
            conn.execute(text("INSERT INTO orders (id, customer_id, ref, qty) VALUES (1, 1, 'A-1', 2), (2, 1, 'A-2', 0)"));
        }
        assertThat(migrator.upgrade("head")).extracting(Revision::id).containsExactly("0002_customer_index",
                "0003_constraints", "0004_validate", "0005_pinned");
        assertThat(MigrationsGuide.lint(engine)).containsExactlyElementsOf(offline);
        try (Connection conn = engine.connect()) {
            conn.setAutocommit(true);   // each failed INSERT on its own
            assertThat(conn.execute(text("SELECT id, note FROM orders WHERE qty >= 0 ORDER BY id")).mappings().all())
                    .hasSize(2);
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO orders (id, customer_id, qty) VALUES (3, 1, -1)")))
                    .as("the check holds").isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO orders (id, customer_id) VALUES (4, 1)")))
                    .as("qty is NOT NULL").isInstanceOf(RuntimeException.class);
            assertThat(conn.inspector().table(null, "orders").indexes()).extracting(ReflectedIndex::name)
                    .contains("ix_orders_customer", "ix_orders_ref");
        }
        if (db.kind() == DatabaseKind.POSTGRESQL) {
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(text("SELECT conname, convalidated FROM pg_constraint WHERE conname IN "
                        + "('fk_orders_customer', 'ck_orders_qty') AND connamespace = current_schema()::regnamespace "
                        + "ORDER BY conname")).mappings().all()).containsExactly(
                        Map.of("conname", "ck_orders_qty", "convalidated", true),
                        Map.of("conname", "fk_orders_customer", "convalidated", true));
            }
        }
        assertThat(migrator.downgrade("base")).hasSize(5);
        assertThat(migrator.current()).isEmpty();
    }

    @Test
    void theOnlineFormsRenderPerDatabaseWithoutOne() {
        Migrations orders = OnlineOrders.migrations();
        String pg = orders.upgradeScript(new PostgresDialect(), "0001_orders", "head").sql();
        assertThat(pg).contains("-- upgrade 0001_orders -> 0002_customer_index: 0002_customer_index (Orders by customer)\n"
                        + "-- without a transaction: a statement of this revision cannot run inside one\n"
                        + "CREATE INDEX CONCURRENTLY ix_orders_customer ON orders (customer_id);\n",
                "ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) "
                        + "NOT VALID;\nALTER TABLE orders ADD CONSTRAINT ck_orders_qty CHECK (qty >= 0) NOT VALID;\n",
                "ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_customer;\n"
                        + "ALTER TABLE orders VALIDATE CONSTRAINT ck_orders_qty;\n",
                "CREATE INDEX ix_orders_ref ON orders (ref);\nALTER TABLE orders ADD COLUMN note TEXT;\n"
                        + "ALTER TABLE orders ALTER COLUMN qty SET NOT NULL;\n");
        List<String> maria = orders.upgradeScript(new MariaDbDialect(), "0001_orders", "head").sqlStatements();
        String version = "UPDATE retort_version SET revision = ? WHERE retort_version.revision = ?";
        assertThat(maria).containsExactly("CREATE INDEX ix_orders_customer ON orders (customer_id)", version,
                "ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)",
                "ALTER TABLE orders ADD CONSTRAINT ck_orders_qty CHECK (qty >= 0)", version,
                version,
                "CREATE INDEX ix_orders_ref ON orders (ref) ALGORITHM=INPLACE LOCK=NONE",
                "ALTER TABLE orders ADD COLUMN note LONGTEXT, ALGORITHM=INSTANT",
                "ALTER TABLE orders MODIFY COLUMN qty INTEGER NOT NULL, ALGORITHM=INPLACE, LOCK=NONE", version);
        assertThat(maria).noneMatch(sql -> sql.contains("VALIDATE") || sql.contains("CONCURRENTLY"));
    }

    @EachDatabase(only = {DatabaseKind.SQLITE_FILE, DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void theRevisionsAloneBuildTheModelOnAScratchDatabase(TestDatabase db) {
        FromScratch.Result r = MigrationsGuide.fromScratch(db.url());
        assertThat(r.diff().describe()).isEmpty();
        assertThat(r.scratchDatabase()).contains("retort_scratch_");
        if (db.kind().isSqlite()) {
            assertThat(Path.of(r.scratchDatabase())).doesNotExist();
        } else {
            String sql = db.kind() == DatabaseKind.POSTGRESQL ? "SELECT count(*) FROM pg_database WHERE datname = :n"
                    : "SELECT count(*) FROM information_schema.schemata WHERE schema_name = :n";
            try (Connection conn = db.engine().connect()) {
                assertThat(conn.execute(text(sql).bind("n", r.scratchDatabase())).scalars(Number.class).one().longValue())
                        .as("the scratch database was removed").isZero();
            }
        }
        // The configured database itself was not touched.
        assertThat(Migrations.scan("dev.retort.examples.migrations").migrator(db.engine()).current()).isEmpty();
    }
}
