package dev.retort.bench;

import dev.retort.engine.Connection;
import dev.retort.engine.Result;
import dev.retort.engine.Row;
import dev.retort.orm.OrmStatements;
import dev.retort.orm.Session;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.jooq.Cursor;
import org.jooq.Record3;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.retort.bench.JooqContender.ROW;
import static dev.retort.bench.JooqContender.ROW_AMOUNT;
import static dev.retort.bench.JooqContender.ROW_ID;
import static dev.retort.bench.JooqContender.ROW_NAME;
import static dev.retort.sql.Statements.select;

/**
 * Scenario 7: read 1,000,000 rows one by one in a JVM with a 64 MB heap, which holds a fraction
 * of them: a contender that buffers the result fails with {@code OutOfMemoryError}. Rows come
 * 1,000 per round trip where the driver batches (PostgreSQL, inside a transaction). Raw JDBC: fetch
 * size, forward-only, auto-commit off. Retort Core: {@code Connection.stream}. Retort ORM:
 * {@code Session.stream}, whose entities the session does not keep; and, for comparison, paging
 * by key (10,000 entities per query, a new session per page), what an application without
 * streams does. Hibernate: a stateless session and a forward-only {@code ScrollableResults}. jOOQ:
 * {@code fetchLazy} with a fetch size, in a transaction.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
public class StreamBench {
    static final int ROWS = 1_000_000;
    static final int FETCH_SIZE = 1_000;
    static final int PAGE = 10_000;

    /**
     * Generates the million rows once per trial, in the database ({@link BenchDatabase#fillGenerated}).
     *
     * @param d the trial's database
     * @throws SQLException if the database fails
     */
    @Setup(Level.Trial)
    public void fill(BenchDatabase d) throws SQLException {
        d.fillGenerated(ROWS);
    }

    private static long check(long rows) {
        if (rows != ROWS) {
            throw new IllegalStateException("Read " + rows + " rows, expected " + ROWS);
        }
        return rows;
    }

    /**
     * Raw JDBC: a forward-only statement with a fetch size, auto-commit off.
     *
     * @param d the trial's database
     * @param bh takes each row
     * @return the number of rows read
     * @throws SQLException if the database fails
     */
    @Benchmark
    public long jdbc(BenchDatabase d, Blackhole bh) throws SQLException {
        long n = 0;
        try (PreparedStatement ps = d.jdbc.prepareStatement("SELECT id, name, amount FROM bench_row",
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bh.consume(new BenchRow.Plain(rs.getLong(1), rs.getString(2), rs.getLong(3)));
                    n++;
                }
            }
        }
        d.jdbc.commit();
        return check(n);
    }

    /**
     * Retort Core: a streamed result, rows read as they come.
     *
     * @param d the trial's database
     * @param bh takes each row
     * @return the number of rows read
     */
    @Benchmark
    public long core(BenchDatabase d, Blackhole bh) {
        long n = 0;
        try (Connection c = d.engine.connect();
             Result result = c.stream(select(BenchRow_.ID, BenchRow_.NAME, BenchRow_.AMOUNT).from(BenchRow_.TABLE), FETCH_SIZE)) {
            for (Row row : result) {
                bh.consume(row);
                n++;
            }
        }
        return check(n);
    }

    /**
     * Retort ORM: {@code Session.stream}, entities made as they are consumed and not kept by the
     * session (they come back detached), 1,000 rows per round trip.
     *
     * @param d the trial's database
     * @param bh takes each entity
     * @return the number of rows read
     */
    @Benchmark
    public long orm(BenchDatabase d, Blackhole bh) {
        long[] n = {0};
        try (Session s = Session.open(d.engine);
             Stream<BenchRow> rows = s.stream(OrmStatements.select(BenchRow.class), FETCH_SIZE)) {
            rows.forEach(row -> {
                bh.consume(row);
                n[0]++;
            });
        }
        return check(n[0]);
    }

    /**
     * Retort ORM without a stream, for comparison: pages of 10,000 entities by key
     * ({@code WHERE id > last ORDER BY id LIMIT 10000}), a new session per page so the identity map
     * never holds more than a page.
     *
     * @param d the trial's database
     * @param bh takes each entity
     * @return the number of rows read
     */
    @Benchmark
    public long ormPaged(BenchDatabase d, Blackhole bh) {
        long n = 0;
        long last = Long.MIN_VALUE;
        while (true) {
            List<BenchRow> page;
            try (Session s = Session.open(d.engine)) {
                page = s.execute(OrmStatements.select(BenchRow.class).where(BenchRow_.ID.gt(last))
                        .orderBy(BenchRow_.ID).limit(PAGE)).all();
            }
            for (BenchRow row : page) {
                bh.consume(row);
            }
            n += page.size();
            if (page.size() < PAGE) {
                return check(n);
            }
            last = page.get(page.size() - 1).id;
        }
    }

    /**
     * Hibernate: a stateless session (no persistence context to grow) and a forward-only scroll
     * with a fetch size, in a transaction.
     *
     * @param d the trial's database
     * @param bh takes each entity
     * @return the number of rows read
     * @throws SQLException if the database fails
     */
    @Benchmark
    public long hibernateStateless(BenchDatabase d, Blackhole bh) throws SQLException {
        HibernateContender h = d.hibernate();
        return check(h.factory.fromStatelessTransaction(s -> {
            long n = 0;
            try (ScrollableResults<? extends HibernateRow> rows = s.createSelectionQuery("from " + h.rowEntity, h.rowClass)
                    .setFetchSize(FETCH_SIZE).scroll(ScrollMode.FORWARD_ONLY)) {
                while (rows.next()) {
                    bh.consume(rows.get());
                    n++;
                }
            }
            return n;
        }));
    }

    /**
     * jOOQ: {@code fetchLazy} with a fetch size, in a transaction, each record mapped to the plain object.
     *
     * @param d the trial's database
     * @param bh takes each row
     * @return the number of rows read
     */
    @Benchmark
    public long jooq(BenchDatabase d, Blackhole bh) {
        return check(d.jooq().ctx.transactionResult(cfg -> {
            long n = 0;
            try (Cursor<Record3<Long, String, Long>> cursor = cfg.dsl().select(ROW_ID, ROW_NAME, ROW_AMOUNT).from(ROW)
                    .fetchSize(FETCH_SIZE).fetchLazy()) {
                for (Record3<Long, String, Long> r : cursor) {
                    bh.consume(new BenchRow.Plain(r.value1(), r.value2(), r.value3()));
                    n++;
                }
            }
            return n;
        }));
    }
}
