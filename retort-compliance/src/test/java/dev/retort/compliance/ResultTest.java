package dev.retort.compliance;

import dev.retort.InvalidStateException;
import dev.retort.MultipleResultsException;
import dev.retort.NoResultException;
import dev.retort.RetortException;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Result;
import dev.retort.engine.Row;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultTest {

    record Item(long id, String name, Integer qty) {
    }

    record ItemView(Long itemId, String itemName) {
    }

    private static void fiveItems(Engine engine) {
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            for (int i = 1; i <= 5; i++) {
                Tables.insertItem(c, i, "item" + i, i * 10);
            }
            c.commit();
        }
    }

    @EachDatabase
    void allFirstOneAndOneOrNone(TestDatabase db) {
        Engine engine = db.engine();
        fiveItems(engine);
        try (Connection c = engine.connect()) {
            List<Row> all = c.execute(text("SELECT id, name FROM items ORDER BY id")).all();
            assertThat(all).extracting(r -> r.getString("name")).containsExactly("item1", "item2", "item3", "item4", "item5");
            assertThat(c.execute(text("SELECT name FROM items ORDER BY id DESC")).first().orElseThrow().getString(0))
                    .isEqualTo("item5");
            assertThat(c.execute(text("SELECT name FROM items WHERE id = 99")).first()).isEmpty();
            assertThat(c.execute(text("SELECT name FROM items WHERE id = 3")).one().getString("name")).isEqualTo("item3");
            assertThat(c.execute(text("SELECT name FROM items WHERE id = 99")).oneOrNone()).isEmpty();
            assertThatThrownBy(() -> c.execute(text("SELECT name FROM items WHERE id = 99")).one())
                    .isInstanceOf(NoResultException.class).hasMessageContaining("oneOrNone()");
            assertThatThrownBy(() -> c.execute(text("SELECT name FROM items")).one())
                    .isInstanceOf(MultipleResultsException.class).hasMessageContaining("SELECT name FROM items");
            assertThatThrownBy(() -> c.execute(text("SELECT name FROM items")).oneOrNone())
                    .isInstanceOf(MultipleResultsException.class);
        }
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }

    @EachDatabase
    void scalarsMappingsAndPartitions(TestDatabase db) {
        Engine engine = db.engine();
        fiveItems(engine);
        try (Connection c = engine.connect()) {
            assertThat(c.execute(text("SELECT SUM(qty) FROM items")).scalar(Long.class)).isEqualTo(150L);
            assertThat(c.execute(text("SELECT qty FROM items WHERE id = 99")).scalar()).isNull();
            assertThat(c.execute(text("SELECT id FROM items ORDER BY id")).scalars(Long.class).all())
                    .containsExactly(1L, 2L, 3L, 4L, 5L);
            List<Map<String, Object>> maps = c.execute(text("SELECT id AS k, name AS v FROM items WHERE id <= 2 ORDER BY id"))
                    .mappings().all();
            assertThat(maps).hasSize(2);
            assertThat(maps.get(1)).containsOnlyKeys("k", "v").containsEntry("v", "item2");
            List<Integer> sizes = new ArrayList<>();
            for (List<Row> chunk : c.execute(text("SELECT id FROM items ORDER BY id")).partitions(2)) {
                sizes.add(chunk.size());
            }
            assertThat(sizes).containsExactly(2, 2, 1);
            assertThat(c.execute(text("SELECT qty FROM items")).stream().mapToLong(r -> r.getLong(0)).sum()).isEqualTo(150L);
        }
    }

    @EachDatabase
    void rowsMapIntoRecordsByName(TestDatabase db) {
        Engine engine = db.engine();
        fiveItems(engine);
        try (Connection c = engine.connect()) {
            List<Item> items = c.execute(text("SELECT name, qty, id FROM items WHERE id IN (1, 2) ORDER BY id"))
                    .into(Item.class).all();
            assertThat(items).containsExactly(new Item(1, "item1", 10), new Item(2, "item2", 20));
            ItemView view = c.execute(text("SELECT id AS item_id, name AS item_name FROM items WHERE id = 4"))
                    .into(ItemView.class).one();
            assertThat(view).isEqualTo(new ItemView(4L, "item4"));
            assertThatThrownBy(() -> c.execute(text("SELECT id, name FROM items")).into(Item.class))
                    .isInstanceOf(RetortException.class)
                    .hasMessageContaining("component 'qty'")
                    .hasMessageContaining("AS qty");
            Tables.insertItem(c, 6, "nullqty", null);
            record Strict(long id, int qty) {
            }
            assertThatThrownBy(() -> c.execute(text("SELECT id, qty FROM items WHERE id = 6")).into(Strict.class).one())
                    .isInstanceOf(RetortException.class)
                    .hasMessageContaining("primitive int")
                    .hasMessageContaining("Integer");
        }
    }

    @EachDatabase
    void typedGettersConvertAndNameProblems(TestDatabase db) {
        Engine engine = db.engine();
        fiveItems(engine);
        try (Connection c = engine.connect()) {
            c.execute(text("UPDATE items SET price = :p WHERE id = 1").bind("p", new BigDecimal("1234.56")));
            Row r = c.execute(text("SELECT id, name, qty, price, qty AS QTY2 FROM items WHERE id = 1")).one();
            assertThat(r.getLong(0)).isEqualTo(1L);
            assertThat(r.getInt("ID")).isEqualTo(1);
            assertThat(r.getDouble("qty")).isEqualTo(10.0);
            assertThat(r.getBigDecimal("price")).isEqualByComparingTo("1234.56");
            assertThat(r.getString("qty")).isEqualTo("10");
            assertThatThrownBy(() -> r.get("nope")).isInstanceOf(RetortException.class)
                    .hasMessageContaining("no column 'nope'");
            assertThatThrownBy(() -> r.get(9)).isInstanceOf(RetortException.class)
                    .hasMessageContaining("position 9");
            assertThatThrownBy(() -> r.getLocalDate("name")).isInstanceOf(RetortException.class)
                    .hasMessageContaining("'name'").hasMessageContaining("item1");
            Row dup = c.execute(text("SELECT id, id FROM items WHERE id = 1")).one();
            assertThatThrownBy(() -> dup.get("id")).isInstanceOf(RetortException.class).hasMessageContaining("ambiguous");
        }
    }

    @EachDatabase
    void resultIsConsumedOnceAndDiesWithItsConnection(TestDatabase db) {
        Engine engine = db.engine();
        fiveItems(engine);
        Result open;
        try (Connection c = engine.connect()) {
            Result r = c.execute(text("SELECT id FROM items"));
            r.all();
            assertThatThrownBy(r::all).isInstanceOf(InvalidStateException.class).hasMessageContaining("already consumed");
            Result update = c.execute(text("UPDATE items SET qty = 0 WHERE id > 3"));
            assertThat(update.rowCount()).isEqualTo(2);
            assertThatThrownBy(update::all).isInstanceOf(InvalidStateException.class).hasMessageContaining("no rows");
            open = c.execute(text("SELECT id FROM items ORDER BY id"));
        }
        Iterator<Row> it = open.iterator();
        assertThatThrownBy(it::hasNext).isInstanceOf(InvalidStateException.class).hasMessageContaining("connection");
    }
}
