package dev.retort.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.retort.dialect.DatabaseUrl;
import dev.retort.dialect.JdbcTarget;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.orm.Registry;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static dev.retort.sql.Statements.delete;
import static dev.retort.sql.Statements.insert;
import static dev.retort.sql.Statements.text;

/**
 * The database of one benchmark trial: a SQLite file, or a fresh schema on the local PostgreSQL,
 * with the {@code bench_row}, {@code bench_parent} and {@code bench_child} tables; a Retort engine
 * and a raw JDBC connection on it, and (made when a benchmark first asks) the Hibernate session
 * factory and the jOOQ context of the other contenders, both on a HikariCP pool set up as the
 * engine's own.
 */
@State(Scope.Benchmark)
public class BenchDatabase {
    /** Which database: {@code sqlite} (a file) or {@code postgresql} (127.0.0.1:5432, database test). */
    @Param({"sqlite", "postgresql"})
    public String db;

    Engine engine;
    java.sql.Connection jdbc;
    private JdbcTarget target;
    private Path file;
    private String schema;
    private HikariDataSource pool;
    private HibernateContender hibernate;
    private JooqContender jooq;

    /**
     * Creates the database and the table.
     *
     * @throws Exception if the database fails
     */
    @Setup(Level.Trial)
    public void open() throws Exception {
        String url;
        if (db.equals("sqlite")) {
            file = Files.createTempFile("retort-bench-", ".db");
            Files.delete(file);
            url = "sqlite:///" + file.toAbsolutePath();
        } else {
            schema = "retort_bench_" + Long.toHexString(System.nanoTime());
            try (Engine admin = Engine.create("postgresql://postgres@127.0.0.1:5432/test"); Connection c = admin.connect()) {
                c.execute(text("CREATE SCHEMA " + schema));
                c.commit();
            }
            url = "postgresql://postgres@127.0.0.1:5432/test?currentSchema=" + schema;
        }
        engine = Engine.create(url);
        Registry.of(BenchRow.class, BenchParent.class, BenchChild.class).metadata().createAll(engine);
        target = engine.dialect().jdbcTarget(DatabaseUrl.parse(url));
        jdbc = DriverManager.getConnection(target.jdbcUrl(), target.properties());
        jdbc.setAutoCommit(false);
    }

    /**
     * Drops what {@link #open()} made.
     *
     * @throws Exception if the database fails
     */
    @TearDown(Level.Trial)
    public void close() throws Exception {
        if (hibernate != null) {
            hibernate.close();
        }
        if (pool != null) {
            pool.close();
        }
        jdbc.close();
        engine.close();
        if (file != null) {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + "-wal"));
            Files.deleteIfExists(Path.of(file + "-shm"));
        } else {
            try (Engine admin = Engine.create("postgresql://postgres@127.0.0.1:5432/test"); Connection c = admin.connect()) {
                c.execute(text("DROP SCHEMA " + schema + " CASCADE"));
                c.commit();
            }
        }
    }

    /**
     * A HikariCP pool for the contenders that are not Retort, configured as the engine configures
     * its own (the same JDBC URL and driver properties, the same size, auto-commit off).
     */
    HikariDataSource pool() {
        if (pool == null) {
            HikariConfig c = new HikariConfig();
            c.setJdbcUrl(target.jdbcUrl());
            c.setDriverClassName(target.driverClassName());
            c.setDataSourceProperties(target.properties());
            c.setPoolName("bench-contenders-" + db);
            c.setAutoCommit(false);
            c.setMaximumPoolSize(target.defaultPoolSize());
            c.setMinimumIdle(1);
            c.setRegisterMbeans(false);
            pool = new HikariDataSource(c);
        }
        return pool;
    }

    /** Hibernate on this database, made at the first call. */
    HibernateContender hibernate() throws SQLException {
        if (hibernate == null) {
            hibernate = new HibernateContender(this);
        }
        return hibernate;
    }

    /** jOOQ on this database, made at the first call. */
    JooqContender jooq() {
        if (jooq == null) {
            jooq = new JooqContender(this);
        }
        return jooq;
    }

    /** Whether this is the SQLite trial. */
    boolean sqlite() {
        return db.equals("sqlite");
    }

    /** Empties the table. */
    void clear() {
        try (Connection c = engine.connect()) {
            c.execute(delete(BenchRow_.TABLE).whereAll());
            c.commit();
        }
    }

    /** Empties the table and puts {@code n} rows in it, with ids 1..n on an empty table. */
    void fill(int n) {
        clear();
        List<List<?>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(List.of("row " + i, (long) i));
        }
        try (Connection c = engine.connect()) {
            c.execute(insert(BenchRow_.TABLE).columns(BenchRow_.NAME, BenchRow_.AMOUNT).valuesList(rows));
            c.commit();
        }
    }

    /**
     * Empties the table and puts {@code n} rows in it with one {@code INSERT ... SELECT} that the
     * database generates itself (a recursive CTE on SQLite, {@code generate_series} on PostgreSQL):
     * a million rows in a second or two, with no client memory.
     */
    void fillGenerated(int n) throws SQLException {
        clear();
        String sql = sqlite()
                ? "WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < " + n + ") "
                        + "INSERT INTO bench_row (name, amount) SELECT 'row ' || i, i FROM g"
                : "INSERT INTO bench_row (name, amount) SELECT 'row ' || i, i FROM generate_series(1, " + n + ") AS g(i)";
        try (var st = jdbc.createStatement()) {
            st.executeUpdate(sql);
        }
        jdbc.commit();
        if (!sqlite()) {
            try (var st = jdbc.createStatement()) {
                st.execute("ANALYZE bench_row");
            }
            jdbc.commit();
        }
    }

    /**
     * Puts {@code parents} parents with {@code children} children each in {@code bench_parent} and
     * {@code bench_child}, ids from 1, children of parent {@code p} numbered after those of {@code p - 1}.
     */
    void fillParents(int parents, int children) {
        List<List<?>> ps = new ArrayList<>(parents);
        List<List<?>> cs = new ArrayList<>(parents * children);
        long childId = 1;
        for (long p = 1; p <= parents; p++) {
            ps.add(List.of(p, "parent " + p));
            for (int c = 0; c < children; c++) {
                cs.add(List.of(childId, p, "child " + childId, childId));
                childId++;
            }
        }
        try (Connection c = engine.connect()) {
            c.execute(delete(BenchChild_.TABLE).whereAll());
            c.execute(delete(BenchParent_.TABLE).whereAll());
            c.execute(insert(BenchParent_.TABLE).columns(BenchParent_.ID, BenchParent_.NAME).valuesList(ps));
            c.execute(insert(BenchChild_.TABLE).columns(BenchChild_.ID, BenchChild_.PARENT_ID, BenchChild_.NAME, BenchChild_.AMOUNT)
                    .valuesList(cs));
            c.commit();
        }
    }

    /** Fails unless the table has {@code n} rows. */
    void expectRows(long n) throws SQLException {
        long count;
        try (var st = jdbc.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM bench_row")) {
            rs.next();
            count = rs.getLong(1);
        }
        jdbc.commit();
        if (count != n) {
            throw new IllegalStateException("bench_row has " + count + " rows, expected " + n);
        }
    }

    /** The ids in the table. */
    long[] ids() throws SQLException {
        List<Long> out = new ArrayList<>();
        try (var st = jdbc.createStatement(); var rs = st.executeQuery("SELECT id FROM bench_row ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        jdbc.commit();
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
