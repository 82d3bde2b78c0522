package dev.retort.bench;

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
 * with the {@code bench_row} table; a Retort engine and a raw JDBC connection on it.
 */
@State(Scope.Benchmark)
public class BenchDatabase {
    /** Which database: {@code sqlite} (a file) or {@code postgresql} (127.0.0.1:5432, database test). */
    @Param({"sqlite", "postgresql"})
    public String db;

    Engine engine;
    java.sql.Connection jdbc;
    private Path file;
    private String schema;

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
        Registry.of(BenchRow.class).metadata().createAll(engine);
        JdbcTarget target = engine.dialect().jdbcTarget(DatabaseUrl.parse(url));
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
