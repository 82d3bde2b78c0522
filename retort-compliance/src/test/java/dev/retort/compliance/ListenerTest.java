package dev.retort.compliance;

import dev.retort.DatabaseException;
import dev.retort.ProgrammingException;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.EngineOptions;
import dev.retort.engine.ListenerRegistration;
import dev.retort.engine.StatementEvent;
import dev.retort.engine.StatementListener;
import dev.retort.engine.StatementOutcome;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import dev.retort.types.JsonCodec;
import dev.retort.types.SqlType;
import dev.retort.types.SqlTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListenerTest {

    static final class Recorder implements StatementListener {
        final List<String> calls = new ArrayList<>();
        final List<StatementOutcome> outcomes = new ArrayList<>();

        @Override
        public void beforeExecute(StatementEvent event) {
            calls.add("before " + event.sql() + " " + event.parameters());
        }

        @Override
        public void afterExecute(StatementEvent event, StatementOutcome outcome) {
            calls.add("after " + outcome.rowCount());
            outcomes.add(outcome);
        }

        @Override
        public void onError(StatementEvent event, DatabaseException error) {
            calls.add("error " + error.getClass().getSimpleName());
        }

        @Override
        public void onAbort(StatementEvent event, RuntimeException cause) {
            calls.add("abort " + cause.getMessage());
        }

        @Override
        public void resultClosed(StatementEvent event, long rowsFetched) {
            calls.add("closed " + rowsFetched);
        }
    }

    @EachDatabase
    void listenerSeesEachStatementItsOutcomeAndItsRows(TestDatabase db) {
        Engine engine = db.engine(EngineOptions.builder().echo(true).build());
        Tables.createItems(engine);
        Recorder recorder = new Recorder();
        ListenerRegistration registration = engine.addListener(recorder);
        try (Connection c = engine.connect()) {
            Tables.insertItem(c, 1, "a", 5);
            Tables.insertItem(c, 2, "b", 6);
            c.execute(text("SELECT name FROM items WHERE qty > :q").bind("q", 0)).all();
            assertThatThrownBy(() -> c.execute(text("SELECT nope FROM items"))).isInstanceOf(ProgrammingException.class);
        }
        registration.close();
        try (Connection c = engine.connect()) {
            c.execute(text("SELECT 1")).all();
        }
        assertThat(recorder.calls).containsExactly(
                "before INSERT INTO items (id, name, qty) VALUES (?, ?, ?) [1, a, 5]",
                "after 1",
                "before INSERT INTO items (id, name, qty) VALUES (?, ?, ?) [2, b, 6]",
                "after 1",
                "before SELECT name FROM items WHERE qty > ? [0]",
                "after -1",
                "closed 2",
                "before SELECT nope FROM items []",
                "error ProgrammingException");
        assertThat(recorder.outcomes).allSatisfy(o -> assertThat(o.durationNanos()).isPositive());
    }

    /** A codec that refuses every value, as a JSON mapper would refuse an unserialisable object. */
    private static final SqlType<String> REFUSING = SqlTypes.json(JsonCodec.of(String.class,
            v -> {
                throw new IllegalStateException("cannot write " + v);
            },
            text -> text));

    @EachDatabase
    void statementThatFailsBeforeReachingTheDatabaseEndsWithAnAbort(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        Recorder recorder = new Recorder();
        engine.addListener(recorder);
        try (Connection c = engine.connect()) {
            assertThatThrownBy(() -> c.execute(text("INSERT INTO items (id, name) VALUES (1, :name)")
                    .bind("name", "one", REFUSING))).hasMessageContaining("cannot write one");
            assertThatThrownBy(() -> c.executeMany(text("INSERT INTO items (id, name) VALUES (:id, :name)")
                            .bind("name", "seed", REFUSING),
                    List.of(Map.of("id", 2, "name", "two"), Map.of("id", 3, "name", "three"))))
                    .hasMessageContaining("cannot write two");
            // The connection is still usable and nothing was written.
            assertThat(c.execute(text("SELECT COUNT(*) FROM items")).scalar(Number.class).intValue()).isZero();
        }
        assertThat(recorder.calls).hasSize(7);
        assertThat(recorder.calls.get(0)).startsWith("before INSERT INTO items (id, name) VALUES (1, ?)");
        assertThat(recorder.calls.get(1)).startsWith("abort ").contains("cannot write one");
        assertThat(recorder.calls.get(2)).startsWith("before INSERT INTO items (id, name) VALUES (?, ?)");
        assertThat(recorder.calls.get(3)).startsWith("abort ").contains("cannot write two");
        assertThat(recorder.calls.subList(4, 7)).containsExactly(
                "before SELECT COUNT(*) FROM items []", "after -1", "closed 1");
    }
}
