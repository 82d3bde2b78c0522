package dev.retort.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool;
import dev.retort.ConfigurationException;
import dev.retort.ConnectionFailureException;
import dev.retort.DatabaseException;
import dev.retort.ErrorContext;
import dev.retort.InvalidStateException;
import dev.retort.PoolTimeoutException;
import dev.retort.dialect.CompiledStatement;
import dev.retort.dialect.DatabaseUrl;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import dev.retort.dialect.JdbcTarget;
import dev.retort.schema.MetaData;
import dev.retort.schema.SchemaExecutor;
import dev.retort.schema.Table;
import dev.retort.sql.Executable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The starting point: a pool of connections to one database, its dialect, and the cache of
 * compiled statements.
 *
 * <pre>{@code
 * Engine engine = Engine.create("postgresql://app:secret@localhost:5432/shop");
 * engine.runInTransaction(conn -> conn.execute(text("UPDATE ...")));
 * engine.close();
 * }</pre>
 *
 * <p>Creating an engine does no I/O; the pool opens at the first {@link #connect()}, which also
 * reads the server version and refines the dialect (MariaDB's RETURNING depends on it). An engine
 * is thread-safe and meant to live as long as the application: make one per database and share
 * it. {@link #close()} closes the pool it made (not a {@code DataSource} you passed in).
 */
public final class Engine implements AutoCloseable, SchemaExecutor {
    static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final AtomicInteger POOL_COUNTER = new AtomicInteger();

    private final String displayUrl;
    private final EngineOptions options;
    private final JdbcTarget target;
    private final ReentrantLock lock = new ReentrantLock();
    private final StatementCache cache;
    private final List<StatementListener> listeners = new CopyOnWriteArrayList<>();
    private final SqlLog log;
    private final AtomicInteger checkedOut = new AtomicInteger();
    private volatile Dialect dialect;
    private volatile boolean dialectReady;
    private volatile DataSource dataSource;
    private volatile HikariDataSource pool;
    /** Prepared statements kept per physical connection of the pool, by identity. */
    private final java.util.Map<java.sql.Connection, PreparedStatementCache> statementCaches = new java.util.IdentityHashMap<>();
    private final ReentrantLock statementCachesLock = new ReentrantLock();
    private final java.util.concurrent.atomic.LongAdder preparedHits = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder preparedMisses = new java.util.concurrent.atomic.LongAdder();
    private volatile boolean closed;

    private Engine(String displayUrl, Dialect dialect, JdbcTarget target, DataSource dataSource, EngineOptions options) {
        this.displayUrl = displayUrl;
        this.dialect = dialect;
        this.target = target;
        this.dataSource = dataSource;
        this.options = options;
        this.cache = new StatementCache(options.statementCacheSize());
        this.log = new SqlLog(options.echo(), options.hideParameters());
        if (options.isolationLevel() != null) {
            dialect.checkIsolationLevel(options.isolationLevel());
        }
    }

    /**
     * Creates an engine for a database URL with default options.
     *
     * @param url e.g. {@code sqlite://} (memory), {@code sqlite:///app.db},
     *            {@code postgresql://user:pass@host:5432/db}, {@code mariadb://user@host/db}
     * @return the engine
     * @throws ConfigurationException if the URL is malformed, its scheme unknown, or the JDBC
     *         driver for it is not on the class path
     */
    public static Engine create(String url) {
        return create(url, EngineOptions.defaults());
    }

    /**
     * Creates an engine for a database URL.
     *
     * @param url the database URL; see {@link DatabaseUrl}
     * @param options pool, transaction and logging options
     * @return the engine
     * @throws ConfigurationException if the URL is malformed, its scheme unknown, or the JDBC
     *         driver for it is not on the class path
     */
    public static Engine create(String url, EngineOptions options) {
        Objects.requireNonNull(options, "options");
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        Dialect dialect = Dialects.forScheme(parsed.scheme());
        JdbcTarget target = dialect.jdbcTarget(parsed);
        requireDriver(target, parsed);
        return new Engine(parsed.toString(), dialect, target, null, options);
    }

    /**
     * Creates an engine over a {@code DataSource} you manage (an application server's pool, or
     * your own HikariCP). Pool options are ignored; the engine never closes the data source.
     *
     * @param dataSource where connections come from
     * @param dialect the database's dialect, e.g. {@code new PostgresDialect()}
     * @return the engine
     */
    public static Engine create(DataSource dataSource, Dialect dialect) {
        return create(dataSource, dialect, EngineOptions.defaults());
    }

    /**
     * Creates an engine over a {@code DataSource} you manage, with options.
     *
     * @param dataSource where connections come from
     * @param dialect the database's dialect
     * @param options transaction and logging options (pool options are ignored)
     * @return the engine
     */
    public static Engine create(DataSource dataSource, Dialect dialect, EngineOptions options) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(options, "options");
        return new Engine(dialect.name() + " DataSource " + dataSource.getClass().getSimpleName(), dialect, null,
                dataSource, options);
    }

    private static void requireDriver(JdbcTarget target, DatabaseUrl url) {
        try {
            Class.forName(target.driverClassName(), false, Engine.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigurationException("The JDBC driver for " + url.scheme() + " (" + target.driverClassName()
                    + ") is not on the class path. Add the dependency " + target.driverArtifact()
                    + " to your build to use " + url + ".", e);
        }
    }

    // ---- connections ------------------------------------------------------------------------

    /**
     * Checks a connection out of the pool. Close it (try-with-resources) to return it.
     *
     * @return the connection
     * @throws PoolTimeoutException if none became free within {@code maxWait}
     * @throws ConnectionFailureException if the database cannot be reached
     */
    public Connection connect() {
        if (closed) {
            throw new InvalidStateException("This engine (" + displayUrl + ") is closed.");
        }
        DataSource ds = dataSource != null ? dataSource : startPool();
        java.sql.Connection jdbc = checkout(ds);
        Boolean restoreAutocommit = null;
        Integer restoreIsolation = null;
        try {
            if (!dialectReady) {
                initializeDialect(jdbc);
            }
            if (pool == null) {
                // Not our pool: put the connection back as we found it.
                restoreAutocommit = jdbc.getAutoCommit();
                restoreIsolation = jdbc.getTransactionIsolation();
                jdbc.setAutoCommit(options.autocommit());
                if (options.isolationLevel() != null) {
                    jdbc.setTransactionIsolation(options.isolationLevel().jdbcLevel());
                }
            }
        } catch (SQLException | RuntimeException e) {
            release(jdbc);
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw connectFailure((SQLException) e);
        }
        return new Connection(this, jdbc, dialect, options.autocommit(), restoreAutocommit, restoreIsolation,
                pool != null ? preparedStatements(jdbc) : null);
    }

    /**
     * The prepared-statement cache of a pooled connection's physical connection, made at its
     * first check-out; {@code null} when the size is 0 or the pool cannot unwrap it. Caches of
     * connections the pool has closed since are dropped here.
     */
    private PreparedStatementCache preparedStatements(java.sql.Connection jdbc) {
        int size = options.preparedStatementCacheSize() >= 0 ? options.preparedStatementCacheSize()
                : dialect.preparedStatementCacheSize();
        if (size == 0) {
            return null;
        }
        java.sql.Connection physical;
        try {
            physical = jdbc.unwrap(java.sql.Connection.class);
        } catch (SQLException e) {
            return null;
        }
        statementCachesLock.lock();
        try {
            PreparedStatementCache cache = statementCaches.get(physical);
            if (cache == null) {
                statementCaches.values().removeIf(PreparedStatementCache::isDead);
                cache = new PreparedStatementCache(physical, size, preparedHits, preparedMisses);
                statementCaches.put(physical, cache);
            }
            return cache;
        } finally {
            statementCachesLock.unlock();
        }
    }

    /**
     * Checks out a connection and begins a transaction on it. Commit with
     * {@link Connection#commit()}; closing the connection without committing rolls back.
     *
     * @return the connection, in a transaction
     */
    public Connection begin() {
        Connection c = connect();
        try {
            c.begin();
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /**
     * Runs a function in a transaction on a fresh connection: commits if it returns, rolls
     * back if it throws (and rethrows).
     *
     * @param work the function
     * @param <T> what it returns
     * @return the function's result
     */
    public <T> T inTransaction(Function<Connection, T> work) {
        Objects.requireNonNull(work, "work");
        try (Connection c = connect()) {
            c.begin();
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (RuntimeException | Error e) {
                rollbackAfterFailure(c, e);
                throw e;
            }
        }
    }

    /**
     * Runs a function in a transaction, and runs it again, on a new connection and in a new
     * transaction, when it fails with an error the policy retries (by default serialization
     * failures, deadlocks and lock timeouts). When the attempts are used up the last error is
     * thrown, with the earlier ones attached as suppressed exceptions.
     *
     * @param policy how often and when to retry
     * @param work the function; it must be safe to run more than once
     * @param <T> what it returns
     * @return the result of the attempt that committed
     */
    public <T> T inTransaction(RetryPolicy policy, Function<Connection, T> work) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(work, "work");
        List<RuntimeException> earlier = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(work);
            } catch (RuntimeException e) {
                if (!policy.shouldRetry(e, attempt)) {
                    for (RuntimeException previous : earlier) {
                        if (previous != e) {
                            e.addSuppressed(previous);
                        }
                    }
                    throw e;
                }
                earlier.add(e);
                Duration wait = policy.backoff(attempt);
                LOG.debug("Transaction attempt {} of {} failed with a retryable error; retrying in {} ms: {}",
                        attempt, policy.maxAttempts(), wait.toMillis(), e.getMessage());
                sleep(wait, e);
            }
        }
    }

    /**
     * Runs an action in a transaction: commits if it returns, rolls back if it throws.
     *
     * @param work the action
     */
    public void runInTransaction(Consumer<Connection> work) {
        Objects.requireNonNull(work, "work");
        inTransaction(c -> {
            work.accept(c);
            return null;
        });
    }

    /**
     * Runs an action in a transaction, retrying it as the policy says.
     *
     * @param policy how often and when to retry
     * @param work the action; it must be safe to run more than once
     */
    public void runInTransaction(RetryPolicy policy, Consumer<Connection> work) {
        Objects.requireNonNull(work, "work");
        inTransaction(policy, c -> {
            work.accept(c);
            return null;
        });
    }

    private static void rollbackAfterFailure(Connection c, Throwable failure) {
        try {
            if (c.inTransaction()) {
                c.rollback();
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void sleep(Duration wait, RuntimeException cause) {
        try {
            Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    private java.sql.Connection checkout(DataSource ds) {
        int attempts = 0;
        while (true) {
            java.sql.Connection jdbc;
            try {
                jdbc = ds.getConnection();
            } catch (SQLException e) {
                throw checkoutFailure(e);
            }
            checkedOut.incrementAndGet();
            if (!options.prePing() || isAlive(jdbc)) {
                return jdbc;
            }
            LOG.debug("Pre-ping found a dead connection; replacing it");
            discard(jdbc);
            if (++attempts > maxPoolSize()) {
                throw new ConnectionFailureException("Could not get a live connection to " + displayUrl + " after "
                        + attempts + " tries: every pooled connection failed its pre-ping.",
                        ErrorContext.withoutStatement(null, null, 0), null);
            }
        }
    }

    private boolean isAlive(java.sql.Connection jdbc) {
        try {
            return jdbc.isValid((int) Math.max(1, options.validationTimeout().toSeconds()));
        } catch (SQLException e) {
            return false;
        }
    }

    private void discard(java.sql.Connection jdbc) {
        HikariDataSource p = pool;
        try {
            if (p != null) {
                p.evictConnection(jdbc);
            } else {
                jdbc.close();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Closing a dead connection failed", e);
        } finally {
            checkedOut.decrementAndGet();
        }
    }

    void release(java.sql.Connection jdbc) {
        checkedOut.decrementAndGet();
        if (jdbc == null) {
            return;
        }
        try {
            jdbc.close();
        } catch (SQLException e) {
            LOG.debug("Returning a connection to the pool failed", e);
        }
    }

    private RuntimeException checkoutFailure(SQLException e) {
        HikariDataSource p = pool;
        if (p != null && e instanceof SQLTransientConnectionException && e.getCause() == null) {
            PoolStatus s = poolStatus();
            return new PoolTimeoutException("Timed out after " + options.maxWait().toMillis()
                    + " ms waiting for a connection to " + displayUrl + ": all " + s.total() + " of " + s.maxSize()
                    + " pooled connections are in use (" + s.waiting() + " other threads waiting). Close connections "
                    + "and results when done (try-with-resources), or raise EngineOptions poolSize or maxWait.", e);
        }
        return connectFailure(e);
    }

    private ConnectionFailureException connectFailure(SQLException e) {
        SQLException cause = e.getCause() instanceof SQLException inner ? inner : e;
        return new ConnectionFailureException("Could not connect to " + displayUrl,
                ErrorContext.withoutStatement(cause.getMessage(), cause.getSQLState(), cause.getErrorCode()), e);
    }

    private DataSource startPool() {
        lock.lock();
        try {
            if (closed) {
                throw new InvalidStateException("This engine (" + displayUrl + ") is closed.");
            }
            if (dataSource == null) {
                HikariDataSource hikari;
                try {
                    hikari = new HikariDataSource(hikariConfig());
                } catch (HikariPool.PoolInitializationException e) {
                    if (e.getCause() instanceof SQLException se) {
                        throw connectFailure(se);
                    }
                    throw new ConnectionFailureException("Could not connect to " + displayUrl,
                            ErrorContext.withoutStatement(e.getMessage(), null, 0), e);
                }
                pool = hikari;
                dataSource = hikari;
            }
            return dataSource;
        } finally {
            lock.unlock();
        }
    }

    private HikariConfig hikariConfig() {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(target.jdbcUrl());
        c.setDriverClassName(target.driverClassName());
        Properties props = target.properties();
        props.putAll(options.driverProperties());
        c.setDataSourceProperties(props);
        c.setPoolName(options.poolName() != null ? options.poolName()
                : "retort-" + dialect.name() + "-" + POOL_COUNTER.incrementAndGet());
        c.setAutoCommit(options.autocommit());
        if (options.isolationLevel() != null) {
            c.setTransactionIsolation("TRANSACTION_" + options.isolationLevel().name());
        }
        c.setConnectionTimeout(options.maxWait().toMillis());
        c.setValidationTimeout(options.validationTimeout().toMillis());
        c.setRegisterMbeans(false);
        if (target.singleConnection()) {
            // One in-memory SQLite database lives in one connection: keep it forever.
            c.setMaximumPoolSize(1);
            c.setMinimumIdle(1);
            c.setMaxLifetime(0);
            c.setIdleTimeout(0);
            c.setKeepaliveTime(0);
        } else {
            int size = options.poolSize() != null ? options.poolSize() : target.defaultPoolSize();
            c.setMaximumPoolSize(size);
            c.setMinimumIdle(Math.min(options.minIdle(), size));
            c.setMaxLifetime(options.maxLifetime().toMillis());
            c.setIdleTimeout(options.idleTimeout().toMillis());
            c.setKeepaliveTime(options.keepaliveTime().toMillis());
        }
        return c;
    }

    private void initializeDialect(java.sql.Connection jdbc) throws SQLException {
        lock.lock();
        try {
            if (!dialectReady) {
                DatabaseMetaData md = jdbc.getMetaData();
                Dialect refined = dialect.forServer(md.getDatabaseProductName(), md.getDatabaseProductVersion());
                if (options.isolationLevel() != null) {
                    refined.checkIsolationLevel(options.isolationLevel());
                }
                dialect = refined;
                cache.clear();
                dialectReady = true;
                LOG.debug("Connected to {} at {}", refined.displayName(), displayUrl);
            }
        } finally {
            lock.unlock();
        }
    }

    private int maxPoolSize() {
        HikariDataSource p = pool;
        return p != null ? p.getMaximumPoolSize() : 10;
    }

    // ---- schema -----------------------------------------------------------------------------

    /**
     * Creates tables with their constraints, indexes, sequences and enum types, in dependency
     * order; {@code metadata.createAll(engine)} calls this.
     */
    @Override
    public void createTables(MetaData metadata, Collection<Table> tables, boolean checkFirst) {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(tables, "tables");
        new SchemaOperations(this).create(metadata, tables, checkFirst);
    }

    /**
     * Drops tables in reverse dependency order; {@code metadata.dropAll(engine)} calls this.
     */
    @Override
    public void dropTables(MetaData metadata, Collection<Table> tables, boolean checkFirst) {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(tables, "tables");
        new SchemaOperations(this).drop(metadata, tables, checkFirst);
    }

    /**
     * Reads tables from the database into a MetaData, as {@link Table} objects usable at once
     * in queries and DDL; {@code metadata.reflectAll(engine)}, {@code metadata.reflect(engine, ...)}
     * and {@code Table.reflect(...)} call this. Tables the foreign keys refer to are read too,
     * unless the MetaData has them already. See {@link dev.retort.reflect.Inspector#reflect}.
     *
     * <p>A table the MetaData already holds is returned as it is if reflection made it; if code
     * defined it, this throws {@link dev.retort.DefinitionException} naming it rather than replace
     * the definition (remove it first with {@code metadata.remove(table)}). If reading fails, the
     * tables added so far are removed again.
     *
     * @param metadata the MetaData to add the tables to
     * @param schema the schema, or {@code null} for the connection's default
     * @param tableNames the tables to read; empty for every base table of the schema
     * @return the tables asked for, in the order asked (by name when reading all)
     * @throws dev.retort.reflect.NoSuchTableException naming a table that does not exist
     */
    @Override
    public List<Table> reflectTables(MetaData metadata, String schema, Collection<String> tableNames) {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(tableNames, "tableNames");
        try (Connection conn = connect()) {
            return conn.inspector().reflect(metadata, schema, tableNames);
        }
    }

    // ---- compilation, listeners, status ------------------------------------------------------

    /**
     * Compiles a statement for this engine's dialect, through the statement cache.
     *
     * @param statement the statement
     * @return its SQL and parameter order
     */
    public CompiledStatement compile(Executable statement) {
        Objects.requireNonNull(statement, "statement");
        return cache.compile(dialect, statement).compiled();
    }

    /** Page templates of INSERT ... RETURNING run for many parameter sets, by statement shape and rows. */
    private final java.util.LinkedHashMap<Object, InsertManyValues.Template> insertTemplates =
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Object, InsertManyValues.Template> eldest) {
                    return size() > 64;
                }
            };

    /** A page template from the cache, made by the supplier on a miss. */
    InsertManyValues.Template insertTemplate(dev.retort.sql.Insert single, int rows,
                                             java.util.function.Supplier<InsertManyValues.Template> make) {
        Object key = java.util.List.of(single.cacheKey(), rows);
        statementCachesLock.lock();
        try {
            InsertManyValues.Template t = insertTemplates.get(key);
            if (t != null) {
                return t;
            }
        } finally {
            statementCachesLock.unlock();
        }
        InsertManyValues.Template t = make.get();
        statementCachesLock.lock();
        try {
            insertTemplates.put(key, t);
        } finally {
            statementCachesLock.unlock();
        }
        return t;
    }

    /** The compilation of a statement with what running it needs, from the cache. */
    ExecutionPlan plan(Executable statement) {
        return cache.compile(dialect, statement);
    }

    /**
     * Counters of the prepared statements kept per pooled connection
     * ({@link EngineOptions#preparedStatementCacheSize()}): a hit reused an open statement, a
     * miss prepared one; the size counts the statements open over all connections and the
     * capacity is the most kept per connection (0 when the cache is off).
     *
     * @return the counters
     */
    public CacheStatistics preparedStatementCacheStatistics() {
        statementCachesLock.lock();
        try {
            int size = 0;
            for (PreparedStatementCache c : statementCaches.values()) {
                size += c.size();
            }
            int capacity = options.preparedStatementCacheSize() >= 0 ? options.preparedStatementCacheSize()
                    : dialect.preparedStatementCacheSize();
            boolean foreignPool = pool == null && dataSource != null;
            return new CacheStatistics(preparedHits.sum(), preparedMisses.sum(), size, foreignPool ? 0 : capacity);
        } finally {
            statementCachesLock.unlock();
        }
    }

    /** @return hit and miss counts of the compiled-statement cache */
    public CacheStatistics statementCacheStatistics() {
        return cache.statistics();
    }

    /**
     * The engine's dialect. Before the first connection it is the dialect for the URL's scheme
     * at the newest server version; afterwards, the one for the server actually reached.
     *
     * @return the dialect
     */
    public Dialect dialect() {
        return dialect;
    }

    /** @return the options the engine was made with */
    public EngineOptions options() {
        return options;
    }

    /**
     * Registers a listener that sees every statement this engine runs.
     *
     * @param listener the listener
     * @return a handle; close it to remove the listener
     */
    public ListenerRegistration addListener(StatementListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** @return the pool's state right now */
    public PoolStatus poolStatus() {
        HikariDataSource p = pool;
        if (p == null || p.getHikariPoolMXBean() == null) {
            return new PoolStatus(checkedOut.get(), -1, -1, -1, p == null ? -1 : p.getMaximumPoolSize());
        }
        HikariPoolMXBean m = p.getHikariPoolMXBean();
        return new PoolStatus(checkedOut.get(), m.getIdleConnections(), m.getTotalConnections(),
                m.getThreadsAwaitingConnection(), p.getMaximumPoolSize());
    }

    /** @return the database URL with its password masked */
    public String url() {
        return displayUrl;
    }

    /**
     * Closes the pool this engine made; connections still checked out are closed as they are
     * returned. An engine made over your {@code DataSource} leaves it open.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            HikariDataSource p = pool;
            if (p != null) {
                p.close();
            }
            statementCachesLock.lock();
            try {
                statementCaches.clear();          // closing the pool closed their connections
            } finally {
                statementCachesLock.unlock();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Engine[" + displayUrl + ", " + dialect.displayName() + "]";
    }

    // ---- events -----------------------------------------------------------------------------

    StatementEvent event(Executable statement, String sql, Object[] values) {
        if (listeners.isEmpty() && !log.enabled()) {
            return null;
        }
        return new StatementEvent(statement, sql, List.of(Connection.asList(values)), dialect.name());
    }

    StatementEvent event(Executable statement, String sql, List<Object[]> sets) {
        if (listeners.isEmpty() && !log.enabled()) {
            return null;
        }
        List<List<Object>> lists = new ArrayList<>(sets.size());
        for (Object[] s : sets) {
            lists.add(Connection.asList(s));
        }
        return new StatementEvent(statement, sql, List.copyOf(lists), dialect.name());
    }

    void fireBefore(StatementEvent event) {
        if (event == null) {
            return;
        }
        if (log.enabled()) {
            log.statement(event.sql(), event.parameterSets());
        }
        for (StatementListener l : listeners) {
            l.beforeExecute(event);
        }
    }

    void fireAfter(StatementEvent event, StatementOutcome outcome) {
        if (event == null) {
            return;
        }
        if (log.enabled()) {
            log.outcome(outcome.durationNanos(), outcome.rowCount());
        }
        for (StatementListener l : listeners) {
            l.afterExecute(event, outcome);
        }
    }

    void fireError(StatementEvent event, DatabaseException error) {
        if (event == null) {
            return;
        }
        for (StatementListener l : listeners) {
            l.onError(event, error);
        }
    }

    void fireAbort(StatementEvent event, RuntimeException cause) {
        if (event == null) {
            return;
        }
        for (StatementListener l : listeners) {
            l.onAbort(event, cause);
        }
    }

    void fireResultClosed(StatementEvent event, long rows) {
        for (StatementListener l : listeners) {
            l.resultClosed(event, rows);
        }
    }
}
