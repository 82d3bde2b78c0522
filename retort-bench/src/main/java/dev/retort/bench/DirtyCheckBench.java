package dev.retort.bench;

import dev.retort.engine.Engine;
import dev.retort.engine.ListenerRegistration;
import dev.retort.engine.StatementEvent;
import dev.retort.engine.StatementListener;
import dev.retort.orm.OrmStatements;
import dev.retort.orm.Registry;
import dev.retort.orm.Session;
import dev.retort.orm.mapping.EntityMapping;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import static dev.retort.sql.Statements.insert;

/**
 * Scenario 9: dirty checking. 10,000 rows loaded as entities into one session, then a flush with
 * none of them changed (the snapshot comparison alone, no SQL) and a flush with 1% changed (100
 * UPDATEs in one batch), beside the load itself for scale; the same for Hibernate, whose default
 * dirty checking also compares with a snapshot. Without a database ({@code db} "-"): Retort's
 * flush of the same 10,000 unchanged objects (loaded once from an in-memory SQLite database; the
 * flush sends nothing) against what tracked setters would cost instead (each setter sets a bit
 * in a {@code long} mask, and a flush either scans the masks or visits a queue of the objects
 * that were changed).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)        // the tracked-setter loops take nanoseconds
public class DirtyCheckBench {
    static final int ROWS = 10_000;
    /** Every {@value}th object is changed by the flushes with 1% changed. */
    static final int STRIDE = 100;

    /** The trial's table, filled with {@value #ROWS} rows once. */
    @State(Scope.Benchmark)
    public static class Filled {
        /**
         * Fills the table.
         *
         * @param d the trial's database
         */
        @Setup(Level.Trial)
        public void fill(BenchDatabase d) {
            d.fill(ROWS);
        }
    }

    /** A Retort session holding the {@value #ROWS} rows as entities, opened for each iteration and rolled back after it. */
    @State(Scope.Benchmark)
    public static class RetortLoaded {
        Session session;
        List<BenchRow> rows;
        long statements;
        private ListenerRegistration listener;

        /**
         * Loads the rows into a new session and counts the statements the engine runs from then on.
         *
         * @param d the trial's database
         * @param filled the filled table
         */
        @Setup(Level.Iteration)
        public void open(BenchDatabase d, Filled filled) {
            session = Session.open(d.engine);
            rows = session.execute(OrmStatements.select(BenchRow.class)).all();
            expectSize(rows.size());
            listener = d.engine.addListener(new StatementListener() {
                @Override
                public void beforeExecute(StatementEvent event) {
                    statements++;
                }
            });
        }

        /** Rolls back what the iteration's flushes wrote. */
        @TearDown(Level.Iteration)
        public void close() {
            listener.close();
            session.close();
        }
    }

    /** A Hibernate session holding the {@value #ROWS} rows as entities, in a transaction rolled back after each iteration. */
    @State(Scope.Benchmark)
    public static class HibernateLoaded {
        HibernateContender hibernate;
        org.hibernate.Session session;
        List<? extends HibernateRow> rows;

        /**
         * Loads the rows into a new session, in a transaction.
         *
         * @param d the trial's database
         * @param filled the filled table
         * @throws SQLException if the database fails
         */
        @Setup(Level.Iteration)
        public void open(BenchDatabase d, Filled filled) throws SQLException {
            hibernate = d.hibernate();
            session = hibernate.factory.openSession();
            session.beginTransaction();
            rows = session.createSelectionQuery("from " + hibernate.rowEntity, hibernate.rowClass).getResultList();
            expectSize(rows.size());
        }

        /** Rolls back what the iteration's flushes wrote. */
        @TearDown(Level.Iteration)
        public void close() {
            session.getTransaction().rollback();
            session.close();
        }
    }

    /**
     * Retort without a server: an in-memory SQLite database filled once, and a session holding its
     * {@value #ROWS} rows as entities. A flush with nothing changed sends no statement, so it
     * measures the comparison alone.
     */
    @State(Scope.Benchmark)
    public static class InMemory {
        Engine engine;
        Session session;
        List<BenchRow> rows;
        EntityMapping<BenchRow> mapping;
        Object[][] snapshots;
        long statements;

        /** Creates, fills and loads the database, and takes a snapshot of each object through the public mapping API. */
        @Setup(Level.Trial)
        public void open() {
            engine = Engine.create("sqlite://");
            Registry.of(BenchRow.class).metadata().createAll(engine);
            List<List<?>> values = new ArrayList<>(ROWS);
            for (int i = 0; i < ROWS; i++) {
                values.add(List.of("row " + i, (long) i));
            }
            try (var c = engine.connect()) {
                c.execute(insert(BenchRow_.TABLE).columns(BenchRow_.NAME, BenchRow_.AMOUNT).valuesList(values));
                c.commit();
            }
            session = Session.open(engine);
            rows = session.execute(OrmStatements.select(BenchRow.class)).all();
            expectSize(rows.size());
            mapping = EntityMapping.of(BenchRow.class);
            snapshots = new Object[ROWS][];
            for (int i = 0; i < ROWS; i++) {
                snapshots[i] = mapping.read(rows.get(i));
            }
            engine.addListener(new StatementListener() {
                @Override
                public void beforeExecute(StatementEvent event) {
                    statements++;
                }
            });
        }

        /** Closes the session and the engine. */
        @TearDown(Level.Trial)
        public void close() {
            session.close();
            engine.close();
        }
    }

    /** {@value #ROWS} objects whose setters record what they change, as bytecode enhancement or hand-written setters would. */
    @State(Scope.Benchmark)
    public static class Tracked {
        final List<TrackedRow> rows = new ArrayList<>(ROWS);
        final List<TrackedRow> dirty = new ArrayList<>();

        /** Makes the objects, as a load would: fields written directly, nothing marked. */
        @Setup(Level.Trial)
        public void make() {
            for (int i = 0; i < ROWS; i++) {
                rows.add(new TrackedRow(dirty, i + 1, "row " + i, i));
            }
        }
    }

    /**
     * An entity with tracked setters: each sets its field's bit in a {@code long} mask and, on the
     * first change, puts the object on its session's queue of changed objects.
     */
    static final class TrackedRow {
        private static final long AMOUNT = 1L << 2;         // the bit of column 2
        private final List<TrackedRow> queue;
        final long id;
        String name;
        long amount;
        long dirty;

        TrackedRow(List<TrackedRow> queue, long id, String name, long amount) {
            this.queue = queue;
            this.id = id;
            this.name = name;
            this.amount = amount;
        }

        void setAmount(long amount) {
            this.amount = amount;
            mark(AMOUNT);
        }

        private void mark(long bit) {
            if (dirty == 0) {
                queue.add(this);
            }
            dirty |= bit;
        }
    }

    private static void expectSize(int n) {
        if (n != ROWS) {
            throw new IllegalStateException("loaded " + n + " rows, expected " + ROWS);
        }
    }

    private static void expectStatements(long n, long expected, String what) {
        if (n != expected) {
            throw new IllegalStateException(what + " sent " + n + " statements, expected " + expected);
        }
    }

    // ---- with a database ---------------------------------------------------------------------

    /**
     * Retort: loading the {@value #ROWS} rows as entities into a new session (the scale the flushes compare with).
     *
     * @param d the trial's database
     * @param filled the filled table
     * @return the entities, consumed by JMH
     */
    @Benchmark
    public List<BenchRow> load(BenchDatabase d, Filled filled) {
        try (Session s = Session.open(d.engine)) {
            return s.execute(OrmStatements.select(BenchRow.class)).all();
        }
    }

    /**
     * Retort: a flush with none of the {@value #ROWS} objects changed: every object compared with its snapshot, no SQL.
     *
     * @param loaded the session and its objects
     * @param count where the statement count goes
     */
    @Benchmark
    public void flushClean(RetortLoaded loaded, StatementCount count) {
        long before = loaded.statements;
        loaded.session.flush();
        count.statements = loaded.statements - before;
        expectStatements(count.statements, 0, "a flush with nothing changed");
    }

    /**
     * Retort: 1% of the objects changed, then a flush: the comparison plus 100 UPDATEs in one batch.
     *
     * @param loaded the session and its objects
     * @param count where the statement count goes
     */
    @Benchmark
    public void flushChanged(RetortLoaded loaded, StatementCount count) {
        long before = loaded.statements;
        for (int i = 0; i < ROWS; i += STRIDE) {
            loaded.rows.get(i).amount++;
        }
        loaded.session.flush();
        count.statements = loaded.statements - before;
        expectStatements(count.statements, 1, "a flush of 100 changed objects");
    }

    /**
     * Hibernate: loading the {@value #ROWS} rows as entities into a new session.
     *
     * @param d the trial's database
     * @param filled the filled table
     * @return the entities, consumed by JMH
     * @throws SQLException if the database fails
     */
    @Benchmark
    public List<? extends HibernateRow> hibernateLoad(BenchDatabase d, Filled filled) throws SQLException {
        HibernateContender h = d.hibernate();
        try (var s = h.factory.openSession()) {
            return s.createSelectionQuery("from " + h.rowEntity, h.rowClass).getResultList();
        }
    }

    /**
     * Hibernate: a flush with none of the {@value #ROWS} objects changed (its snapshot comparison).
     *
     * @param loaded the session and its objects
     * @param count where the statement count goes
     */
    @Benchmark
    public void hibernateFlushClean(HibernateLoaded loaded, StatementCount count) {
        long before = loaded.hibernate.statements();
        loaded.session.flush();
        count.statements = loaded.hibernate.statements() - before;
        expectStatements(count.statements, 0, "Hibernate's flush with nothing changed");
    }

    /**
     * Hibernate: 1% of the objects changed, then a flush (100 UPDATEs in one JDBC batch).
     *
     * @param loaded the session and its objects
     * @param count where the statement count goes
     */
    @Benchmark
    public void hibernateFlushChanged(HibernateLoaded loaded, StatementCount count) {
        long before = loaded.hibernate.statements();
        for (int i = 0; i < ROWS; i += STRIDE) {
            loaded.rows.get(i).amount++;
        }
        loaded.session.flush();
        count.statements = loaded.hibernate.statements() - before;
        expectStatements(count.statements, 1, "Hibernate's flush of 100 changed objects");
    }

    // ---- without a database ------------------------------------------------------------------

    /**
     * Retort's flush with nothing changed, in a session on an in-memory SQLite database (the baseline without a server).
     *
     * @param m the session and its objects
     * @param count where the statement count goes
     */
    @Benchmark
    public void flushCleanInMemory(InMemory m, StatementCount count) {
        long before = m.statements;
        m.session.flush();
        count.statements = m.statements - before;
        expectStatements(count.statements, 0, "a flush with nothing changed");
    }

    /**
     * The comparison at the heart of Retort's flush, without the session around it: each object's
     * column values read through the mapping (the generated accessor) and compared with a snapshot.
     *
     * @param m the objects and their snapshots
     * @return the number of changed objects (0), consumed by JMH
     */
    @Benchmark
    public int snapshotLoop(InMemory m) {
        int changed = 0;
        List<BenchRow> rows = m.rows;
        for (int i = 0; i < rows.size(); i++) {
            Object[] now = m.mapping.read(rows.get(i));
            Object[] then = m.snapshots[i];
            for (int c = 0; c < now.length; c++) {
                if (!Objects.equals(now[c], then[c])) {
                    changed++;
                    break;
                }
            }
        }
        return changed;
    }

    /**
     * Tracked setters, a flush that scans every object's dirty mask.
     *
     * @param t the tracked objects
     * @return the number of changed objects (0), consumed by JMH
     */
    @Benchmark
    public int trackedScan(Tracked t) {
        int changed = 0;
        List<TrackedRow> rows = t.rows;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).dirty != 0) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * Tracked setters, a flush that visits only the objects on the queue of changed ones.
     *
     * @param t the tracked objects
     * @return the number of changed columns (0), consumed by JMH
     */
    @Benchmark
    public int trackedQueue(Tracked t) {
        int changed = 0;
        for (TrackedRow r : t.dirty) {
            changed += Long.bitCount(r.dirty);
        }
        return changed;
    }

    /**
     * Tracked setters, 1% of the objects changed through their setters, then a flush that visits
     * the queue (reading each mask and clearing it; the statements are left out).
     *
     * @param t the tracked objects
     * @return the number of changed columns (100), consumed by JMH
     */
    @Benchmark
    public int trackedQueueChanged(Tracked t) {
        for (int i = 0; i < ROWS; i += STRIDE) {
            TrackedRow r = t.rows.get(i);
            r.setAmount(r.amount + 1);
        }
        int changed = 0;
        for (TrackedRow r : t.dirty) {
            changed += Long.bitCount(r.dirty);
            r.dirty = 0;
        }
        t.dirty.clear();
        return changed;
    }
}
