package dev.retort.compliance;

import dev.retort.IsolationLevel;
import dev.retort.dialect.DatabaseUrl;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import dev.retort.dialect.JdbcTarget;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.EngineOptions;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;

/** An engine over a DataSource the application manages. */
class DataSourceEngineTest {

    /** A DataSource that opens a physical connection per call and records them. */
    static class PlainDataSource implements DataSource {
        final JdbcTarget target;
        final List<java.sql.Connection> handedOut = new ArrayList<>();

        PlainDataSource(JdbcTarget target) {
            this.target = target;
        }

        @Override
        public java.sql.Connection getConnection() throws SQLException {
            java.sql.Connection c = DriverManager.getConnection(target.jdbcUrl(), target.properties());
            handedOut.add(c);
            return c;
        }

        @Override
        public java.sql.Connection getConnection(String user, String password) {
            throw new UnsupportedOperationException("test data source");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) {
            return null;
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }

    @EachDatabase(only = {DatabaseKind.SQLITE_FILE, DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void engineRunsOnAGivenDataSourceAndLeavesItsConnectionsAsFound(TestDatabase db) throws SQLException {
        DatabaseUrl url = DatabaseUrl.parse(db.url());
        Dialect dialect = Dialects.forScheme(url.scheme());
        PlainDataSource ds = new PlainDataSource(dialect.jdbcTarget(url));
        Engine engine = Engine.create(ds, dialect, EngineOptions.builder().isolationLevel(IsolationLevel.SERIALIZABLE).build());
        try {
            Tables.createItems(engine);
            try (Connection c = engine.connect()) {
                assertThat(c.isolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
                Tables.insertItem(c, 1, "from a DataSource", 1);
                c.commit();
                c.setAutocommit(true);
            }
            assertThat(Tables.count(engine, "items")).isEqualTo(1);
            assertThat(engine.dialect().serverVersion().major()).isGreaterThan(2);
            java.sql.Connection returned = ds.handedOut.get(1);
            assertThat(returned.isClosed()).isTrue();
            assertThat(engine.poolStatus().checkedOut()).isZero();
        } finally {
            engine.close();
        }
    }

    /** A data source that lends one physical connection again and again, as a pool would. */
    static java.sql.Connection borrowed(java.sql.Connection physical) {
        return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(DataSourceEngineTest.class.getClassLoader(),
                new Class<?>[] {java.sql.Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @EachDatabase(only = {DatabaseKind.SQLITE_FILE, DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void connectionsGoBackToTheDataSourceAsTheyCame(TestDatabase db) throws SQLException {
        DatabaseUrl url = DatabaseUrl.parse(db.url());
        Dialect dialect = Dialects.forScheme(url.scheme());
        JdbcTarget target = dialect.jdbcTarget(url);
        try (java.sql.Connection physical = DriverManager.getConnection(target.jdbcUrl(), target.properties())) {
            physical.setAutoCommit(true);
            int isolation = physical.getTransactionIsolation();
            PlainDataSource ds = new PlainDataSource(target) {
                @Override
                public java.sql.Connection getConnection() {
                    return borrowed(physical);
                }
            };
            Engine engine = Engine.create(ds, dialect, EngineOptions.builder().isolationLevel(IsolationLevel.SERIALIZABLE).build());
            try (Connection c = engine.connect()) {
                assertThat(c.isolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
                assertThat(physical.getAutoCommit()).isFalse();
            }
            assertThat(physical.getAutoCommit()).isTrue();
            assertThat(physical.getTransactionIsolation()).isEqualTo(isolation);
            engine.close();
        }
    }
}
