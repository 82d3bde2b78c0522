package dev.retort.compliance;

import dev.retort.dialect.Capability;
import dev.retort.dialect.ServerVersion;
import dev.retort.dialect.mysql.MariaDbDialect;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;

class DialectDetectionTest {

    @EachDatabase
    void firstConnectionReadsTheServerVersion(TestDatabase db) {
        Engine engine = db.engine();
        assertThat(engine.dialect().serverVersion()).isSameAs(ServerVersion.LATEST);
        try (Connection c = engine.connect()) {
            assertThat(c.dialect()).isSameAs(engine.dialect());
        }
        ServerVersion v = engine.dialect().serverVersion();
        assertThat(v).isNotSameAs(ServerVersion.LATEST);
        assertThat(v.major()).isBetween(3, 99);
        assertThat(engine.dialect().name()).isEqualTo(db.kind().isSqlite() ? "sqlite" : db.kind().label());
    }

    /** MariaDB has INSERT ... RETURNING from 10.5; the capability follows the server actually reached. */
    @EachDatabase(only = DatabaseKind.MARIADB)
    void mariaDbReturningFollowsTheServerVersion(TestDatabase db) {
        Engine engine = db.engine();
        engine.connect().close();
        ServerVersion v = engine.dialect().serverVersion();
        assertThat(engine.dialect().supports(Capability.INSERT_RETURNING)).isEqualTo(v.atLeast(10, 5));
        assertThat(engine.dialect().supports(Capability.UPDATE_RETURNING)).isFalse();
    }

    /** A mysql:// URL that reaches a MariaDB server switches to the MariaDB dialect. */
    @EachDatabase(only = DatabaseKind.MARIADB)
    void mysqlUrlOnMariaDbServerBecomesMariaDb(TestDatabase db) {
        Engine engine = db.engine();
        Engine viaMysql = Engine.create(db.url().replaceFirst("^mariadb:", "mysql:"));
        try (Connection c = viaMysql.connect()) {
            assertThat(c.execute(text("SELECT 1")).scalar(Integer.class)).isEqualTo(1);
        } finally {
            viaMysql.close();
        }
        assertThat(viaMysql.dialect()).isInstanceOf(MariaDbDialect.class);
        assertThat(engine).isNotNull();
    }
}
