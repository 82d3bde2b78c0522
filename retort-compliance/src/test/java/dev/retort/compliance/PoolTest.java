package dev.retort.compliance;

import dev.retort.InvalidStateException;
import dev.retort.PoolTimeoutException;
import dev.retort.dialect.Capability;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.EngineOptions;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.time.Duration;

import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoolTest {

    @EachDatabase
    void exhaustedPoolTimesOutWithAClearError(TestDatabase db) {
        Engine engine = db.engine(EngineOptions.builder().poolSize(1).maxWait(Duration.ofMillis(300)).build());
        try (Connection held = engine.connect()) {
            held.execute(text("SELECT 1")).all();
            assertThatThrownBy(engine::connect)
                    .isInstanceOf(PoolTimeoutException.class)
                    .hasMessageContaining("300 ms")
                    .hasMessageContaining("all 1 of 1 pooled connections are in use")
                    .hasMessageContaining("poolSize");
        }
        try (Connection again = engine.connect()) {
            assertThat(again.execute(text("SELECT 1")).scalar(Integer.class)).isEqualTo(1);
        }
    }

    @EachDatabase
    void closedEngineRefusesConnections(TestDatabase db) {
        Engine engine = db.engine(EngineOptions.defaults());
        engine.connect().close();
        engine.close();
        assertThatThrownBy(engine::connect).isInstanceOf(InvalidStateException.class).hasMessageContaining("closed");
    }

    @EachDatabase(only = DatabaseKind.SQLITE_MEMORY)
    void inMemoryDatabaseIsSharedByEveryCheckout(TestDatabase db) {
        Engine engine = db.engine();
        try (Connection c = engine.connect()) {
            c.execute(text("CREATE TABLE shared (x INTEGER)"));
            c.execute(text("INSERT INTO shared VALUES (42)"));
            c.commit();
        }
        try (Connection c = engine.connect()) {
            assertThat(c.execute(text("SELECT x FROM shared")).scalar(Integer.class)).isEqualTo(42);
        }
        assertThat(engine.poolStatus().maxSize()).isEqualTo(1);
    }

    @EachDatabase(only = DatabaseKind.SQLITE_FILE)
    void sqliteFileConnectionsGetTheirPragmas(TestDatabase db) {
        try (Connection c = db.engine().connect()) {
            assertThat(c.execute(text("PRAGMA foreign_keys")).scalar(Integer.class)).isEqualTo(1);
            assertThat(c.execute(text("PRAGMA journal_mode")).scalar(String.class)).isEqualToIgnoringCase("wal");
            assertThat(c.execute(text("PRAGMA busy_timeout")).scalar(Integer.class)).isEqualTo(5000);
        }
        Engine custom = db.engine(EngineOptions.builder().driverProperty("busy_timeout", "250").build());
        try (Connection c = custom.connect()) {
            assertThat(c.execute(text("PRAGMA busy_timeout")).scalar(Integer.class)).isEqualTo(250);
        }
    }

    /** The server kills the pooled connection; with pre-ping the next checkout gets a live one at once. */
    @EachDatabase(requires = Capability.SERVER_SESSIONS)
    void killedConnectionIsReplacedWithPrePing(TestDatabase db) {
        Engine engine = db.engine(EngineOptions.builder().poolSize(1).prePing(true).build());
        long first = sessionId(db, engine);
        kill(db, first);
        long second = sessionId(db, engine);
        assertThat(second).isNotEqualTo(first);
    }

    /** Without pre-ping the pool validates a connection that sat idle for more than half a second. */
    @EachDatabase(requires = Capability.SERVER_SESSIONS)
    void killedIdleConnectionIsReplacedByThePool(TestDatabase db) throws InterruptedException {
        Engine engine = db.engine(EngineOptions.builder().poolSize(1).build());
        long first = sessionId(db, engine);
        kill(db, first);
        Thread.sleep(700);
        long second = sessionId(db, engine);
        assertThat(second).isNotEqualTo(first);
    }

    private static long sessionId(TestDatabase db, Engine engine) {
        String sql = db.kind() == DatabaseKind.POSTGRESQL ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()";
        try (Connection c = engine.connect()) {
            return c.execute(text(sql)).scalar(Long.class);
        }
    }

    private static void kill(TestDatabase db, long sessionId) {
        Engine admin = db.engine(EngineOptions.builder().autocommit(true).build());
        try (Connection c = admin.connect()) {
            if (db.kind() == DatabaseKind.POSTGRESQL) {
                assertThat(c.execute(text("SELECT pg_terminate_backend(:pid)").bind("pid", (int) sessionId))
                        .scalar(Boolean.class)).isTrue();
                waitUntilGone(c, "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = :id", sessionId);
            } else {
                c.execute(text("KILL CONNECTION :id").bind("id", sessionId));
                waitUntilGone(c, "SELECT COUNT(*) FROM information_schema.processlist WHERE id = :id", sessionId);
            }
        }
    }

    private static void waitUntilGone(Connection c, String sql, long id) {
        for (int i = 0; i < 100; i++) {
            if (c.execute(text(sql).bind("id", id)).scalar(Long.class) == 0) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("session " + id + " was not terminated");
    }
}
