package dev.retort.compliance;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Statements are logged through SLF4J at DEBUG, with parameters unless hidden. Runs a child JVM to set the level. */
class LoggingTest {

    private static String run(String mode, String level) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Dorg.slf4j.simpleLogger.log.dev.retort.engine.sql=" + level,
                "-Dorg.slf4j.simpleLogger.logFile=System.out", "-cp", System.getProperty("java.class.path"),
                LoggingMain.class.getName(), mode);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void statementsAndParametersAreLoggedAtDebug() throws Exception {
        String out = run("shown", "debug");
        assertThat(out).contains("DEBUG dev.retort.engine.sql - INSERT INTO t (id, secret) VALUES (?, ?) [7, hunter2]")
                .contains("DEBUG dev.retort.engine.sql - -> 1 rows in ");
    }

    @Test
    void hiddenParametersAreNotLogged() throws Exception {
        String out = run("hidden", "debug");
        assertThat(out).contains("INSERT INTO t (id, secret) VALUES (?, ?) [2 hidden]").doesNotContain("hunter2");
    }

    @Test
    void nothingIsLoggedAboveDebug() throws Exception {
        assertThat(run("shown", "info")).doesNotContain("INSERT INTO t");
    }
}
