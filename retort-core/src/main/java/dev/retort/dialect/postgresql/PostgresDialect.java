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
    private static final java.util.Set<String> RESERVED = reserved();

    private static java.util.Set<String> reserved() {
        java.util.Set<String> words = new java.util.HashSet<>(dev.retort.dialect.IdentifierPreparer.COMMON_RESERVED);
        words.addAll(java.util.List.of("analyse", "analyze", "array", "asymmetric", "both", "current_catalog",
                "current_role", "current_user", "deferrable", "do", "initially", "lateral", "leading", "localtime",
                "localtimestamp", "only", "placing", "returning", "session_user", "some", "symmetric", "trailing",
                "variadic", "authorization", "binary", "concurrently", "freeze", "ilike", "isnull", "notnull",
                "overlaps", "similar", "tablesample", "verbose"));
        return words;
    }

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
                Capability.ENFORCED_STRING_LENGTH, Capability.SERVER_SESSIONS, Capability.PARTIAL_INDEXES,
                Capability.EXPRESSION_INDEXES, Capability.SEQUENCES, Capability.DEFERRABLE_CONSTRAINTS, Capability.DEFERRABLE_UNIQUE,
                Capability.ALTER_ADD_CONSTRAINT, Capability.ALTER_COLUMN, Capability.ALTER_DROP_COLUMN,
                Capability.ALTER_RENAME_COLUMN, Capability.COMMENTS, Capability.NAMED_ENUM_TYPES, Capability.ARRAYS,
                Capability.FULL_OUTER_JOIN, Capability.UPDATE_FROM, Capability.DELETE_USING,
                Capability.LATERAL, Capability.CTE_BEFORE_DML));
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

    /** PostgreSQL folds unquoted names to lower case, so names with capitals are quoted. */
    @Override
    public dev.retort.dialect.IdentifierPreparer identifierPreparer() {
        return IDENTIFIERS;
    }

    private static final dev.retort.dialect.IdentifierPreparer IDENTIFIERS = new dev.retort.dialect.IdentifierPreparer(
            '"', '"', true, RESERVED);

    @Override
    public dev.retort.dialect.TypeCompiler typeCompiler() {
        return new PostgresTypeCompiler(this);
    }

    @Override
    public dev.retort.dialect.DdlCompiler newDdlCompiler() {
        return new PostgresDdlCompiler(this);
    }

    /** PostgreSQL has native UUID, INTERVAL, enum, JSON and array types. */
    @Override
    protected dev.retort.dialect.ValueCodec<?> makeCodec(dev.retort.types.SqlType<?> type) {
        return type.accept(new PostgresCodecs(this));
    }

    /** Reads {@code pg_catalog}. */
    @Override
    public dev.retort.reflect.SchemaReader schemaReader() {
        return new PostgresSchemaReader();
    }

    @Override
    protected String listTablesSql(String schema) {
        return "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
                + "AND table_schema = COALESCE(?, current_schema())";
    }

    @Override
    protected String listEnumTypesSql(String schema) {
        return "SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                + "WHERE t.typtype = 'e' AND n.nspname = COALESCE(?, current_schema())";
    }

    @Override
    protected String listSequencesSql(String schema) {
        return "SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = COALESCE(?, current_schema())";
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
