package dev.retort.bench;

import dev.retort.engine.Connection;
import dev.retort.engine.ListenerRegistration;
import dev.retort.engine.Row;
import dev.retort.engine.StatementEvent;
import dev.retort.engine.StatementListener;
import dev.retort.orm.OrmStatements;
import dev.retort.orm.Session;
import dev.retort.sql.Select;
import org.hibernate.Hibernate;
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
import org.openjdk.jmh.annotations.TearDown;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.retort.orm.LoadOption.joinedLoad;
import static dev.retort.orm.LoadOption.selectInLoad;
import static dev.retort.sql.Statements.select;
import static dev.retort.bench.JooqContender.CHILD;
import static dev.retort.bench.JooqContender.CHILD_AMOUNT;
import static dev.retort.bench.JooqContender.CHILD_ID;
import static dev.retort.bench.JooqContender.CHILD_NAME;
import static dev.retort.bench.JooqContender.CHILD_PARENT_ID;
import static dev.retort.bench.JooqContender.PARENT;
import static dev.retort.bench.JooqContender.PARENT_ID;
import static dev.retort.bench.JooqContender.PARENT_NAME;

/**
 * Scenario 5: load 1,000 parents with their 10 children each (10,000 children), ordered by key,
 * each contender with its best strategy; each reports the statements it sent
 * ({@link StatementCount}). Raw JDBC and Retort Core: one LEFT JOIN, grouped while reading.
 * Retort ORM: select-in loading (the parents, then the children of up to 5,000 parents per
 * statement), or the children joined ({@code ormJoined}, one statement).
 * Hibernate: {@code left join fetch} (one statement), or a subselect fetch (the parents, then
 * every parent's children at the first touch). jOOQ: MULTISET (one statement, the children
 * nested as JSON), or two queries grouped in memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RelationshipLoadBench {
    static final int PARENTS = 1_000;
    static final int CHILDREN = 10;
    private static final String JOIN = "SELECT p.id, p.name, c.id, c.name, c.amount FROM bench_parent p "
            + "LEFT JOIN bench_child c ON c.parent_id = p.id ORDER BY p.id, c.id";
    private final Select coreJoin = select(BenchParent_.ID, BenchParent_.NAME, BenchChild_.ID, BenchChild_.NAME, BenchChild_.AMOUNT)
            .from(BenchParent_.TABLE)
            .outerJoin(BenchChild_.TABLE, BenchChild_.PARENT_ID.eq(BenchParent_.ID))
            .orderBy(BenchParent_.ID, BenchChild_.ID);
    private long retortStatements;
    private ListenerRegistration listener;

    /**
     * Fills the two tables once per trial and counts Retort's statements from then on.
     *
     * @param d the trial's database
     */
    @Setup(Level.Trial)
    public void fill(BenchDatabase d) {
        d.fillParents(PARENTS, CHILDREN);
        listener = d.engine.addListener(new StatementListener() {
            @Override
            public void beforeExecute(StatementEvent event) {
                retortStatements++;
            }
        });
    }

    /** Stops counting. */
    @TearDown(Level.Trial)
    public void stopCounting() {
        listener.close();
    }

    /**
     * Raw JDBC: one LEFT JOIN, parents grouped as the rows come.
     *
     * @param d the trial's database
     * @param count where the statement count goes
     * @return what the work produced, consumed by JMH
     * @throws SQLException if the database fails
     */
    @Benchmark
    public List<BenchParent.Plain> jdbc(BenchDatabase d, StatementCount count) throws SQLException {
        List<BenchParent.Plain> out = new ArrayList<>(PARENTS);
        int statements = 0;
        try (Statement st = d.jdbc.createStatement(); ResultSet rs = st.executeQuery(JOIN)) {
            statements++;
            BenchParent.Plain current = null;
            while (rs.next()) {
                long id = rs.getLong(1);
                if (current == null || current.id() != id) {
                    current = new BenchParent.Plain(id, rs.getString(2), new ArrayList<>(CHILDREN));
                    out.add(current);
                }
                long childId = rs.getLong(3);
                if (!rs.wasNull()) {
                    current.children().add(new BenchChild.Plain(childId, rs.getString(4), rs.getLong(5)));
                }
            }
        }
        d.jdbc.commit();
        count.statements = statements;
        return out;
    }

    /**
     * Retort Core: the same LEFT JOIN, grouped as the rows come.
     *
     * @param d the trial's database
     * @param count where the statement count goes
     * @return what the work produced, consumed by JMH
     */
    @Benchmark
    public List<BenchParent.Plain> core(BenchDatabase d, StatementCount count) {
        long before = retortStatements;
        List<BenchParent.Plain> out = new ArrayList<>(PARENTS);
        try (Connection c = d.engine.connect()) {
            BenchParent.Plain current = null;
            for (Row row : c.execute(coreJoin)) {
                long id = row.getLong(0);
                if (current == null || current.id() != id) {
                    current = new BenchParent.Plain(id, row.getString(1), new ArrayList<>(CHILDREN));
                    out.add(current);
                }
                Long childId = row.getLong(2);
                if (childId != null) {
                    current.children().add(new BenchChild.Plain(childId, row.getString(3), row.getLong(4)));
                }
            }
        }
        count.statements = retortStatements - before;
        return out;
    }

    /**
     * Retort ORM: the parents with {@code selectInLoad} of their children, in a new session.
     *
     * @param d the trial's database
     * @param count where the statement count goes
     * @return what the work produced, consumed by JMH
     */
    @Benchmark
    public List<BenchParent> orm(BenchDatabase d, StatementCount count) {
        long before = retortStatements;
        List<BenchParent> out;
        try (Session s = Session.open(d.engine)) {
            out = s.execute(OrmStatements.select(BenchParent.class).orderBy(BenchParent_.ID)
                    .options(selectInLoad(BenchParent_.CHILDREN))).all();
        }
        count.statements = retortStatements - before;
        return out;
    }

    /**
     * Retort ORM with the children joined: one statement, each parent once.
     *
     * @param d the database
     * @param count the statements sent
     * @return the parents, with their children loaded
     */
    @Benchmark
    public List<BenchParent> ormJoined(BenchDatabase d, StatementCount count) {
        long before = retortStatements;
        List<BenchParent> out;
        try (Session s = Session.open(d.engine)) {
            out = s.execute(OrmStatements.select(BenchParent.class).orderBy(BenchParent_.ID)
                    .options(joinedLoad(BenchParent_.CHILDREN))).all();
        }
        count.statements = retortStatements - before;
        return out;
    }

    /**
     * Hibernate: {@code left join fetch} of the children, in a new session.
     *
     * @param d the trial's database
     * @param count where the statement count goes
     * @return what the work produced, consumed by JMH
     * @throws SQLException if the database fails
     */
    @Benchmark
    public List<HibernateParent> hibernateJoinFetch(BenchDatabase d, StatementCount count) throws SQLException {
        HibernateContender h = d.hibernate();
        long before = h.statements();
        List<HibernateParent> out;
        try (var s = h.factory.openSession()) {
            out = s.createSelectionQuery("from HibernateParent p left join fetch p.children order by p.id", HibernateParent.class)
                    .getResultList();
        }
        count.statements = h.statements() - before;
        return out;
    }

    /**
     * Hibernate: the parents, then the children of all of them with one subselect when the first
     * collection is read ({@code @Fetch(SUBSELECT)}), in a new session.
     *
     * @param d the trial's database
     * @param count where the statement count goes
     * @return what the work produced, consumed by JMH
     * @throws SQLException if the database fails
     */
    @Benchmark
    public List<HibernateParent> hibernateSubselect(BenchDatabase d, StatementCount count) throws SQLException {
        HibernateContender h = d.hibernate();
        long before = h.statements();
        List<HibernateParent> out;
        try (var s = h.factory.openSession()) {
            out = s.createSelectionQuery("from HibernateParent p order by p.id", HibernateParent.class).getResultList();
            for (HibernateParent p : out) {
                Hibernate.initialize(p.children);
            }
        }
        count.statements = h.statements() - before;
        return out;
    }

    /**
     * jOOQ: the children nested with MULTISET (one statement) and mapped to the plain objects.
     *
     * @param d the trial's database
     * @param count where the statement count goes
     * @return what the work produced, consumed by JMH
     */
    @Benchmark
    public List<BenchParent.Plain> jooqMultiset(BenchDatabase d, StatementCount count) {
        JooqContender j = d.jooq();
        long before = j.statements();
        DSLContext ctx = j.ctx;
        List<BenchParent.Plain> out = ctx.select(PARENT_ID, PARENT_NAME,
                        org.jooq.impl.DSL.multiset(org.jooq.impl.DSL.select(CHILD_ID, CHILD_NAME, CHILD_AMOUNT)
                                        .from(CHILD).where(CHILD_PARENT_ID.eq(PARENT_ID)).orderBy(CHILD_ID))
                                .convertFrom(r -> r.map(Records.mapping(BenchChild.Plain::new))))
                .from(PARENT)
                .orderBy(PARENT_ID)
                .fetch(Records.mapping(BenchParent.Plain::new));
        count.statements = j.statements() - before;
        return out;
    }

    /**
     * jOOQ: two queries (the parents, the children grouped by parent with {@code fetchGroups}).
     *
     * @param d the trial's database
     * @param count where the statement count goes
     * @return what the work produced, consumed by JMH
     */
    @Benchmark
    public List<BenchParent.Plain> jooqTwoQueries(BenchDatabase d, StatementCount count) {
        JooqContender j = d.jooq();
        long before = j.statements();
        DSLContext ctx = j.ctx;
        List<BenchParent.Plain> out = ctx.transactionResult(cfg -> {
            DSLContext t = cfg.dsl();
            Map<Long, List<BenchChild.Plain>> children = t.select(CHILD_PARENT_ID, CHILD_ID, CHILD_NAME, CHILD_AMOUNT)
                    .from(CHILD)
                    .orderBy(CHILD_PARENT_ID, CHILD_ID)
                    .fetchGroups(r -> r.value1(), r -> new BenchChild.Plain(r.value2(), r.value3(), r.value4()));
            return t.select(PARENT_ID, PARENT_NAME)
                    .from(PARENT)
                    .orderBy(PARENT_ID)
                    .fetch(r -> new BenchParent.Plain(r.value1(), r.value2(), children.getOrDefault(r.value1(), List.of())));
        });
        count.statements = j.statements() - before;
        return out;
    }
}
