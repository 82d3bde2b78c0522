package dev.retort.bench;

import dev.retort.engine.Connection;
import dev.retort.engine.Row;
import dev.retort.orm.OrmStatements;
import dev.retort.orm.Session;
import org.jooq.Records;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.retort.sql.Statements.select;

/**
 * Scenario 2: load 100,000 rows as full objects: plain objects from JDBC, Core rows, ORM
 * entities (through the generated accessor; {@link LoadReflectiveBench} measures VarHandles),
 * Hibernate entities (in a session, and in a stateless session), jOOQ into the plain objects.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoadBench {
    static final int ROWS = 100_000;

    /**
     * Fills the table once per trial.
     *
     * @param d the trial's database
     */
    @Setup(Level.Trial)
    public void fill(BenchDatabase d) {
        d.fill(ROWS);
    }

    /**
     * Raw JDBC into plain objects.
     *
     * @param d the trial's database
     * @return what the work produced, consumed by JMH
     * @throws SQLException if the database fails
     */
    @Benchmark
    public List<BenchRow.Plain> jdbc(BenchDatabase d) throws SQLException {
        List<BenchRow.Plain> out = new ArrayList<>(ROWS);
        try (Statement st = d.jdbc.createStatement(); ResultSet rs = st.executeQuery("SELECT id, name, amount FROM bench_row")) {
            while (rs.next()) {
                out.add(new BenchRow.Plain(rs.getLong(1), rs.getString(2), rs.getLong(3)));
            }
        }
        d.jdbc.commit();
        return out;
    }

    /**
     * Retort Core rows.
     *
     * @param d the trial's database
     * @return what the work produced, consumed by JMH
     */
    @Benchmark
    public List<Row> core(BenchDatabase d) {
        try (Connection c = d.engine.connect()) {
            return c.execute(select(BenchRow_.ID, BenchRow_.NAME, BenchRow_.AMOUNT).from(BenchRow_.TABLE)).all();
        }
    }

    /**
     * Retort ORM entities, in a new session.
     *
     * @param d the trial's database
     * @return what the work produced, consumed by JMH
     */
    @Benchmark
    public List<BenchRow> orm(BenchDatabase d) {
        return loadEntities(d);
    }

    /**
     * Hibernate entities, in a new session (the same unit of work as Retort ORM).
     *
     * @param d the trial's database
     * @return what the work produced, consumed by JMH
     * @throws SQLException if the database fails
     */
    @Benchmark
    public List<? extends HibernateRow> hibernate(BenchDatabase d) throws SQLException {
        HibernateContender h = d.hibernate();
        try (var s = h.factory.openSession()) {
            return s.createSelectionQuery("from " + h.rowEntity, h.rowClass).getResultList();
        }
    }

    /**
     * Hibernate entities through a stateless session (no persistence context: Hibernate's advice
     * for reading data it need not track).
     *
     * @param d the trial's database
     * @return what the work produced, consumed by JMH
     * @throws SQLException if the database fails
     */
    @Benchmark
    public List<? extends HibernateRow> hibernateStateless(BenchDatabase d) throws SQLException {
        HibernateContender h = d.hibernate();
        try (var s = h.factory.openStatelessSession()) {
            return s.createSelectionQuery("from " + h.rowEntity, h.rowClass).getResultList();
        }
    }

    /**
     * jOOQ into the plain objects, through a record mapper.
     *
     * @param d the trial's database
     * @return what the work produced, consumed by JMH
     */
    @Benchmark
    public List<BenchRow.Plain> jooq(BenchDatabase d) {
        return d.jooq().ctx.select(JooqContender.ROW_ID, JooqContender.ROW_NAME, JooqContender.ROW_AMOUNT)
                .from(JooqContender.ROW)
                .fetch(Records.mapping(BenchRow.Plain::new));
    }

    static List<BenchRow> loadEntities(BenchDatabase d) {
        try (Session s = Session.open(d.engine)) {
            return s.execute(OrmStatements.select(BenchRow.class)).all();
        }
    }
}
