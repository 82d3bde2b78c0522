package dev.retort.orm;

import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads 400,000 entities of 300 characters each (over 200 MB as objects) through a JVM limited
 * to a 64 MB heap: {@code Session.stream} passes on every database, while the control run that
 * reads the same query in full runs out of memory, so the heap really is too small for the rows.
 */
class StreamMemoryTest {
    private static final long ROWS = 400_000;
    private static final String EXPECTED = "rows=400000 sum=80000200000 held=0";

    @EachDatabase
    void entitiesStreamThroughASmallHeap(TestDatabase db) throws Exception {
        Outcome o = runChild(db.url(), "stream");
        assertThat(o.exitCode).as(o.output).isZero();
        assertThat(o.output).contains(EXPECTED);
    }

    @EachDatabase(only = DatabaseKind.SQLITE_MEMORY)
    void theSameQueryReadInFullRunsOutOfMemory(TestDatabase db) throws Exception {
        Outcome o = runChild(db.url(), "all");
        assertThat(o.exitCode).as(o.output).isNotZero();
        assertThat(o.output).contains("OutOfMemoryError");
    }

    private record Outcome(int exitCode, String output) {
    }

    private static Outcome runChild(String url, String mode) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                OrmStreamingMain.class.getName(), url, mode, String.valueOf(ROWS));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("streaming child did not finish in 5 minutes");
        }
        return new Outcome(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
