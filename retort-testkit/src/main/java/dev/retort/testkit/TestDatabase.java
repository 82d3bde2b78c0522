package dev.retort.testkit;

import dev.retort.dialect.Dialect;
import dev.retort.engine.Engine;
import dev.retort.engine.EngineOptions;
import dev.retort.engine.PoolStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One database for one test run: its kind, a URL pointing at the run's own scratch namespace,
 * and engines on it that the harness closes (and checks for leaked connections) when the run
 * ends. Not thread-safe; a test that uses threads shares the engines, which are.
 */
public final class TestDatabase {
    private final DatabaseKind kind;
    private final String url;
    private final Runnable cleanup;
    private final List<Engine> engines = new ArrayList<>();
    private Engine engine;

    private TestDatabase(DatabaseKind kind, String url, Runnable cleanup) {
        this.kind = kind;
        this.url = url;
        this.cleanup = cleanup;
    }

    static TestDatabase open(DatabaseKind kind) {
        switch (kind) {
            case SQLITE_MEMORY:
                return new TestDatabase(kind, "sqlite://", () -> { });
            case SQLITE_FILE: {
                Path file;
                try {
                    file = Files.createTempFile("retort-test-", ".db");
                    Files.delete(file);
                } catch (IOException e) {
                    throw new IllegalStateException("Cannot make a temporary SQLite file", e);
                }
                Path f = file.toAbsolutePath();
                return new TestDatabase(kind, "sqlite:///" + f, () -> {
                    for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                        try {
                            Files.deleteIfExists(Path.of(f + suffix));
                        } catch (IOException ignored) {
                            // A temporary file; the OS cleans up what is left.
                        }
                    }
                });
            }
            default: {
                ScratchServer server = ScratchServer.of(kind);
                String namespace = server.createNamespace();
                return new TestDatabase(kind, server.urlFor(namespace), () -> server.dropNamespace(namespace));
            }
        }
    }

    /** @return which database this is */
    public DatabaseKind kind() {
        return kind;
    }

    /** @return a Retort URL for this run's scratch database */
    public String url() {
        return url;
    }

    /**
     * The run's shared engine, with default options, made on first use.
     *
     * @return the engine
     */
    public Engine engine() {
        if (engine == null) {
            engine = engine(EngineOptions.defaults());
        }
        return engine;
    }

    /**
     * A new engine on this run's database with the given options; the harness closes it.
     *
     * @param options the options
     * @return the engine
     */
    public Engine engine(EngineOptions options) {
        Engine e = Engine.create(url, options);
        engines.add(e);
        return e;
    }

    /**
     * A new engine on this run's database that speaks the given dialect: one pinned to an older
     * server version, say, to test the paths a newer server does not take. It connects through
     * {@code DriverManager}, without a pool; the harness closes it.
     *
     * @param dialect the dialect, which must be for this kind of database
     * @return the engine
     */
    public Engine engine(Dialect dialect) {
        dev.retort.dialect.JdbcTarget target = dialect.jdbcTarget(dev.retort.dialect.DatabaseUrl.parse(url));
        Engine e = Engine.create(new DriverManagerDataSource(target), dialect, EngineOptions.defaults());
        engines.add(e);
        return e;
    }

    /** Opens a new JDBC connection per request. */
    private static final class DriverManagerDataSource implements javax.sql.DataSource {
        private final dev.retort.dialect.JdbcTarget target;

        DriverManagerDataSource(dev.retort.dialect.JdbcTarget target) {
            this.target = target;
        }

        @Override
        public java.sql.Connection getConnection() throws java.sql.SQLException {
            return java.sql.DriverManager.getConnection(target.jdbcUrl(), target.properties());
        }

        @Override
        public java.sql.Connection getConnection(String user, String password) throws java.sql.SQLException {
            java.util.Properties p = new java.util.Properties();
            p.putAll(target.properties());
            p.setProperty("user", user);
            p.setProperty("password", password);
            return java.sql.DriverManager.getConnection(target.jdbcUrl(), p);
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
            // DriverManager logs on its own.
        }

        @Override
        public void setLoginTimeout(int seconds) {
            java.sql.DriverManager.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() {
            return java.sql.DriverManager.getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getLogger("dev.retort.testkit");
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws java.sql.SQLException {
            if (iface.isInstance(this)) {
                return iface.cast(this);
            }
            throw new java.sql.SQLException("Not a wrapper of " + iface.getName());
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return iface.isInstance(this);
        }
    }

    /**
     * The dialect of the database, refined to the server's version (connects once if needed).
     *
     * @return the dialect
     */
    public Dialect dialect() {
        Engine e = engine();
        e.connect().close();
        return e.dialect();
    }

    /** @return engines that still have connections checked out, with their counts */
    List<String> leaks() {
        List<String> leaks = new ArrayList<>();
        for (Engine e : engines) {
            PoolStatus s = e.poolStatus();
            if (s.checkedOut() > 0) {
                leaks.add(s.checkedOut() + " connection(s) of " + e.url());
            }
        }
        return leaks;
    }

    void close() {
        try {
            for (Engine e : engines) {
                e.close();
            }
        } finally {
            cleanup.run();
        }
    }

    @Override
    public String toString() {
        return kind.label();
    }
}
