package dev.retort.compliance;

import dev.retort.dialect.Capability;
import dev.retort.engine.Connection;
import dev.retort.engine.Result;
import dev.retort.engine.Row;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams a million 300-character rows through a JVM limited to a 48 MB heap. Read whole, the
 * result needs several hundred MB, so the run only passes if rows really stream; the control
 * run without streaming proves that on the servers, whose drivers buffer by default.
 */
class StreamingTest {
    private static final long ROWS = 1_000_000;
    private static final String EXPECTED = "rows=1000000 sum=500000500000";

    @EachDatabase
    void millionRowsStreamInASmallHeap(TestDatabase db) throws Exception {
        Outcome o = runChild(db.url(), "stream", "transaction");
        assertThat(o.exitCode).as(o.output).isZero();
        assertThat(o.output).contains(EXPECTED);
    }

    @EachDatabase(only = {DatabaseKind.POSTGRESQL, DatabaseKind.SQLITE_FILE})
    void streamingWorksInAutocommitMode(TestDatabase db) throws Exception {
        Outcome o = runChild(db.url(), "stream", "autocommit");
        assertThat(o.exitCode).as(o.output).isZero();
        assertThat(o.output).contains(EXPECTED);
    }

    @EachDatabase(requires = Capability.SERVER_SESSIONS)
    void withoutStreamingTheDriverBuffersAndRunsOutOfMemory(TestDatabase db) throws Exception {
        Outcome o = runChild(db.url(), "execute", "transaction");
        assertThat(o.exitCode).isNotZero();
        assertThat(o.output).contains("OutOfMemoryError");
    }

    @EachDatabase
    void streamedRowsAreTheQueryRows(TestDatabase db) {
        List<Long> seen = new ArrayList<>();
        try (Connection c = db.engine().connect();
             Result r = c.stream(StreamingMain.ROWS.bind("rows", 2500).bind("pad", "p"), 100)) {
            for (Row row : r) {
                seen.add(row.getLong(0));
            }
        }
        assertThat(seen).hasSize(2500).startsWith(1L, 2L, 3L).endsWith(2500L);
    }

    private record Outcome(int exitCode, String output) {
    }

    private static Outcome runChild(String url, String mode, String txMode) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx48m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                StreamingMain.class.getName(), url, mode, String.valueOf(ROWS), txMode);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("streaming child did not finish in 5 minutes");
        }
        return new Outcome(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** In auto-commit mode a stream's transaction is tracked: begin() waits for it, and it commits when the stream ends. */
    @EachDatabase
    void autocommitStreamKeepsItsTransactionInOrder(TestDatabase db) {
        var engine = db.engine(dev.retort.engine.EngineOptions.builder().autocommit(true).build());
        try (Connection c = engine.connect()) {
            c.execute(dev.retort.sql.Statements.text("CREATE TABLE seen (n INTEGER)"));
            try (Result r = c.stream(StreamingMain.ROWS.bind("rows", 50).bind("pad", "p"), 10)) {
                var it = r.iterator();
                it.next();
                c.execute(dev.retort.sql.Statements.text("INSERT INTO seen (n) VALUES (1)"));
                if (db.dialect().streamingNeedsTransaction()) {
                    org.assertj.core.api.Assertions.assertThatThrownBy(c::begin)
                            .isInstanceOf(dev.retort.InvalidStateException.class);
                }
                while (it.hasNext()) {
                    it.next();
                }
            }
            assertThat(c.inTransaction()).isFalse();
            try (var tx = c.begin()) {
                c.execute(dev.retort.sql.Statements.text("INSERT INTO seen (n) VALUES (2)"));
                tx.commit();
            }
            assertThat(c.execute(dev.retort.sql.Statements.text("SELECT COUNT(*) FROM seen")).scalar(Long.class)).isEqualTo(2L);
        }
    }
}
