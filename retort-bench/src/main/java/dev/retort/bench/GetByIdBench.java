package dev.retort.bench;

import dev.retort.engine.Connection;
import dev.retort.engine.Row;
import dev.retort.orm.Session;
import dev.retort.sql.Select;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.retort.sql.Statements.bindparam;
import static dev.retort.sql.Statements.select;

/**
 * Scenario 3: 10,000 selects by primary key, each a separate query: raw JDBC, Retort Core and
 * ORM, Hibernate (in a session per get, and in one stateless session), jOOQ.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GetByIdBench {
    static final int ROWS = 10_000;
    private long[] ids;
    private final Select byId = select(BenchRow_.ID, BenchRow_.NAME, BenchRow_.AMOUNT).from(BenchRow_.TABLE)
            .where(BenchRow_.ID.eq(bindparam("id", dev.retort.types.SqlTypes.BIGINT)));

    /**
     * Fills the table once per trial.
     *
     * @param d the trial's database
     * @throws SQLException if the database fails
     */
    @Setup(Level.Trial)
    public void fill(BenchDatabase d) throws SQLException {
        d.fill(ROWS);
        ids = d.ids();
    }

    /**
     * Raw JDBC: one prepared statement reused.
     *
     * @param d the trial's database
     * @param bh takes each result, so the JIT cannot drop the work
     * @throws SQLException if the database fails
     */
    @Benchmark
    public void jdbc(BenchDatabase d, Blackhole bh) throws SQLException {
        try (PreparedStatement ps = d.jdbc.prepareStatement("SELECT id, name, amount FROM bench_row WHERE id = ?")) {
            for (long id : ids) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    bh.consume(new BenchRow.Plain(rs.getLong(1), rs.getString(2), rs.getLong(3)));
                }
            }
        }
        d.jdbc.commit();
    }

    /**
     * Retort Core: one statement shape, compiled once, run with each id.
     *
     * @param d the trial's database
     * @param bh takes each result, so the JIT cannot drop the work
     */
    @Benchmark
    public void core(BenchDatabase d, Blackhole bh) {
        try (Connection c = d.engine.connect()) {
            for (long id : ids) {
                Row r = c.execute(byId, Map.of("id", id)).one();
                bh.consume(r);
            }
        }
    }

    /**
     * Retort ORM: get in a fresh session each time.
     *
     * @param d the trial's database
     * @param bh takes each result, so the JIT cannot drop the work
     */
    @Benchmark
    public void orm(BenchDatabase d, Blackhole bh) {
        for (long id : ids) {
            try (Session s = Session.open(d.engine)) {
                bh.consume(s.get(BenchRow.class, id));
            }
        }
    }

    /**
     * Hibernate: find in a fresh session each time (the same unit of work as Retort ORM).
     *
     * @param d the trial's database
     * @param bh takes each result, so the JIT cannot drop the work
     * @throws SQLException if the database fails
     */
    @Benchmark
    public void hibernate(BenchDatabase d, Blackhole bh) throws SQLException {
        HibernateContender h = d.hibernate();
        for (long id : ids) {
            try (var s = h.factory.openSession()) {
                bh.consume(s.find(h.rowClass, id));
            }
        }
    }

    /**
     * Hibernate: one stateless session, a get per id (no persistence context to open or fill).
     *
     * @param d the trial's database
     * @param bh takes each result, so the JIT cannot drop the work
     * @throws SQLException if the database fails
     */
    @Benchmark
    public void hibernateStateless(BenchDatabase d, Blackhole bh) throws SQLException {
        HibernateContender h = d.hibernate();
        try (var s = h.factory.openStatelessSession()) {
            for (long id : ids) {
                bh.consume(s.get(h.rowClass, id));
            }
        }
    }

    /**
     * jOOQ: the query built and run for each id, on one connection (one transaction), mapped to
     * the plain object.
     *
     * @param d the trial's database
     * @param bh takes each result, so the JIT cannot drop the work
     */
    @Benchmark
    public void jooq(BenchDatabase d, Blackhole bh) {
        d.jooq().ctx.transaction(cfg -> {
            DSLContext t = cfg.dsl();
            for (long id : ids) {
                bh.consume(t.select(JooqContender.ROW_ID, JooqContender.ROW_NAME, JooqContender.ROW_AMOUNT)
                        .from(JooqContender.ROW)
                        .where(JooqContender.ROW_ID.eq(id))
                        .fetchOne(Records.mapping(BenchRow.Plain::new)));
            }
        });
    }
}
