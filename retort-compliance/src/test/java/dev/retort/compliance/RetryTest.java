package dev.retort.compliance;

import dev.retort.SerializationFailureException;
import dev.retort.TransientDatabaseException;
import dev.retort.UniqueViolationException;
import dev.retort.dialect.Capability;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.RetryPolicy;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryTest {

    private static final RetryPolicy FAST = RetryPolicy.maxAttempts(5).withBackoff(Duration.ofMillis(5), Duration.ofMillis(50));

    private static long counter(Engine engine, int id) {
        try (Connection c = engine.connect()) {
            return c.execute(text("SELECT n FROM counters WHERE id = :id").bind("id", id)).scalar(Long.class);
        }
    }

    /**
     * Two transactions lock rows 1 and 2 in opposite orders: the database picks a deadlock
     * victim, and its retry succeeds. Three attempts in all, whichever one is the victim.
     */
    @EachDatabase(requires = Capability.ROW_LOCKING)
    void deadlockVictimIsRetriedWhole(TestDatabase db) throws Exception {
        Engine engine = db.engine();
        Tables.createCounters(engine);
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch bothLockedFirstRow = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int[] order : new int[][] {{1, 2}, {2, 1}}) {
                futures.add(pool.submit(() -> engine.runInTransaction(FAST, c -> {
                    int attempt = attempts.incrementAndGet();
                    c.execute(text("UPDATE counters SET n = n + 1 WHERE id = :id").bind("id", order[0]));
                    if (attempt <= 2) {
                        bothLockedFirstRow.countDown();
                        await(bothLockedFirstRow);
                    }
                    c.execute(text("UPDATE counters SET n = n + 1 WHERE id = :id").bind("id", order[1]));
                })));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(counter(engine, 1)).isEqualTo(2L);
        assertThat(counter(engine, 2)).isEqualTo(2L);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * In WAL mode a transaction that read an older snapshot cannot write after another one
     * committed: SQLite says SQLITE_BUSY_SNAPSHOT, which is a serialization failure.
     */
    @EachDatabase(only = DatabaseKind.SQLITE_FILE)
    void sqliteStaleSnapshotIsASerializationFailureAndIsRetried(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createCounters(engine);
        try (Connection stale = engine.connect(); Connection fresh = engine.connect()) {
            stale.execute(text("SELECT n FROM counters WHERE id = 1")).all();
            fresh.execute(text("UPDATE counters SET n = n + 1 WHERE id = 1"));
            fresh.commit();
            assertThatThrownBy(() -> stale.execute(text("UPDATE counters SET n = n + 1 WHERE id = 1")))
                    .isInstanceOf(SerializationFailureException.class)
                    .satisfies(e -> assertThat(((TransientDatabaseException) e).isRetryable()).isTrue());
            stale.rollback();
        }
        AtomicInteger attempts = new AtomicInteger();
        engine.runInTransaction(FAST, c -> {
            c.execute(text("SELECT n FROM counters WHERE id = 2")).all();
            if (attempts.incrementAndGet() == 1) {
                try (Connection other = engine.connect()) {
                    other.execute(text("UPDATE counters SET n = n + 10 WHERE id = 2"));
                    other.commit();
                }
            }
            c.execute(text("UPDATE counters SET n = n + 1 WHERE id = 2"));
        });
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(counter(engine, 2)).isEqualTo(11L);
    }

    @EachDatabase
    void nonRetryableErrorsAreNotRetried(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> engine.runInTransaction(FAST, c -> {
            attempts.incrementAndGet();
            Tables.insertItem(c, 1, "a", 1);
            Tables.insertItem(c, 2, "a", 1);
        })).isInstanceOf(UniqueViolationException.class);
        assertThat(attempts.get()).isEqualTo(1);
        assertThat(Tables.count(engine, "items")).isZero();
    }

    @EachDatabase
    void attemptsAreBoundedAndEarlierErrorsAreKept(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        AtomicInteger attempts = new AtomicInteger();
        RetryPolicy retryUniqueViolations = FAST.withMaxAttempts(3).retryOn(e -> e instanceof UniqueViolationException);
        assertThatThrownBy(() -> engine.runInTransaction(retryUniqueViolations, c -> {
            attempts.incrementAndGet();
            Tables.insertItem(c, 1, "a", 1);
            Tables.insertItem(c, 1, "b", 1);
        })).isInstanceOf(UniqueViolationException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2)
                        .allMatch(s -> s instanceof UniqueViolationException));
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(Tables.count(engine, "items")).isZero();
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }
}
