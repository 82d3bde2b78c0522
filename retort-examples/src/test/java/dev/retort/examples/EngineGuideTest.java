package dev.retort.examples;

import dev.retort.engine.Engine;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every sample of docs/engine.md on every database and checks what it did. */
class EngineGuideTest {

    @Test
    void enginesAreMadeWithoutConnecting() {
        assertThat(EngineGuide.creatingEngines("postgresql://app:secret@db.invalid:5432/shop"))
                .containsExactly("sqlite", "sqlite", "postgresql");
    }

    @EachDatabase
    void samplesRunInOrder(TestDatabase db) {
        Engine engine = db.engine();
        assertThat(EngineGuide.commitAsYouGo(engine)).isEqualTo(3L);
        assertThat(EngineGuide.transfer(engine)).containsExactly(70L, 80L, 0L);
        assertThat(EngineGuide.savepoints(engine)).containsExactly("ada", "grace", "edsger", "barbara");
        assertThat(EngineGuide.retrying(engine)).isEqualTo(5L);
        List<String> results = EngineGuide.results(engine);
        assertThat(results).containsExactly("1=ada", "2=grace", "3=edsger", "4=barbara",
                "total 165, owners [ada, barbara, edsger, grace], richest grace, "
                        + "Account[id=1, owner=ada, balance=70], 4 maps");
        assertThat(EngineGuide.streaming(engine)).isEqualTo("4 rows in 2 chunks");
        List<String> log = EngineGuide.listenersAndErrors(engine);
        assertThat(log).hasSize(2);
        assertThat(log.get(0)).startsWith("UPDATE accounts SET balance = balance + 1 WHERE id = ? (1 rows, ");
        assertThat(log.get(1)).isEqualTo("UniqueViolationException: INSERT INTO accounts (id, owner, balance) "
                + "VALUES (?, ?, ?) with 3 parameters");
    }
}
