package dev.retort.dialect;

import dev.retort.ConfigurationException;
import dev.retort.IsolationLevel;
import dev.retort.sql.Executable;
import dev.retort.types.SqlType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.Types;
import java.util.EnumSet;
import java.util.Set;

/**
 * What Retort knows about one database: its capabilities at a server version, how to connect
 * through JDBC, how to classify its errors, how to bind values, and which compiler renders its SQL.
 *
 * <p>Dialects are immutable and thread-safe. One made without a server version assumes the
 * newest server ({@link ServerVersion#LATEST}); the engine replaces it with
 * {@link #forServer(String, String)} at its first connection.
 *
 * <p>Subclasses override only what differs from the shared behaviour here, which follows the
 * SQL standard's SQLSTATE classes.
 */
public abstract class Dialect implements dev.retort.schema.DdlRenderer {
    private final ServerVersion serverVersion;
    private final Set<Capability> capabilities;
    private final java.util.concurrent.ConcurrentHashMap<SqlType<?>, ValueCodec<?>> codecs =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Creates a dialect for a server version.
     *
     * @param serverVersion the version, or {@link ServerVersion#LATEST}
     * @param capabilities what the database has at that version
     */
    protected Dialect(ServerVersion serverVersion, Set<Capability> capabilities) {
        this.serverVersion = serverVersion;
        this.capabilities = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
    }

    /** @return the dialect's short name, e.g. {@code postgresql} */
    public abstract String name();

    /** @return the database's name for messages, e.g. {@code PostgreSQL 15.19} */
    public String displayName() {
        return productName() + (serverVersion == ServerVersion.LATEST ? "" : " " + serverVersion);
    }

    /** @return the database product's name, e.g. {@code PostgreSQL} */
    protected abstract String productName();

    /** @return the server version this dialect was made for */
    public ServerVersion serverVersion() {
        return serverVersion;
    }

    /**
     * Whether the database (at this dialect's server version) has a feature.
     *
     * @param capability the feature
     * @return {@code true} if it does
     */
    public boolean supports(Capability capability) {
        return capabilities.contains(capability);
    }

    /**
     * The dialect for the server a connection reached. The default keeps the product and
     * takes the version; a dialect may return another class (MySQL URL, MariaDB server).
     *
     * @param productName {@code DatabaseMetaData.getDatabaseProductName()}
     * @param productVersion {@code DatabaseMetaData.getDatabaseProductVersion()}
     * @return the dialect to use from now on
     */
    public abstract Dialect forServer(String productName, String productVersion);

    /**
     * Derives the JDBC URL and connection properties from a Retort URL.
     *
     * @param url the parsed URL
     * @return where and how to connect
     * @throws ConfigurationException if the URL does not suit this database
     */
    public abstract JdbcTarget jdbcTarget(DatabaseUrl url);

    /**
     * Makes a compiler for one statement.
     *
     * @return a new compiler
     */
    public SqlCompiler newCompiler() {
        return new SqlCompiler(this);
    }

    /**
     * The most bind parameters one statement may have; a multi-row INSERT with more is sent in
     * chunks. The default is 65535 (PostgreSQL's and MariaDB's limit).
     *
     * @return the limit
     */
    public int maxParameters() {
        return 65_535;
    }

    /**
     * Quotes identifiers for this database.
     *
     * @return the preparer; the default quotes with double quotes and keeps case
     */
    public IdentifierPreparer identifierPreparer() {
        return new IdentifierPreparer('"', '"', false, IdentifierPreparer.COMMON_RESERVED);
    }

    /**
     * Names types in DDL.
     *
     * @return the type compiler
     */
    public TypeCompiler typeCompiler() {
        return new TypeCompiler(this);
    }

    /**
     * Makes a DDL compiler.
     *
     * @return the compiler
     */
    public DdlCompiler newDdlCompiler() {
        return new DdlCompiler(this);
    }

    @Override
    public java.util.List<String> createStatements(dev.retort.schema.MetaData metadata,
                                                   java.util.Collection<dev.retort.schema.Table> tables) {
        return newDdlCompiler().createStatements(metadata, tables, ExistingObjects.NONE);
    }

    @Override
    public java.util.List<String> dropStatements(dev.retort.schema.MetaData metadata,
                                                 java.util.Collection<dev.retort.schema.Table> tables) {
        return newDdlCompiler().dropStatements(metadata, tables);
    }

    /**
     * Reads which of the objects DDL would create already exist, for {@code checkFirst}.
     *
     * @param connection the JDBC connection
     * @param schemas the schemas involved ({@code null} stands for the connection's default)
     * @return the existing tables, named types and sequences
     * @throws SQLException if a catalog query fails
     */
    public ExistingObjects existingObjects(Connection connection, java.util.Collection<String> schemas) throws SQLException {
        java.util.Set<String> tables = new java.util.HashSet<>();
        java.util.Set<String> types = new java.util.HashSet<>();
        java.util.Set<String> sequences = new java.util.HashSet<>();
        for (String schema : schemas) {
            for (String t : queryNames(connection, listTablesSql(schema), schema)) {
                tables.add(ExistingObjects.key(schema, t));
            }
            String typesSql = listEnumTypesSql(schema);
            if (typesSql != null) {
                types.addAll(queryNames(connection, typesSql, schema));
            }
            String seqSql = listSequencesSql(schema);
            if (seqSql != null) {
                sequences.addAll(queryNames(connection, seqSql, schema));
            }
        }
        return new ExistingObjects(tables, types, sequences);
    }

    private static java.util.List<String> queryNames(Connection c, String sql, String schema) throws SQLException {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (sql.indexOf('?') >= 0) {
                ps.setString(1, schema);
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * The catalog queries that reflection runs on this database; {@code connection.inspector()}
     * wraps them in an {@link dev.retort.reflect.Inspector}. The default refuses: a dialect that
     * supports reflection overrides it.
     *
     * @return the reader
     * @throws dev.retort.CompileException if this dialect cannot reflect
     */
    public dev.retort.reflect.SchemaReader schemaReader() {
        throw new dev.retort.CompileException("Reflection is not implemented for " + displayName()
                + ": its dialect has no SchemaReader. Define the tables in code instead.");
    }

    /**
     * SQL listing the table names of a schema; a {@code ?} placeholder, if present, takes the
     * schema name (which may be {@code null} for the default schema).
     *
     * @param schema the schema, or {@code null}
     * @return the query
     */
    protected abstract String listTablesSql(String schema);

    /**
     * SQL listing named enum types of a schema, or {@code null} where there are none.
     *
     * @param schema the schema, or {@code null}
     * @return the query, or {@code null}
     */
    protected String listEnumTypesSql(String schema) {
        return null;
    }

    /**
     * SQL listing sequences of a schema, or {@code null} where there are none.
     *
     * @param schema the schema, or {@code null}
     * @return the query, or {@code null}
     */
    protected String listSequencesSql(String schema) {
        return null;
    }

    /**
     * Compiles a statement for this dialect, without a connection.
     *
     * @param statement the statement
     * @return its SQL and parameter order
     */
    public CompiledStatement compile(Executable statement) {
        return statement.accept(newCompiler());
    }

    /**
     * Binds one parameter value. The default hands Java values to the driver with
     * {@code setObject}, and binds {@code null} as an untyped SQL NULL.
     *
     * @param statement the prepared statement
     * @param index the 1-based placeholder index
     * @param value the value, or {@code null}
     * @throws SQLException if the driver refuses the value
     */
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Enum<?> e) {
            statement.setString(index, e.name());
        } else {
            statement.setObject(index, value);
        }
    }

    /**
     * The codec that binds and reads values of a type on this database, made once per type.
     *
     * @param type the SQL type
     * @param <T> its Java type
     * @return the codec
     * @throws dev.retort.CompileException if the database cannot store the type
     */
    @SuppressWarnings("unchecked")
    public final <T> ValueCodec<T> codec(SqlType<T> type) {
        ValueCodec<?> c = codecs.get(type);
        if (c == null) {
            c = makeCodec(type);
            ValueCodec<?> previous = codecs.putIfAbsent(type, c);
            if (previous != null) {
                c = previous;
            }
        }
        return (ValueCodec<T>) c;
    }

    /**
     * Makes the codec for a type; dialects override it for the types they store differently.
     *
     * @param type the SQL type
     * @return the codec
     */
    protected ValueCodec<?> makeCodec(SqlType<?> type) {
        return type.accept(new StandardCodecs(this));
    }

    /**
     * Classifies a driver exception. The default reads the standard SQLSTATE classes: 23
     * (integrity, with PostgreSQL's subclasses that others share), 40001 serialization failure,
     * 40P01 deadlock, 08 connection, 22 data and 42 syntax or access.
     *
     * @param e the exception
     * @return its category
     */
    public ErrorCategory classify(SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.length() >= 2) {
            switch (state) {
                case "23505": return ErrorCategory.UNIQUE_VIOLATION;
                case "23503": return ErrorCategory.FOREIGN_KEY_VIOLATION;
                case "23502": return ErrorCategory.NOT_NULL_VIOLATION;
                case "23514": return ErrorCategory.CHECK_VIOLATION;
                case "40001": return ErrorCategory.SERIALIZATION_FAILURE;
                case "40P01": return ErrorCategory.DEADLOCK;
                default: break;
            }
            switch (state.substring(0, 2)) {
                case "23": return ErrorCategory.INTEGRITY_VIOLATION;
                case "08": return ErrorCategory.CONNECTION_FAILURE;
                case "22": return ErrorCategory.DATA_ERROR;
                case "42": return ErrorCategory.PROGRAMMING_ERROR;
                default: break;
            }
        }
        if (e instanceof SQLNonTransientConnectionException || e instanceof SQLTransientConnectionException
                || e instanceof SQLRecoverableException) {
            return ErrorCategory.CONNECTION_FAILURE;
        }
        return ErrorCategory.OTHER;
    }

