package dev.retort.bench;

import dev.retort.orm.Session;
import dev.retort.sql.Insert;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.retort.sql.Statements.bindparam;
import static dev.retort.sql.Statements.insert;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.varchar;

/**
 * Scenario 4: 2,000 single-row inserts, each committed in its own transaction (the shape of an
 * application that saves one object per request). Each library opens its unit of work per row
 * the way its documentation shows (Retort's {@code runInTransaction}, Hibernate's
 * {@code inTransaction}, jOOQ's {@code transaction}), taking a pooled connection each time; raw
 * JDBC keeps one connection and one prepared statement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SingleInsertBench {
    static final int ROWS = 2_000;
    private final Insert one = insert(BenchRow_.TABLE)
            .value(BenchRow_.NAME, bindparam("name", varchar(40)))
            .value(BenchRow_.AMOUNT, bindparam("amount", BIGINT));

    /**
     * Starts each run on an empty table.
     *
     * @param d the trial's database
     */
    @Setup(Level.Invocation)
    public void empty(BenchDatabase d) {
        d.clear();
    }

    /**
     * Checks that the run stored every row (outside the measured time).
     *
     * @param d the trial's database
     * @throws SQLException if the database fails
     */
    @TearDown(Level.Invocation)
    public void check(BenchDatabase d) throws SQLException {
        d.expectRows(ROWS);
    }

    /**
     * Raw JDBC: one connection, one prepared statement, a commit after each row.
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
                ps.executeUpdate();
                d.jdbc.commit();
            }
        }
    }

    /**
     * Retort Core: {@code engine.runInTransaction} per row, the INSERT compiled once (cached).
     *
     * @param d the trial's database
     */
    @Benchmark
    public void core(BenchDatabase d) {
        for (int i = 0; i < ROWS; i++) {
            Map<String, Object> values = Map.of("name", "row " + i, "amount", (long) i);
            d.engine.runInTransaction(c -> c.execute(one, values));
        }
    }

    /**
     * Retort ORM: a session per row, add, commit (the generated key read back into the object).
     *
     * @param d the trial's database
     */
    @Benchmark
    public void orm(BenchDatabase d) {
        for (int i = 0; i < ROWS; i++) {
            BenchRow row = new BenchRow("row " + i, i);
            Session.runInTransaction(d.engine, s -> s.add(row));
        }
    }

    /**
     * Hibernate: a session per row, persist, commit (PostgreSQL: the key from the pooled sequence,
     * one sequence call per 1,000 rows; SQLite: the rowid read back).
     *
     * @param d the trial's database
     * @throws SQLException if the database fails
     */
    @Benchmark
    public void hibernate(BenchDatabase d) throws SQLException {
        HibernateContender h = d.hibernate();
        for (int i = 0; i < ROWS; i++) {
            HibernateRow row = h.newRow("row " + i, i);
            h.factory.inTransaction(s -> s.persist(row));
        }
    }

    /**
     * Hibernate: a stateless session per row, insert, commit.
     *
     * @param d the trial's database
     * @throws SQLException if the database fails
     */
    @Benchmark
    public void hibernateStateless(BenchDatabase d) throws SQLException {
        HibernateContender h = d.hibernate();
        for (int i = 0; i < ROWS; i++) {
            HibernateRow row = h.newRow("row " + i, i);
            h.factory.inStatelessTransaction(s -> s.insert(row));
        }
    }

    /**
     * jOOQ: a transaction per row, one INSERT.
     *
     * @param d the trial's database
     */
    @Benchmark
    public void jooq(BenchDatabase d) {
        for (int i = 0; i < ROWS; i++) {
            String name = "row " + i;
            long amount = i;
            d.jooq().ctx.transaction(cfg -> cfg.dsl().insertInto(JooqContender.ROW, JooqContender.ROW_NAME, JooqContender.ROW_AMOUNT)
                    .values(name, amount)
                    .execute());
        }
    }
}
