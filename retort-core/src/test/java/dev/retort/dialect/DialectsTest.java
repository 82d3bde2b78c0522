package dev.retort.dialect;

import dev.retort.ConfigurationException;
import dev.retort.dialect.mysql.MariaDbDialect;
import dev.retort.dialect.mysql.MysqlDialect;
import dev.retort.dialect.postgresql.PostgresDialect;
import dev.retort.dialect.sqlite.SqliteDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class DialectsTest {

    // ---- schemes -----------------------------------------------------------------------------

    @Test
    void sqliteSchemeGivesSqliteDialect() {
        Dialect d = Dialects.forScheme("sqlite");

        assertThat(d).isExactlyInstanceOf(SqliteDialect.class);
        assertThat(d.name()).isEqualTo("sqlite");
        assertThat(d.serverVersion()).isSameAs(ServerVersion.LATEST);
    }

    @Test
    void postgresqlAndPostgresSchemesGivePostgresDialect() {
        assertThat(Dialects.forScheme("postgresql")).isExactlyInstanceOf(PostgresDialect.class);
        assertThat(Dialects.forScheme("postgres")).isExactlyInstanceOf(PostgresDialect.class);
    }

    @Test
    void mariadbSchemeGivesMariaDbDialect() {
        Dialect d = Dialects.forScheme("mariadb");

        assertThat(d).isExactlyInstanceOf(MariaDbDialect.class);
        assertThat(d.name()).isEqualTo("mariadb");
    }

    @Test
    void mysqlSchemeGivesMysqlDialect() {
        Dialect d = Dialects.forScheme("mysql");

        assertThat(d).isExactlyInstanceOf(MysqlDialect.class);
        assertThat(d.name()).isEqualTo("mysql");
    }

    @Test
    void unknownSchemeListsKnownSchemes() {
        assertThatThrownBy(() -> Dialects.forScheme("oracle"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Unknown database URL scheme 'oracle'.")
                .hasMessageContaining("Known schemes: mariadb, mysql, postgres, postgresql, sqlite.")
                .hasMessageContaining("dev.retort.dialect.DialectProvider");
    }

    // ---- server versions ---------------------------------------------------------------------

    @Test
    void mysqlDialectSwitchesToMariaDbForMariaDbServer() {
        Dialect d = new MysqlDialect().forServer("MariaDB", "10.11.19-MariaDB-0+deb12u1");

        assertThat(d).isExactlyInstanceOf(MariaDbDialect.class);
        assertThat(d.serverVersion()).isEqualTo(ServerVersion.parse("10.11.19-MariaDB-0+deb12u1"));
        assertThat(d.supports(Capability.INSERT_RETURNING)).isTrue();
        assertThat(d.supports(Capability.DELETE_RETURNING)).isTrue();
        assertThat(d.supports(Capability.UPDATE_RETURNING)).isFalse();
        assertThat(d.supports(Capability.TRANSACTIONAL_DDL)).isFalse();
        assertThat(d.supports(Capability.SAVEPOINTS)).isTrue();
        assertThat(d.displayName()).isEqualTo("MariaDB 10.11.19");
    }

    @Test
    void mariaDbVersionBehindMysqlCompatibilityPrefixIsRecognised() {
        Dialect d = new MysqlDialect().forServer("MySQL", "5.5.5-10.11.19-MariaDB");

        assertThat(d).isExactlyInstanceOf(MariaDbDialect.class);
        assertThat(d.serverVersion().major()).isEqualTo(10);
        assertThat(d.serverVersion().minor()).isEqualTo(11);
    }

    @Test
    void mariaDbBefore105LacksInsertReturning() {
        Dialect fromMysql = new MysqlDialect().forServer("MariaDB", "10.4.3-MariaDB");
        Dialect fromMariaDb = new MariaDbDialect().forServer("MariaDB", "10.4.3-MariaDB");

        for (Dialect d : new Dialect[] {fromMysql, fromMariaDb}) {
            assertThat(d).isExactlyInstanceOf(MariaDbDialect.class);
            assertThat(d.supports(Capability.INSERT_RETURNING)).isFalse();
            assertThat(d.supports(Capability.DELETE_RETURNING)).isTrue();
            assertThat(d.supports(Capability.UPDATE_RETURNING)).isFalse();
        }
    }

    @Test
    void mysqlServerGivesPlainMysqlDialectWithoutReturning() {
        Dialect d = new MysqlDialect().forServer("MySQL", "8.0.36");

        assertThat(d).isExactlyInstanceOf(MysqlDialect.class);
        assertThat(d.serverVersion()).isEqualTo(ServerVersion.parse("8.0.36"));
        assertThat(d.supports(Capability.INSERT_RETURNING)).isFalse();
        assertThat(d.supports(Capability.UPDATE_RETURNING)).isFalse();
        assertThat(d.supports(Capability.DELETE_RETURNING)).isFalse();
        assertThat(d.displayName()).isEqualTo("MySQL 8.0.36");
    }

    @Test
    void sqliteBefore335LacksReturning() {
        Dialect d = new SqliteDialect().forServer("SQLite", "3.34.0");

        assertThat(d).isExactlyInstanceOf(SqliteDialect.class);
        assertThat(d.supports(Capability.INSERT_RETURNING)).isFalse();
        assertThat(d.supports(Capability.UPDATE_RETURNING)).isFalse();
        assertThat(d.supports(Capability.DELETE_RETURNING)).isFalse();
        assertThat(d.supports(Capability.SAVEPOINTS)).isTrue();
    }

    @Test
    void sqliteFrom335HasReturning() {
        Dialect d = new SqliteDialect().forServer("SQLite", "3.35.0");

        assertThat(d.supports(Capability.INSERT_RETURNING)).isTrue();
        assertThat(d.supports(Capability.UPDATE_RETURNING)).isTrue();
        assertThat(d.supports(Capability.DELETE_RETURNING)).isTrue();
        assertThat(d.displayName()).isEqualTo("SQLite 3.35.0");
    }

    @Test
    void postgresForServerKeepsEveryCapabilityAndTakesVersion() {
        Dialect d = new PostgresDialect().forServer("PostgreSQL", "15.19 (Debian 15.19-0+deb12u1)");

        assertThat(d).isExactlyInstanceOf(PostgresDialect.class);
        assertThat(d.serverVersion().major()).isEqualTo(15);
        assertThat(d.supports(Capability.UPDATE_RETURNING)).isTrue();
        assertThat(d.supports(Capability.TRANSACTIONAL_DDL)).isTrue();
        assertThat(d.displayName()).isEqualTo("PostgreSQL 15.19.0");
    }

    // ---- JDBC targets ------------------------------------------------------------------------

    @Test
    void postgresJdbcTargetMovesCredentialsAndQueryIntoProperties() {
        JdbcTarget t = new PostgresDialect().jdbcTarget(DatabaseUrl.parse("postgresql://u:p@h:5433/db?sslmode=require"));

        assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5433/db");
        assertThat(t.driverClassName()).isEqualTo("org.postgresql.Driver");
        assertThat(t.singleConnection()).isFalse();
        assertThat(t.defaultPoolSize()).isEqualTo(10);
        assertThat(asMap(t.properties())).containsOnly(
                entry("user", "u"), entry("password", "p"), entry("sslmode", "require"),
                entry("ApplicationName", "retort"));
    }

    @Test
    void postgresJdbcTargetDefaultsHostAndPortAndLetsUrlOverrideApplicationName() {
        JdbcTarget t = new PostgresDialect().jdbcTarget(DatabaseUrl.parse("postgresql:///db?ApplicationName=shop"));

        assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/db");
        assertThat(asMap(t.properties())).containsOnly(entry("ApplicationName", "shop"));
    }

    @Test
    void jdbcTargetPropertiesAreACopy() {
        JdbcTarget t = new PostgresDialect().jdbcTarget(DatabaseUrl.parse("postgresql://u:p@h/db"));

        t.properties().setProperty("password", "changed");

        assertThat(t.properties().getProperty("password")).isEqualTo("p");
    }

    @Test
    void mariadbJdbcTargetUsesMariaDbDriverAndDefaultPort() {
        JdbcTarget t = new MariaDbDialect().jdbcTarget(DatabaseUrl.parse("mariadb://root:pw@127.0.0.1/test"));

        assertThat(t.jdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/test");
        assertThat(t.driverClassName()).isEqualTo("org.mariadb.jdbc.Driver");
        assertThat(asMap(t.properties())).containsOnly(entry("user", "root"), entry("password", "pw"));
    }

    @Test
    void sqliteFileJdbcTargetSetsPragmasAndWal() {
        JdbcTarget t = new SqliteDialect().jdbcTarget(DatabaseUrl.parse("sqlite:///x.db"));

        assertThat(t.jdbcUrl()).isEqualTo("jdbc:sqlite:x.db");
        assertThat(t.driverClassName()).isEqualTo("org.sqlite.JDBC");
        assertThat(t.singleConnection()).isFalse();
        assertThat(t.defaultPoolSize()).isEqualTo(5);
        assertThat(asMap(t.properties())).containsOnly(
                entry("foreign_keys", "true"), entry("busy_timeout", "5000"), entry("journal_mode", "WAL"));
    }

    @Test
    void sqliteAbsoluteFileJdbcTarget() {
        JdbcTarget t = new SqliteDialect().jdbcTarget(DatabaseUrl.parse("sqlite:////var/data/x.db"));

        assertThat(t.jdbcUrl()).isEqualTo("jdbc:sqlite:/var/data/x.db");
    }

    @Test
    void sqliteQueryParametersOverridePragmas() {
        JdbcTarget t = new SqliteDialect().jdbcTarget(DatabaseUrl.parse("sqlite:///x.db?journal_mode=DELETE"));

        assertThat(t.properties().getProperty("journal_mode")).isEqualTo("DELETE");
    }

    @Test
    void sqliteMemoryJdbcTargetIsSingleConnectionWithoutWal() {
        JdbcTarget t = new SqliteDialect().jdbcTarget(DatabaseUrl.parse("sqlite://"));

        assertThat(t.jdbcUrl()).isEqualTo("jdbc:sqlite::memory:");
        assertThat(t.singleConnection()).isTrue();
        assertThat(t.defaultPoolSize()).isEqualTo(1);
        assertThat(asMap(t.properties())).containsOnly(entry("foreign_keys", "true"), entry("busy_timeout", "5000"));
    }

    @Test
    void sqliteExplicitMemoryPathIsSingleConnection() {
        JdbcTarget t = new SqliteDialect().jdbcTarget(DatabaseUrl.parse("sqlite:///:memory:"));

        assertThat(t.jdbcUrl()).isEqualTo("jdbc:sqlite::memory:");
        assertThat(t.singleConnection()).isTrue();
    }

    @Test
    void sqliteUrlWithHostIsRejected() {
        assertThatThrownBy(() -> new SqliteDialect().jdbcTarget(DatabaseUrl.parse("sqlite://host/x.db")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SQLite URL 'sqlite://host/x.db' names a host, port or user")
                .hasMessageContaining("sqlite:///relative/path.db");
    }

    @Test
    void sqliteUrlWithUserIsRejectedWithPasswordMasked() {
        assertThatThrownBy(() -> new SqliteDialect().jdbcTarget(DatabaseUrl.parse("sqlite://u:secret@/x.db")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SQLite URL 'sqlite://u:***@/x.db' names a host, port or user")
                .hasMessageNotContaining("secret");
    }

    // ---- error classification ----------------------------------------------------------------

    @ParameterizedTest(name = "PostgreSQL SQLSTATE {0} is {1}")
    @CsvSource({
            "23505, UNIQUE_VIOLATION",
            "23503, FOREIGN_KEY_VIOLATION",
            "23502, NOT_NULL_VIOLATION",
            "23514, CHECK_VIOLATION",
            "23P01, INTEGRITY_VIOLATION",
            "40001, SERIALIZATION_FAILURE",
            "40P01, DEADLOCK",
            "57P01, CONNECTION_FAILURE",
            "08006, CONNECTION_FAILURE",
            "55P03, LOCK_TIMEOUT",
            "42P01, PROGRAMMING_ERROR",
            "42601, PROGRAMMING_ERROR",
            "22001, DATA_ERROR",
            "XX000, OTHER"})
    void postgresClassifiesBySqlState(String sqlState, ErrorCategory expected) {
        SQLException e = new SQLException("ERROR: something", sqlState, 0);

        assertThat(new PostgresDialect().classify(e)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "MariaDB vendor code {0} (SQLSTATE {1}) is {2}")
    @CsvSource({
            "1062, 23000, UNIQUE_VIOLATION",
            "1452, 23000, FOREIGN_KEY_VIOLATION",
            "1048, 23000, NOT_NULL_VIOLATION",
            "4025, 23000, CHECK_VIOLATION",
            "1213, 40001, DEADLOCK",
            "1205, HY000, LOCK_TIMEOUT",
            "1406, 22001, DATA_ERROR",
            "1064, 42000, PROGRAMMING_ERROR",
            "1169, 23000, INTEGRITY_VIOLATION",
            "9999, HY000, OTHER"})
    void mariaDbClassifiesByVendorCode(int vendorCode, String sqlState, ErrorCategory expected) {
        SQLException e = new SQLException("(conn=5) some error", sqlState, vendorCode);

        assertThat(new MariaDbDialect().classify(e)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "SQLite message {0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed: t.x)|UNIQUE_VIOLATION",
            "[SQLITE_CONSTRAINT_PRIMARYKEY] A PRIMARY KEY constraint failed (UNIQUE constraint failed: t.id)|UNIQUE_VIOLATION",
            "[SQLITE_CONSTRAINT_FOREIGNKEY] A foreign key constraint failed (FOREIGN KEY constraint failed)|FOREIGN_KEY_VIOLATION",
            "[SQLITE_CONSTRAINT_NOTNULL] A NOT NULL constraint failed (NOT NULL constraint failed: t.x)|NOT_NULL_VIOLATION",
            "[SQLITE_CONSTRAINT_CHECK] A CHECK constraint failed (CHECK constraint failed: x > 0)|CHECK_VIOLATION",
            "[SQLITE_CONSTRAINT_TRIGGER] A RAISE function within a trigger fired|INTEGRITY_VIOLATION",
            "[SQLITE_BUSY_SNAPSHOT] Another database connection has already written to the database|SERIALIZATION_FAILURE",
            "[SQLITE_BUSY] The database file is locked (database is locked)|LOCK_TIMEOUT",
            "[SQLITE_LOCKED] A table in the database is locked|LOCK_TIMEOUT",
            "[SQLITE_ERROR] SQL error or missing database (near \"SELEC\": syntax error)|PROGRAMMING_ERROR",
            "[SQLITE_IOERR] Some kind of disk I/O error occurred|OTHER"})
    void sqliteClassifiesByMessagePrefix(String message, ErrorCategory expected) {
        SQLException e = new SQLException(message, null, 0);

        assertThat(new SqliteDialect().classify(e)).isEqualTo(expected);
    }

    @Test
    void sqliteFallsBackToSqlStateWithoutMessagePrefix() {
        assertThat(new SqliteDialect().classify(new SQLException("boom", "08001", 0)))
                .isEqualTo(ErrorCategory.CONNECTION_FAILURE);
        assertThat(new SqliteDialect().classify(new SQLException((String) null, null, 0)))
                .isEqualTo(ErrorCategory.OTHER);
    }

    private static Map<Object, Object> asMap(Properties p) {
        return Map.copyOf(p);
    }
}
