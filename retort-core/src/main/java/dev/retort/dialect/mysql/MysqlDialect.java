package dev.retort.dialect.mysql;

import dev.retort.IsolationLevel;
import dev.retort.dialect.Capability;
import dev.retort.dialect.DatabaseUrl;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.ErrorCategory;
import dev.retort.dialect.JdbcTarget;
import dev.retort.dialect.ServerVersion;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;

/**
 * MySQL, reached through MariaDB Connector/J ({@code org.mariadb.jdbc:mariadb-java-client}).
 *
 * <p>URLs: {@code mysql://user:password@host:3306/database?prop=value}. If the server turns out
 * to be MariaDB, the engine switches to {@link MariaDbDialect} at its first connection.
 * Errors are classified by MySQL's vendor codes, which MariaDB shares.
 */
public class MysqlDialect extends Dialect {

    /** A dialect for the newest MySQL, for offline compilation. */
    public MysqlDialect() {
        this(ServerVersion.LATEST);
    }

    /**
     * A dialect for a given server version.
     *
     * @param version the server version
     */
    public MysqlDialect(ServerVersion version) {
        // RENAME COLUMN arrived in MySQL 8.0; MariaDB's versions are checked by MariaDbDialect.
        this(version, version.atLeast(8, 0) ? EnumSet.of(Capability.ALTER_RENAME_COLUMN) : EnumSet.noneOf(Capability.class));
    }

    /**
     * For subclasses: a dialect with capabilities beyond MySQL's.
     *
     * @param version the server version
     * @param extra capabilities the subclass adds
     */
    protected MysqlDialect(ServerVersion version, Set<Capability> extra) {
        super(version, with(extra));
    }

    private static Set<Capability> with(Set<Capability> extra) {
        Set<Capability> caps = EnumSet.of(Capability.SAVEPOINTS, Capability.ROW_LOCKING,
                Capability.ENFORCED_STRING_LENGTH, Capability.SERVER_SESSIONS, Capability.ALTER_ADD_CONSTRAINT,
                Capability.ALTER_COLUMN, Capability.ALTER_DROP_COLUMN, Capability.COMMENTS, Capability.UPDATE_FROM, Capability.DELETE_USING);
        caps.addAll(extra);
        return caps;
    }

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    protected String productName() {
        return "MySQL";
    }

    @Override
    public Dialect forServer(String productName, String productVersion) {
        String version = productVersion.startsWith("5.5.5-") ? productVersion.substring(6) : productVersion;
        if (version.contains("MariaDB") || "MariaDB".equalsIgnoreCase(productName)) {
            return new MariaDbDialect(ServerVersion.parse(version));
        }
        return new MysqlDialect(ServerVersion.parse(version));
    }

    @Override
    public JdbcTarget jdbcTarget(DatabaseUrl url) {
        String host = url.host() == null ? "localhost" : url.host();
        int port = url.port() == null ? 3306 : url.port();
        StringBuilder jdbc = new StringBuilder("jdbc:mariadb://").append(host).append(':').append(port).append('/');
        if (url.database() != null) {
            jdbc.append(url.database());
        }
        Properties props = new Properties();
        if (url.user() != null) {
            props.setProperty("user", url.user());
        }
        if (url.password() != null) {
            props.setProperty("password", url.password());
        }
        props.putAll(url.query());
        return new JdbcTarget(jdbc.toString(), "org.mariadb.jdbc.Driver", "org.mariadb.jdbc:mariadb-java-client",
                props, false, 10);
    }

    private static final java.util.Set<String> RESERVED = reserved();
    private static final dev.retort.dialect.IdentifierPreparer IDENTIFIERS =
            new dev.retort.dialect.IdentifierPreparer('`', '`', false, RESERVED);

    private static java.util.Set<String> reserved() {
        java.util.Set<String> words = new java.util.HashSet<>(dev.retort.dialect.IdentifierPreparer.COMMON_RESERVED);
        words.addAll(java.util.List.of("accessible", "add", "analyze", "before", "bigint", "binary", "blob", "both",
                "call", "cascade", "change", "char", "character", "condition", "continue", "convert", "current_user",
                "cursor", "database", "databases", "dec", "decimal", "declare", "delayed", "describe", "div", "double",
                "dual", "each", "elseif", "enclosed", "escaped", "exit", "explain", "float", "force", "fulltext",
                "high_priority", "if", "ignore", "int", "integer", "interval", "iterate", "keys", "kill", "leading",
                "leave", "lines", "load", "localtime", "localtimestamp", "lock", "long", "loop", "low_priority",
                "match", "mod", "modifies", "numeric", "optimize", "option", "optionally", "out", "outfile",
                "precision", "procedure", "purge", "range", "read", "reads", "real", "regexp", "release", "rename",
                "repeat", "replace", "require", "restrict", "return", "revoke", "rlike", "schema", "schemas",
                "separator", "show", "smallint", "spatial", "sql", "ssl", "starting", "straight_join", "terminated",
                "tinyint", "trailing", "trigger", "undo", "unlock", "unsigned", "usage", "use", "utc_date",
                "utc_time", "utc_timestamp", "varchar", "varying", "while", "write", "xor", "year_month",
                "zerofill", "row", "rows", "returning", "over", "recursive", "system", "lateral", "of"));
        return words;
    }

