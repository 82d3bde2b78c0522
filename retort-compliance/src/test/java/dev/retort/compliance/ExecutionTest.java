package dev.retort.compliance;

import dev.retort.InvalidStateException;
import dev.retort.ParameterException;
import dev.retort.engine.CacheStatistics;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Result;
import dev.retort.engine.Row;
import dev.retort.engine.StatementEvent;
import dev.retort.engine.StatementListener;
import dev.retort.sql.TextClause;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExecutionTest {

    @EachDatabase
    void boundParametersRoundTrip(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            Result insert = c.execute(text("INSERT INTO items (id, name, qty, price) VALUES (:id, :name, :qty, :price)")
                    .bind("id", 7).bind("name", "widget").bind("qty", 3).bind("price", new BigDecimal("12.50")));
            assertThat(insert.returnsRows()).isFalse();
            assertThat(insert.rowCount()).isEqualTo(1);
            Row row = c.execute(text("SELECT id, name, qty, price FROM items WHERE id = :id").bind("id", 7)).one();
            assertThat(row.getLong("id")).isEqualTo(7L);
            assertThat(row.getString("name")).isEqualTo("widget");
            assertThat(row.getInt("qty")).isEqualTo(3);
            assertThat(row.getBigDecimal("price")).isEqualByComparingTo("12.50");
            assertThat(row.keys()).extracting(String::toLowerCase).containsExactly("id", "name", "qty", "price");
            c.commit();
        }
    }

    @EachDatabase
    void nullIsBoundAsSqlNull(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            Tables.insertItem(c, 1, "nothing", null);
            assertThat(c.execute(text("SELECT COUNT(*) FROM items WHERE qty IS NULL")).scalar(Long.class)).isEqualTo(1L);
            assertThat(c.execute(text("SELECT qty FROM items")).scalar()).isNull();
        }
    }

    @EachDatabase
    void valuesGivenAtExecutionOverrideBoundOnes(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        TextClause insert = text("INSERT INTO items (id, name, qty) VALUES (:id, :name, :qty)").bind("qty", 1);
        try (Connection c = engine.connect()) {
            c.execute(insert, Map.of("id", 1, "name", "a"));
            c.execute(insert, Map.of("id", 2, "name", "b", "qty", 5));
            assertThat(c.execute(text("SELECT qty FROM items ORDER BY id")).scalars(Integer.class).all())
                    .containsExactly(1, 5);
        }
    }

    @EachDatabase
    void executeManySendsOneBatch(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        List<StatementEvent> events = new ArrayList<>();
        try (var reg = engine.addListener(new StatementListener() {
            @Override
            public void beforeExecute(StatementEvent event) {
                events.add(event);
            }
        }); Connection c = engine.connect()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                Map<String, Object> m = new HashMap<>();
                m.put("id", i);
                m.put("name", "item " + i);
                m.put("qty", i % 3 == 0 ? null : i);
                rows.add(m);
            }
            Result r = c.executeMany(text("INSERT INTO items (id, name, qty) VALUES (:id, :name, :qty)"), rows);
            assertThat(r.rowCount()).isIn(50L, -1L);
            c.commit();
        }
        assertThat(events).hasSize(1);
        assertThat(events.get(0).isBatch()).isTrue();
        assertThat(events.get(0).parameterSets()).hasSize(50);
        assertThat(events.get(0).parameterSets().get(2)).containsExactly(3, "item 3", null);
        assertThat(Tables.count(engine, "items")).isEqualTo(50);
        try (Connection c = engine.connect()) {
            assertThat(c.execute(text("SELECT COUNT(*) FROM items WHERE qty IS NULL")).scalar(Long.class)).isEqualTo(16L);
        }
    }

    @EachDatabase
    void executeManyReportsTheCountOfEachSet(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            c.execute(text("INSERT INTO items (id, name, qty) VALUES (1, 'a', 1), (2, 'b', 1), (3, 'c', 2)"));
            Result r = c.executeMany(text("UPDATE items SET qty = 9 WHERE qty = :q"),
                    List.of(Map.of("q", 1), Map.of("q", 7), Map.of("q", 2)));
            assertThat(r.batchCounts()).containsExactly(2, 0, 1);
            assertThat(r.rowCount()).isEqualTo(3);
            assertThat(c.execute(text("SELECT 1")).batchCounts()).isEmpty();
        }
    }

    @EachDatabase
    void executeManyWithNoParameterSetsDoesNothing(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            assertThat(c.executeMany(text("INSERT INTO items (id, name) VALUES (:id, :name)"), List.of()).rowCount())
                    .isZero();
        }
        assertThat(Tables.count(engine, "items")).isZero();
    }

    @EachDatabase
    void sameStatementShapeCompilesOnce(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        CacheStatistics before = engine.statementCacheStatistics();
        try (Connection c = engine.connect()) {
            for (int i = 1; i <= 5; i++) {
                Tables.insertItem(c, i, "n" + i, i);
            }
        }
        CacheStatistics after = engine.statementCacheStatistics();
        assertThat(after.misses() - before.misses()).isEqualTo(1);
        assertThat(after.hits() - before.hits()).isEqualTo(4);
    }

    @EachDatabase
    void missingParameterValueIsNamed(TestDatabase db) {
        try (Connection c = db.engine().connect()) {
            assertThatThrownBy(() -> c.execute(text("SELECT :a + :b").bind("a", 1)))
                    .isInstanceOf(ParameterException.class)
                    .hasMessageContaining("No value for parameter :b")
                    .hasMessageContaining(".bind(\"b\", value)");
        }
    }

    @EachDatabase
    void unknownParameterInMapIsRejected(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            assertThatThrownBy(() -> c.executeMany(text("INSERT INTO items (id, name) VALUES (:id, :name)"),
                    List.of(Map.of("id", 1, "name", "a"), Map.of("id", 2, "nmae", "b"))))
                    .isInstanceOf(ParameterException.class)
                    .hasMessageContaining("parameter set 1")
                    .hasMessageContaining(":name");
            assertThatThrownBy(() -> c.execute(text("SELECT :a"), Map.of("a", 1, "z", 2)))
                    .isInstanceOf(ParameterException.class)
                    .hasMessageContaining("'z'")
                    .hasMessageContaining("[a]");
        }
        assertThat(Tables.count(engine, "items")).isZero();
    }

    @EachDatabase
    void closedConnectionRefusesWork(TestDatabase db) {
        Connection c = db.engine().connect();
        c.close();
        c.close();
        assertThatThrownBy(() -> c.execute(text("SELECT 1")))
                .isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("engine.connect()");
        assertThat(db.engine().poolStatus().checkedOut()).isZero();
    }
}
