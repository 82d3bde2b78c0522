package dev.retort.bench;

import dev.retort.engine.Connection;
import dev.retort.orm.Session;
import dev.retort.sql.Insert;
import dev.retort.types.SqlTypes;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Loader;
import org.jooq.Record;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.retort.sql.Statements.bindparam;
import static dev.retort.sql.Statements.insert;

/**
 * Scenario 1: insert 100,000 rows of a three-column table in one transaction: raw JDBC, Retort
 * Core and ORM, Hibernate (in a session, and in a stateless session), jOOQ (batch API, loader API).
 */
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

    /**
     * Hibernate, the same unit of work as Retort ORM: persist every object in one session, one
     * flush at commit, in JDBC batches of 1,000 (PostgreSQL: keys from a pooled sequence; SQLite: rowid
     * keys, which Hibernate inserts row by row).
     *
     * @param d the trial's database
     * @throws SQLException if the database fails
     */
    @Benchmark
    public void hibernate(BenchDatabase d) throws SQLException {
        HibernateContender h = d.hibernate();
        List<HibernateRow> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            rows.add(h.newRow("row " + i, i));
        }
        h.factory.inTransaction(s -> rows.forEach(s::persist));
    }

    /**
     * Hibernate's documented bulk path: a stateless session, {@code insertMultiple} in chunks of 1,000.
     *
     * @param d the trial's database
     * @throws SQLException if the database fails
     */
    @Benchmark
    public void hibernateStateless(BenchDatabase d) throws SQLException {
        HibernateContender h = d.hibernate();
        List<HibernateRow> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            rows.add(h.newRow("row " + i, i));
        }
        h.factory.inStatelessTransaction(s -> {
            for (int from = 0; from < ROWS; from += HibernateContender.BATCH_SIZE) {
                s.insertMultiple(rows.subList(from, Math.min(ROWS, from + HibernateContender.BATCH_SIZE)));
            }
        });
    }

    /**
     * jOOQ's batch API with bind values: one INSERT with placeholders, rendered once, executed as
     * JDBC batches of 1,000 (the raw JDBC contender's shape).
     *
     * @param d the trial's database
     */
    @Benchmark
    public void jooq(BenchDatabase d) {
        d.jooq().ctx.transaction(cfg -> {
            DSLContext t = cfg.dsl();
            for (int from = 0; from < ROWS; from += 1000) {
                BatchBindStep batch = t.batch(t.insertInto(JooqContender.ROW, JooqContender.ROW_NAME, JooqContender.ROW_AMOUNT)
                        .values((String) null, (Long) null));
                for (int i = from; i < Math.min(ROWS, from + 1000); i++) {
                    batch = batch.bind("row " + i, (long) i);
                }
                batch.execute();
            }
        });
    }

    /**
     * jOOQ's loader API (its documented way to import data): JDBC batches of 1,000 single-row
     * INSERTs, committed once at the end of the transaction.
     *
     * @param d the trial's database
     */
    @Benchmark
    public void jooqLoader(BenchDatabase d) {
        List<Object[]> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            rows.add(new Object[] {"row " + i, (long) i});
        }
        d.jooq().ctx.transaction(cfg -> {
            Loader<Record> loader = cfg.dsl().loadInto(JooqContender.ROW)
                    .bulkNone().batchAfter(1000).commitNone()
                    .loadArrays(rows)
                    .fields(JooqContender.ROW_NAME, JooqContender.ROW_AMOUNT)
                    .execute();
            if (!loader.errors().isEmpty()) {
                throw loader.errors().get(0).exception();
            }
        });
    }
}