    @Override
    public dev.retort.dialect.IdentifierPreparer identifierPreparer() {
        return IDENTIFIERS;
    }

    @Override
    public dev.retort.dialect.SqlCompiler newCompiler() {
        return new MysqlSqlCompiler(this);
    }

    @Override
    public dev.retort.dialect.TypeCompiler typeCompiler() {
        return new MysqlTypeCompiler(this);
    }

    @Override
    public dev.retort.dialect.DdlCompiler newDdlCompiler() {
        return new MysqlDdlCompiler(this);
    }

    /** Date-times avoid the driver's time-zone shifts, time-zone-aware values are stored in UTC, and NaN is refused. */
    @Override
    protected dev.retort.dialect.ValueCodec<?> makeCodec(dev.retort.types.SqlType<?> type) {
        return type.accept(new MysqlCodecs(this));
    }

    /** Reads {@code information_schema}. */
    @Override
    public dev.retort.reflect.SchemaReader schemaReader() {
        return new MysqlSchemaReader(this instanceof MariaDbDialect);
    }

    @Override
    protected String listTablesSql(String schema) {
        return "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
                + "AND table_schema = COALESCE(?, DATABASE())";
    }

    @Override
    public ErrorCategory classify(SQLException e) {
        switch (e.getErrorCode()) {
            case 1062: // ER_DUP_ENTRY
            case 1586: // ER_DUP_ENTRY_WITH_KEY_NAME
                return ErrorCategory.UNIQUE_VIOLATION;
            case 1216: // ER_NO_REFERENCED_ROW
            case 1217: // ER_ROW_IS_REFERENCED
            case 1451: // ER_ROW_IS_REFERENCED_2
            case 1452: // ER_NO_REFERENCED_ROW_2
                return ErrorCategory.FOREIGN_KEY_VIOLATION;
            case 1048: // ER_BAD_NULL_ERROR
            case 1364: // ER_NO_DEFAULT_FOR_FIELD
                return ErrorCategory.NOT_NULL_VIOLATION;
            case 3819: // MySQL ER_CHECK_CONSTRAINT_VIOLATED
            case 4025: // MariaDB ER_CONSTRAINT_FAILED
                return ErrorCategory.CHECK_VIOLATION;
            case 1213: // ER_LOCK_DEADLOCK
                return ErrorCategory.DEADLOCK;
            case 1205: // ER_LOCK_WAIT_TIMEOUT
            case 3572: // ER_LOCK_NOWAIT
                return ErrorCategory.LOCK_TIMEOUT;
            case 1264: // ER_WARN_DATA_OUT_OF_RANGE
            case 1292: // ER_TRUNCATED_WRONG_VALUE
            case 1366: // ER_TRUNCATED_WRONG_VALUE_FOR_FIELD
            case 1406: // ER_DATA_TOO_LONG
            case 1690: // ER_DATA_OUT_OF_RANGE
                return ErrorCategory.DATA_ERROR;
            case 1644: // ER_SIGNAL_EXCEPTION: SIGNAL SQLSTATE '45000' in a trigger or procedure. The MariaDB
                       // driver throws it as an SQLTransientConnectionException, but the connection is fine.
                return ErrorCategory.OTHER;
            case 1927: // ER_CONNECTION_KILLED
            case 2006: // CR_SERVER_GONE_ERROR
            case 2013: // CR_SERVER_LOST
                return ErrorCategory.CONNECTION_FAILURE;
            default:
                break;
        }
        ErrorCategory byState = super.classify(e);
        if (byState == ErrorCategory.OTHER && e.getSQLState() != null && e.getSQLState().startsWith("23")) {
            return ErrorCategory.INTEGRITY_VIOLATION;
        }
        return byState;
    }

    @Override
    public IsolationLevel queryIsolationLevel(Connection connection) throws SQLException {
        return queryIsolation(connection, "SELECT @@transaction_isolation");
    }

    static IsolationLevel queryIsolation(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return IsolationLevel.fromName(rs.getString(1));
        }
    }

    /** The drivers prepare statements client-side by default: an unnamed expression's label shows the values. */
    @Override
    public boolean resultLabelsMayShowParameterValues() {
        return true;
    }
}
