package dev.retort.compliance;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.EngineOptions;

import static dev.retort.sql.Statements.text;

/**
 * Runs two statements on in-memory SQLite with SLF4J's simple logger at the level the test
 * chooses; {@link LoggingTest} reads what it printed. Argument: {@code shown} or {@code hidden}.
 */
public final class LoggingMain {
    private LoggingMain() {
    }

    public static void main(String[] args) {
        boolean hide = args[0].equals("hidden");
        try (Engine engine = Engine.create("sqlite://", EngineOptions.builder().hideParameters(hide).build());
             Connection c = engine.connect()) {
            c.execute(text("CREATE TABLE t (id INTEGER, secret VARCHAR(20))"));
            c.execute(text("INSERT INTO t (id, secret) VALUES (:id, :secret)").bind("id", 7).bind("secret", "hunter2"));
        }
    }
}
