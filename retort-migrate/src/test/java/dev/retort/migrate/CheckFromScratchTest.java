package dev.retort.migrate;

import dev.retort.engine.Engine;
import dev.retort.migrate.autogenerate.AutogenerateOptions;
import dev.retort.migrate.autogenerate.FromScratch;
import dev.retort.migrate.scratch.ScratchDatabase;
import dev.retort.schema.MetaData;
import dev.retort.schema.Table;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.retort.migrate.Rev.after;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.sql.Statements.text;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FromScratch (check --from-scratch): builds a scratch database from the migrations, compares, and always removes it. */
class CheckFromScratchTest {
    private static final Rev ORDERS = Rev.of("r1", after(),
            ops -> ops.createTable(Table.builder("orders").column("id", BIGINT, PRIMARY_KEY)), ops -> ops.dropTable("orders"));

    private static MetaData model(boolean withNote) {
        MetaData md = MetaData.builder().build();
        Table.Builder orders = Table.builder("orders").metadata(md).column("id", BIGINT, PRIMARY_KEY);
        if (withNote) {
            orders.column("note", TEXT);
        }
        orders.build();
        return md;
    }

    /** Whether a scratch database (by name, or any when null) is left on the test database's server. */
    static boolean scratchLeft(TestDatabase db, String name) {
        if (db.kind().isSqlite()) {
            return name != null && Files.exists(Path.of(name));
        }
        String sql = db.kind() == DatabaseKind.POSTGRESQL
                ? "SELECT count(*) FROM pg_database WHERE datname LIKE :n"
                : "SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE :n";
        try (var conn = db.engine().connect()) {
            return conn.execute(text(sql).bind("n", name == null ? "retort\\_scratch\\_%" : name))
                    .scalars(Number.class).one().longValue() > 0;
        }
    }

    @EachDatabase(only = {DatabaseKind.SQLITE_FILE, DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void matchesWhenTheMigrationsBuildTheModelAndNamesTheDriftOtherwise(TestDatabase db) {
        Migrations migrations = Migrations.of(ORDERS);
        FromScratch.Result same = FromScratch.check(migrations, db.url(), model(false), AutogenerateOptions.defaults());
        assertThat(same.diff().isEmpty()).as(same.diff().toString()).isTrue();
        assertThat(same.scratchDatabase()).contains("retort_scratch_");
        assertThat(scratchLeft(db, same.scratchDatabase())).isFalse();

        FromScratch.Result drift = FromScratch.check(migrations, db.url(), model(true), AutogenerateOptions.defaults());
        assertThat(drift.diff().describe()).containsExactly("add column orders.note TEXT");
        assertThat(scratchLeft(db, drift.scratchDatabase())).isFalse();
        // The configured database itself was not touched.
        assertThat(migrations.migrator(db.engine()).current()).isEmpty();
    }

    @EachDatabase(only = {DatabaseKind.SQLITE_FILE, DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void aFailingRevisionStillRemovesTheScratchDatabase(TestDatabase db) {
        Rev broken = Rev.of("r2", after("r1"), ops -> ops.execute("INSERT INTO no_such_table VALUES (1)"), ops -> { });
        assertThatThrownBy(() -> FromScratch.check(Migrations.of(ORDERS, broken), db.url(), model(false),
                AutogenerateOptions.defaults())).isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("Revision r2 (test revision r2) failed in its upgrade");
        if (db.kind().isServer()) {
            assertThat(scratchLeft(db, null)).isFalse();
        }
    }

    @Test
    void aDatabaseWithoutScratchDatabasesIsNamed() {
        assertThatThrownBy(() -> ScratchDatabase.create("h2://localhost/x"))
                .hasMessageContaining("h2");
    }

    @Test
    void sqliteScratchFilesAreDeletedOnClose() throws Exception {
        Path file;
        try (ScratchDatabase scratch = ScratchDatabase.create("sqlite:///ignored.db")) {
            file = Path.of(scratch.name());
            assertThat(scratch.url()).isEqualTo("sqlite:///" + file);
            try (Engine engine = Engine.create(scratch.url()); var conn = engine.connect()) {
                conn.execute(text("CREATE TABLE t (id INTEGER)"));
            }
            assertThat(file).exists();
        }
        assertThat(file).doesNotExist();
        assertThat(List.of(file.getFileName().toString())).allMatch(n -> n.startsWith("retort_scratch_"));
    }
}
