package dev.retort.engine;

import dev.retort.ConfigurationException;
import dev.retort.ConnectionFailureException;
import dev.retort.InvalidStateException;
import dev.retort.dialect.CompiledStatement;
import dev.retort.dialect.ServerVersion;
import dev.retort.dialect.postgresql.PostgresDialect;
import dev.retort.dialect.sqlite.SqliteDialect;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.time.Duration;

import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineTest {

    @Test
    void unknownSchemeIsRejectedListingKnownSchemes() {
        assertThatThrownBy(() -> Engine.create("oracle://x"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Unknown database URL scheme 'oracle'")
                .hasMessageContaining("Known schemes: mariadb, mysql, postgres, postgresql, sqlite");
    }

    @Test
    void malformedUrlIsRejectedWithoutPassword() {
        assertThatThrownBy(() -> Engine.create("postgresql://u:secret@h:abc/db"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("port 'abc' is not a number")
                .hasMessageNotContaining("secret");
    }

    @Test
    void creatingAnEngineDoesNoIoAndMasksPasswordInUrl() {
        try (Engine engine = Engine.create("postgresql://u:secret@127.0.0.1:1/db")) {
            assertThat(engine.url()).isEqualTo("postgresql://u:***@127.0.0.1:1/db");
            assertThat(engine.dialect()).isExactlyInstanceOf(PostgresDialect.class);
            assertThat(engine.toString()).doesNotContain("secret");
        }
    }

    @Test
    void refusedConnectionFailsNamingHostAndPortWithoutPassword() {
        EngineOptions options = EngineOptions.builder().maxWait(Duration.ofSeconds(1)).build();
        try (Engine engine = Engine.create("postgresql://u:secret@127.0.0.1:1/db", options)) {
            assertThatThrownBy(engine::connect)
                    .isInstanceOf(ConnectionFailureException.class)
                    .hasMessageContaining("Could not connect to postgresql://u:***@127.0.0.1:1/db")
                    .hasMessageContaining("127.0.0.1:1")
                    .hasMessageNotContaining("secret");
        }
    }

    @Test
    void compilingSameStatementTwiceHitsCache() {
        try (Engine engine = Engine.create("sqlite://")) {
            CompiledStatement first = engine.compile(text("SELECT * FROM t WHERE a = :a").bind("a", 1));
            CompiledStatement second = engine.compile(text("SELECT * FROM t WHERE a = :a").bind("a", 2));

            assertThat(second).isSameAs(first);
            assertThat(first.sql()).isEqualTo("SELECT * FROM t WHERE a = ?");
            CacheStatistics stats = engine.statementCacheStatistics();
            assertThat(stats.misses()).isEqualTo(1);
            assertThat(stats.hits()).isEqualTo(1);
            assertThat(stats.size()).isEqualTo(1);
            assertThat(stats.capacity()).isEqualTo(500);
        }
    }

    @Test
    void cacheSizeZeroCompilesEveryTime() {
        EngineOptions options = EngineOptions.builder().statementCacheSize(0).build();
        try (Engine engine = Engine.create("sqlite://", options)) {
            CompiledStatement first = engine.compile(text("SELECT :a"));
            CompiledStatement second = engine.compile(text("SELECT :a"));

            assertThat(second).isNotSameAs(first).isEqualTo(first);
            CacheStatistics stats = engine.statementCacheStatistics();
            assertThat(stats.misses()).isEqualTo(2);
            assertThat(stats.hits()).isZero();
            assertThat(stats.size()).isZero();
        }
    }

    @Test
    void sqliteDialectLearnsRealVersionAtFirstConnect() throws Exception {
        String driverVersion;
        try (java.sql.Connection jdbc = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            driverVersion = jdbc.getMetaData().getDatabaseProductVersion();
        }
        try (Engine engine = Engine.create("sqlite://")) {
            assertThat(engine.dialect()).isExactlyInstanceOf(SqliteDialect.class);
            assertThat(engine.dialect().serverVersion()).isSameAs(ServerVersion.LATEST);

            engine.connect().close();

            ServerVersion version = engine.dialect().serverVersion();
            assertThat(engine.dialect()).isExactlyInstanceOf(SqliteDialect.class);
            assertThat(version).isNotSameAs(ServerVersion.LATEST);
            assertThat(version.major()).isEqualTo(3);
            assertThat(version.text()).isEqualTo(driverVersion);
            assertThat(version).isEqualTo(ServerVersion.parse(driverVersion));
        }
    }

    @Test
    void closedEngineRefusesToConnect() {
        Engine engine = Engine.create("sqlite://");
        engine.close();

        assertThatThrownBy(engine::connect)
                .isInstanceOf(InvalidStateException.class)
                .hasMessage("This engine (sqlite://) is closed.");
    }

    @Test
    void engineClosedAfterUseRefusesToConnect() {
        Engine engine = Engine.create("sqlite://");
        engine.connect().close();
        engine.close();

        assertThatThrownBy(engine::connect)
                .isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("is closed");
    }
}