    /**
     * The isolation levels this database offers.
     *
     * @return the levels
     */
    public Set<IsolationLevel> isolationLevels() {
        return EnumSet.allOf(IsolationLevel.class);
    }

    /**
     * Checks that the database offers an isolation level.
     *
     * @param level the level
     * @throws ConfigurationException naming the level and the ones on offer, if it does not
     */
    public void checkIsolationLevel(IsolationLevel level) {
        if (!isolationLevels().contains(level)) {
            throw new ConfigurationException(productName() + " has no " + level.sqlName()
                    + " isolation level; it offers " + isolationLevels() + ".");
        }
    }

    /**
     * Asks the server for the isolation level of the current session (or of the transaction in
     * progress), with a query rather than the driver's cached value.
     *
     * @param connection the JDBC connection
     * @return the level in force
     * @throws SQLException if the query fails
     */
    public abstract IsolationLevel queryIsolationLevel(Connection connection) throws SQLException;

    /**
     * Whether the driver may label a result column with the parameter values it put into the SQL
     * (a client-side prepared statement: MariaDB labels {@code SELECT UPPER(?)} run with 'ab' as
     * {@code UPPER('ab')}). If so, an engine reads the labels of every result of a statement with
     * parameters instead of remembering them per statement shape.
     *
     * @return whether labels may depend on parameter values; {@code false} by default
     */
    public boolean resultLabelsMayShowParameterValues() {
        return false;
    }

    /**
     * How many prepared statements an engine keeps open per pooled connection unless its
     * options say otherwise. Worth it where the driver compiles the SQL at every
     * {@code prepareStatement}; the default is 0 (drivers that cache by SQL themselves).
     *
     * @return the default size, 0 for none
     */
    public int preparedStatementCacheSize() {
        return 0;
    }

    /**
     * Whether the driver streams a result with a fetch size only inside a transaction
     * (PostgreSQL reads the whole result otherwise).
     *
     * @return {@code true} if streaming needs auto-commit off
     */
    public boolean streamingNeedsTransaction() {
        return false;
    }

    /**
     * Prepares a statement to stream its result in chunks instead of reading it all.
     *
     * @param statement the statement
     * @param fetchSize rows per round trip
     * @throws SQLException if the driver refuses
     */
    public void enableStreaming(PreparedStatement statement, int fetchSize) throws SQLException {
        statement.setFetchSize(fetchSize);
    }

    @Override
    public String toString() {
        return displayName();
    }
}
