package dev.retort.dialect.sqlite;

import dev.retort.ConfigurationException;
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
 * SQLite through sqlite-jdbc.
 *
 * <p>{@code sqlite://} (or {@code sqlite:///:memory:}) is an in-memory database that lives in one
 * shared connection, so every checkout sees the same data; {@code sqlite:///app.db} and
 * {@code sqlite:////var/data/app.db} are files. Every connection turns foreign keys on, waits
 * up to 5 seconds for a lock (busy timeout), and file databases use write-ahead logging. URL query
 * parameters ({@code ?journal_mode=DELETE&busy_timeout=1000}) override these pragmas.
 *
 * <p>SQLite has two isolation levels: SERIALIZABLE (the default) and READ UNCOMMITTED (only
 * meaningful with a shared cache).
 */
public class SqliteDialect extends Dialect {
    private static final String DRIVER = "org.sqlite.JDBC";

    /** A dialect for the newest SQLite, for offline compilation. */
    public SqliteDialect() {
        this(ServerVersion.LATEST);
    }

    /**
     * A dialect for a given SQLite version.
     *
     * @param version the library version
     */
    public SqliteDialect(ServerVersion version) {
        super(version, capabilities(version));
    }

    private static Set<Capability> capabilities(ServerVersion v) {
        Set<Capability> caps = EnumSet.of(Capability.SAVEPOINTS, Capability.TRANSACTIONAL_DDL, Capability.PARTIAL_INDEXES,
                Capability.EXPRESSION_INDEXES, Capability.DEFERRABLE_CONSTRAINTS, Capability.CTE_BEFORE_DML);
        if (v.atLeast(3, 33)) {
            caps.add(Capability.UPDATE_FROM);
        }
        if (v.atLeast(3, 39)) {
            caps.add(Capability.FULL_OUTER_JOIN);
        }
        if (v.atLeast(3, 25)) {
            caps.add(Capability.ALTER_RENAME_COLUMN);
        }
        if (v.atLeast(3, 35)) {
            // RETURNING and ALTER TABLE ... DROP COLUMN arrived in SQLite 3.35.0 (2021-03-12).
            caps.add(Capability.ALTER_DROP_COLUMN);
            caps.add(Capability.INSERT_RETURNING);
            caps.add(Capability.UPDATE_RETURNING);
            caps.add(Capability.DELETE_RETURNING);
        }
        return caps;
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    protected String productName() {
        return "SQLite";
    }

    @Override
    public Dialect forServer(String productName, String productVersion) {
        return new SqliteDialect(ServerVersion.parse(productVersion));
    }

    @Override
    public JdbcTarget jdbcTarget(DatabaseUrl url) {
        if (url.host() != null || url.user() != null || url.port() != null) {
            throw new ConfigurationException("SQLite URL '" + url + "' names a host, port or user, but SQLite is "
                    + "embedded: write sqlite:///relative/path.db, sqlite:////absolute/path.db, or sqlite:// for memory.");
        }
        String path = url.database();
        boolean memory = path == null || path.equals(":memory:");
        Properties props = new Properties();
        props.setProperty("foreign_keys", "true");
        props.setProperty("busy_timeout", "5000");
        if (!memory) {
            props.setProperty("journal_mode", "WAL");
        }
        props.putAll(url.query());
        String jdbcUrl = memory ? "jdbc:sqlite::memory:" : "jdbc:sqlite:" + path;
        return new JdbcTarget(jdbcUrl, DRIVER, "org.xerial:sqlite-jdbc", props, memory, memory ? 1 : 5);
    }

    @Override
    public ErrorCategory classify(SQLException e) {
        String m = e.getMessage();
        if (m == null || !m.startsWith("[SQLITE_")) {
            return super.classify(e);
        }
        String code = m.substring(1, m.indexOf(']') > 0 ? m.indexOf(']') : m.length());
        switch (code) {
            case "SQLITE_CONSTRAINT_UNIQUE":
            case "SQLITE_CONSTRAINT_PRIMARYKEY":
                return ErrorCategory.UNIQUE_VIOLATION;
            case "SQLITE_CONSTRAINT_FOREIGNKEY":
                return ErrorCategory.FOREIGN_KEY_VIOLATION;
            case "SQLITE_CONSTRAINT_NOTNULL":
                return ErrorCategory.NOT_NULL_VIOLATION;
            case "SQLITE_CONSTRAINT_CHECK":
                return ErrorCategory.CHECK_VIOLATION;
            case "SQLITE_CONSTRAINT_DATATYPE":
            case "SQLITE_TOOBIG":
            case "SQLITE_MISMATCH":
                return ErrorCategory.DATA_ERROR;
            case "SQLITE_BUSY_SNAPSHOT":
                // WAL: the transaction read an older snapshot than the one it must write to.
                return ErrorCategory.SERIALIZATION_FAILURE;
            case "SQLITE_ERROR":
            case "SQLITE_RANGE":
            case "SQLITE_AUTH":
                return ErrorCategory.PROGRAMMING_ERROR;
            case "SQLITE_CANTOPEN":
            case "SQLITE_NOTADB":
                return ErrorCategory.CONNECTION_FAILURE;
            default:
                break;
        }
        if (code.startsWith("SQLITE_CONSTRAINT")) {
            return ErrorCategory.INTEGRITY_VIOLATION;
        }
        if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
            return ErrorCategory.LOCK_TIMEOUT;
        }
        return ErrorCategory.OTHER;
    }

    @Override
    public Set<IsolationLevel> isolationLevels() {
        return EnumSet.of(IsolationLevel.SERIALIZABLE, IsolationLevel.READ_UNCOMMITTED);
    }

    @Override
    public dev.retort.dialect.SqlCompiler newCompiler() {
        return new SqliteSqlCompiler(this);
    }

    /** SQLite's keywords (sqlite.org/lang_keywords.html), quoted when used as names. */
    private static final dev.retort.dialect.IdentifierPreparer IDENTIFIERS = new dev.retort.dialect.IdentifierPreparer(
            '"', '"', false, keywords());

    private static Set<String> keywords() {
        Set<String> words = new java.util.HashSet<>(dev.retort.dialect.IdentifierPreparer.COMMON_RESERVED);
        words.addAll(java.util.List.of("abort", "action", "add", "after", "always", "analyze", "attach",
                "autoincrement", "before", "begin", "cascade", "commit", "conflict", "current", "database", "deferrable",
                "deferred", "detach", "do", "each", "end", "escape", "exclude", "exclusive", "explain", "fail", "filter",
                "first", "following", "generated", "glob", "groups", "if", "ignore", "immediate", "indexed", "initially",
                "instead", "isnull", "last", "match", "materialized", "no", "nothing", "notnull", "nulls", "of",
                "others", "over", "partition", "plan", "pragma", "preceding", "query", "raise", "range", "recursive",
                "regexp", "reindex", "release", "rename", "replace", "restrict", "returning", "rollback", "row", "rows",
                "savepoint", "temp", "temporary", "ties", "transaction", "trigger", "unbounded", "vacuum", "view",
                "virtual", "without"));
        return words;
    }

    /** sqlite-jdbc compiles the SQL at every {@code prepareStatement}: keeping them pays. */
    @Override
    public int preparedStatementCacheSize() {
        return 100;
    }

    /** SQLITE_MAX_VARIABLE_NUMBER is 32766 since SQLite 3.32 (999 before). */
    @Override
    public int maxParameters() {
        return serverVersion().atLeast(3, 32) ? 32_766 : 999;
    }

    @Override
    public dev.retort.dialect.IdentifierPreparer identifierPreparer() {
        return IDENTIFIERS;
    }

    @Override
    public dev.retort.dialect.TypeCompiler typeCompiler() {
        return new SqliteTypeCompiler(this);
    }

    @Override
    public dev.retort.dialect.DdlCompiler newDdlCompiler() {
        return new SqliteDdlCompiler(this);
    }

    /** SQLite keeps date-times as sortable ISO text, large decimals as text, and checks what SQLite does not. */
    @Override
    protected dev.retort.dialect.ValueCodec<?> makeCodec(dev.retort.types.SqlType<?> type) {
        return type.accept(new SqliteCodecs(this));
    }

    /** Reads SQLite's pragmas and the CREATE statements in {@code sqlite_master}. */
    @Override
    public dev.retort.reflect.SchemaReader schemaReader() {
        return new SqliteSchemaReader(identifierPreparer());
    }

    @Override
    protected String listTablesSql(String schema) {
        String master = schema == null ? "sqlite_master" : identifierPreparer().quote(schema) + ".sqlite_master";
        return "SELECT name FROM " + master + " WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
    }

    @Override
    public IsolationLevel queryIsolationLevel(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA read_uncommitted")) {
            rs.next();
            return rs.getInt(1) == 0 ? IsolationLevel.SERIALIZABLE : IsolationLevel.READ_UNCOMMITTED;
        }
    }
}
