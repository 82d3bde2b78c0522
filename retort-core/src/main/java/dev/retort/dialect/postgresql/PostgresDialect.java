package dev.retort.dialect.postgresql;

import dev.retort.IsolationLevel;
import dev.retort.dialect.Capability;
import dev.retort.dialect.DatabaseUrl;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.ErrorCategory;
import dev.retort.dialect.JdbcTarget;
import dev.retort.dialect.ServerVersion;
import dev.retort.dialect.SqlCompiler;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;

/**
 * PostgreSQL through the PostgreSQL JDBC driver ({@code org.postgresql:postgresql}).
 *
 * <p>URLs: {@code postgresql://user:password@host:5432/database?prop=value}; the scheme
 * {@code postgres} is accepted too. Query parameters are driver properties, e.g.
 * {@code ?currentSchema=app&sslmode=require}. Connections announce themselves as
 * {@code ApplicationName=retort} unless the URL says otherwise.
 *
 * <p>The driver streams a result with a fetch size only inside a transaction; the engine takes
 * care of that.
 */
public class PostgresDialect extends Dialect {

    /** A dialect for the newest PostgreSQL, for offline compilation. */
    public PostgresDialect() {
        this(ServerVersion.LATEST);
    }

    /**
     * A dialect for a given server version.
     *
     * @param version the server version
     */
    public PostgresDialect(ServerVersion version) {
        super(version, EnumSet.of(Capability.SAVEPOINTS, Capability.INSERT_RETURNING, Capability.UPDATE_RETURNING,
                Capability.DELETE_RETURNING, Capability.ROW_LOCKING, Capability.TRANSACTIONAL_DDL,
                Capability.ENFORCED_STRING_LENGTH, Capability.SERVER_SESSIONS));
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    protected String productName() {
        return "PostgreSQL";
    }

    @Override
    public Dialect forServer(String productName, String productVersion) {
        return new PostgresDialect(ServerVersion.parse(productVersion));
    }

    @Override
    public JdbcTarget jdbcTarget(DatabaseUrl url) {
        String host = url.host() == null ? "localhost" : url.host();
        int port = url.port() == null ? 5432 : url.port();
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port).append('/');
        if (url.database() != null) {
            jdbc.append(url.database());
        }
        Properties props = new Properties();
        props.setProperty("ApplicationName", "retort");
        if (url.user() != null) {
            props.setProperty("user", url.user());
        }
        if (url.password() != null) {
            props.setProperty("password", url.password());
        }
        props.putAll(url.query());
        return new JdbcTarget(jdbc.toString(), "org.postgresql.Driver", "org.postgresql:postgresql", props, false, 10);
    }

    @Override
    public SqlCompiler newCompiler() {
        return new PostgresSqlCompiler(this);
    }

    @Override
    public ErrorCategory classify(SQLException e) {
        String state = e.getSQLState();
        if (state != null) {
            switch (state) {
                case "57P01": // admin_shutdown, e.g. pg_terminate_backend()
                case "57P02": // crash_shutdown
                case "57P03": // cannot_connect_now
                    return ErrorCategory.CONNECTION_FAILURE;
                case "55P03": // lock_not_available (NOWAIT, lock_timeout)
                    return ErrorCategory.LOCK_TIMEOUT;
                default:
                    break;
            }
        }
        return super.classify(e);
    }

    @Override
    public IsolationLevel queryIsolationLevel(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SHOW transaction_isolation")) {
            rs.next();
            return IsolationLevel.fromName(rs.getString(1));
        }
    }

    @Override
    public boolean streamingNeedsTransaction() {
        return true;
    }
}
