package dev.retort.migrate.scratch;

import dev.retort.dialect.DatabaseUrl;
import dev.retort.migrate.MigrationException;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scratch databases on the servers: names quoted by the dialect, and a failed drop that names what is left. */
class ServerScratchTest {

    private static ServerScratch scratch(TestDatabase db, String url) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        return db.kind() == DatabaseKind.POSTGRESQL ? ServerScratch.postgres(parsed) : ServerScratch.mysqlFamily(parsed);
    }

    private static long count(TestDatabase db, String name) {
        String sql = db.kind() == DatabaseKind.POSTGRESQL ? "SELECT count(*) FROM pg_database WHERE datname = :n"
                : "SELECT count(*) FROM information_schema.schemata WHERE schema_name = :n";
        try (var conn = db.engine().connect()) {
            return conn.execute(text(sql).bind("n", name)).scalars(Number.class).one().longValue();
        }
    }

    @EachDatabase(only = {DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void aNameIsQuotedSoThatNoCharacterOfItEndsTheStatement(TestDatabase db) {
        String name = "retort_scratch_q'\"; x";
        ServerScratch kind = scratch(db, db.url());
        kind.create(name);
        try {
            assertThat(count(db, name)).isEqualTo(1);
        } finally {
            kind.drop(name);
        }
        assertThat(count(db, name)).isZero();
    }

    @EachDatabase(only = DatabaseKind.POSTGRESQL)
    void aDropThatFailsNamesTheDatabaseLeftBehind(TestDatabase db) {
        String stranger = db.url().replaceFirst("://[^@/]*@", "://retort_no_such_role@");
        assertThatThrownBy(() -> scratch(db, stranger).drop("retort_scratch_1_ab"))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Could not drop the scratch database retort_scratch_1_ab on postgresql://"
                        + "retort_no_such_role@")
                .hasMessageEndingWith(" Drop it by hand.");
    }
    @EachDatabase(only = DatabaseKind.POSTGRESQL)
    void aUserThatMayNotCreateDatabasesIsToldSo(TestDatabase db) {
        String role = "retort_no_createdb_" + Long.toHexString(System.nanoTime());
        try (var conn = db.engine().connect()) {
            conn.setAutocommit(true);
            conn.execute(text("CREATE ROLE " + role + " LOGIN"));
        }
        try {
            String url = db.url().replaceFirst("://[^@/]*@", "://" + role + "@");
            assertThatThrownBy(() -> scratch(db, url).create("retort_scratch_2_cd"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith("Could not make the scratch database retort_scratch_2_cd on postgresql://"
                            + role + "@")
                    .hasMessageContaining("permission denied to create database")
                    .hasMessageEndingWith(" The configured user must be allowed to create databases (PostgreSQL: "
                            + "CREATEDB; MariaDB, MySQL: the CREATE and DROP privileges).");
        } finally {
            try (var conn = db.engine().connect()) {
                conn.setAutocommit(true);
                conn.execute(text("DROP ROLE " + role));
            }
        }
        assertThat(count(db, "retort_scratch_2_cd")).isZero();
    }
}
