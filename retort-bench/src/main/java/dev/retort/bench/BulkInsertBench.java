package dev.retort.bench;

import dev.retort.engine.Connection;
import dev.retort.orm.Session;
import dev.retort.sql.Insert;
import dev.retort.types.SqlTypes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.retort.sql.Statements.bindparam;
import static dev.retort.sql.Statements.insert;

/** Scenario 1: insert 100,000 rows of a three-column table in one transaction. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BulkInsertBench {
    static final int ROWS = 100_000;

    /**
     * Starts each insert on an empty table.
     *
     * @param d the trial's database
     */
    @Setup(Level.Invocation)
    public void empty(BenchDatabase d) {
        d.clear();
    }

    /**
     * Raw JDBC: one prepared statement, batches of 1,000.
     *
     * @param d the trial's database
     * @throws SQLException if the database fails
     */
    @Benchmark
    public void jdbc(BenchDatabase d) throws SQLException {
        try (PreparedStatement ps = d.jdbc.prepareStatement("INSERT INTO bench_row (name, amount) VALUES (?, ?)")) {
            for (int i = 0; i < ROWS; i++) {
                ps.setString(1, "row " + i);
                ps.setLong(2, i);
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        d.jdbc.commit();
    }

    /**
     * Retort Core: one INSERT with two parameters run for every row as a JDBC batch
     * ({@code executeMany}, SQLAlchemy's executemany).
     *
     * @param d the trial's database
     */
    @Benchmark
    public void core(BenchDatabase d) {
        List<Map<String, Object>> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            rows.add(Map.of("name", "row " + i, "amount", (long) i));
        }
        try (Connection c = d.engine.connect()) {
            c.executeMany(INSERT, rows);
            c.commit();
        }
    }

    private static final Insert INSERT = insert(BenchRow_.TABLE).columns(BenchRow_.NAME, BenchRow_.AMOUNT)
            .values(bindparam("name", SqlTypes.TEXT), bindparam("amount", SqlTypes.BIGINT));

    /**
     * Retort ORM: add every object, one flush; generated keys read back into the objects.
     *
     * @param d the trial's database
     */
    @Benchmark
    public void orm(BenchDatabase d) {
        List<BenchRow> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            rows.add(new BenchRow("row " + i, i));
        }
        try (Session s = Session.open(d.engine)) {
            s.addAll(rows);
            s.commit();
        }
    }
}
