package dev.retort.compliance;

import dev.retort.engine.Engine;
import dev.retort.engine.EngineOptions;
import dev.retort.engine.RetryPolicy;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Assumptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many virtual threads share a small pool: every transaction completes. Needs JDK 21+ (found by
 * reflection, since the build targets 17); CI's JDK 25 pass runs it.
 */
class VirtualThreadsTest {

    @EachDatabase(only = {DatabaseKind.SQLITE_FILE, DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void hundredsOfVirtualThreadsShareFourConnections(TestDatabase db) throws Exception {
        ExecutorService virtual;
        try {
            virtual = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (NoSuchMethodException e) {
            Assumptions.abort("virtual threads need JDK 21 or newer; this is " + Runtime.version());
            return;
        }
        Engine engine = db.engine(EngineOptions.builder().poolSize(4).maxWait(Duration.ofSeconds(60)).build());
        Tables.createCounters(engine);
        RetryPolicy retry = RetryPolicy.maxAttempts(20).withBackoff(Duration.ofMillis(5), Duration.ofMillis(100));
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                int id = 1 + i % 2;
                futures.add(virtual.submit(() -> engine.runInTransaction(retry, c ->
                        c.execute(text("UPDATE counters SET n = n + 1 WHERE id = :id").bind("id", id)))));
            }
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            virtual.shutdown();
        }
        try (var c = engine.connect()) {
            assertThat(c.execute(text("SELECT SUM(n) FROM counters")).scalar(Long.class)).isEqualTo(200L);
        }
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }
}
