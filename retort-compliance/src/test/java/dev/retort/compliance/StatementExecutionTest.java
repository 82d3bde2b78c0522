package dev.retort.compliance;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Row;
import dev.retort.schema.Column;
import dev.retort.schema.MetaData;
import dev.retort.schema.Table;
import dev.retort.sql.Select;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.List;
import java.util.Map;

import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.sql.Functions.count;
import static dev.retort.sql.Functions.sum;
import static dev.retort.sql.Statements.bindparam;
import static dev.retort.sql.Statements.delete;
import static dev.retort.sql.Statements.insert;
import static dev.retort.sql.Statements.select;
import static dev.retort.sql.Statements.update;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The statement language run on every database: the rows that come back. */
class StatementExecutionTest {

    static final class Shop {
        final MetaData md = new MetaData();
        final Products products = new Products();
        final Reviews reviews = new Reviews();

        final class Reviews extends Table {
            final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
            final Column<Long> productId = column("product_id", BIGINT, NOT_NULL,
                    dev.retort.schema.ColumnOptions.references(products.id));
            final Column<Integer> stars = column("stars", INTEGER, NOT_NULL);
            final Column<Long> replyTo = column("reply_to", BIGINT);

            Reviews() {
                super(md, "reviews");
            }
        }

        final class Products extends Table {
            final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
            final Column<String> name = column("name", varchar(60), NOT_NULL);
            final Column<Integer> stock = column("stock", INTEGER, NOT_NULL);
            final Column<String> category = column("category", varchar(60));

            Products() {
                super(md, "products");
            }
        }
    }

    private static Shop filled(Engine engine) {
        Shop shop = new Shop();
        shop.md.createAll(engine);
        var p = shop.products;
        try (Connection c = engine.connect()) {
            c.execute(insert(p).columns(p.id, p.name, p.stock, p.category)
                    .values(1L, "apple", 10, "fruit").values(2L, "banana", 0, "fruit")
                    .values(3L, "carrot", 25, "vegetable").values(4L, "100% juice_box", 5, null));
            c.execute(insert(p).value(p.id, 5L).value(p.name, "dill").value(p.stock, 7));
            c.commit();
        }
        return shop;
    }

    @EachDatabase
    void selectWhereOrderLimitReturnTheRightRows(TestDatabase db) {
        Engine engine = db.engine();
        var p = filled(engine).products;
        try (Connection c = engine.connect()) {
            assertThat(c.execute(select(p.name).where(p.stock.gt(0).and(p.category.eq("fruit")))).scalars(String.class).all())
                    .containsExactly("apple");
            assertThat(c.execute(select(p.name).orderBy(p.stock.desc()).limit(2)).scalars(String.class).all())
                    .containsExactly("carrot", "apple");
            assertThat(c.execute(select(p.id).orderBy(p.id.asc()).offset(3)).scalars(Long.class).all())
                    .containsExactly(4L, 5L);
            assertThat(c.execute(select(p.id).orderBy(p.id).limit(2).offset(1)).scalars(Long.class).all())
                    .containsExactly(2L, 3L);
            assertThat(c.execute(select(p.name).where(p.category.isNull())).scalars(String.class).all())
                    .containsExactlyInAnyOrder("100% juice_box", "dill");
            assertThat(c.execute(select(p.id).where(p.id.in(List.of(2L, 4L, 99L))).orderBy(p.id)).scalars(Long.class).all())
                    .containsExactly(2L, 4L);
            assertThat(c.execute(select(p.id).where(p.id.in(List.of()))).all()).isEmpty();
            assertThat(c.execute(select(p.id).where(p.stock.between(5, 10)).orderBy(p.id)).scalars(Long.class).all())
                    .containsExactly(1L, 4L, 5L);
            assertThat(c.execute(select(p.name).where(p.name.startsWith("100%"))).scalars(String.class).all())
                    .containsExactly("100% juice_box");
            assertThat(c.execute(select(p.name).where(p.name.contains("_"))).scalars(String.class).all())
                    .containsExactly("100% juice_box");
            assertThat(c.execute(select(p.name).where(p.name.ilike("APP%"))).scalars(String.class).all())
                    .containsExactly("apple");
            assertThat(c.execute(select(p.name).orderBy(p.category.asc().nullsFirst(), p.id.asc())).scalars(String.class).all())
                    .containsExactly("100% juice_box", "dill", "apple", "banana", "carrot");
            assertThat(c.execute(select(p.name).orderBy(p.category.asc().nullsLast(), p.id.asc())).scalars(String.class).all())
                    .containsExactly("apple", "banana", "carrot", "100% juice_box", "dill");
        }
    }

    @EachDatabase
    void joinsReturnMatchingRows(TestDatabase db) {
        Engine engine = db.engine();
        Shop shop = filled(engine);
        var p = shop.products;
        var r = shop.reviews;
        try (Connection c = engine.connect()) {
            c.execute(insert(r).columns(r.id, r.productId, r.stars, r.replyTo)
                    .values(1L, 1L, 5, null).values(2L, 1L, 3, 1L).values(3L, 3L, 4, null));
            c.commit();
            assertThat(c.execute(select(p.name, r.stars).join(r).orderBy(r.id)).mappings().all())
                    .extracting(m -> m.values().iterator().next()).containsExactly("apple", "apple", "carrot");
            List<Map<String, Object>> perProduct = c.execute(select(p.name, count(r.id).as("reviews"))
                    .outerJoin(r).groupBy(p.name).orderBy(p.name)).mappings().all();
            assertThat(perProduct).hasSize(5);
            assertThat(c.execute(select(count(r.id)).from(p).outerJoin(r).where(p.name.eq("banana"))).scalar(Long.class)).isZero();
            var parent = r.as("parent");
            assertThat(c.execute(select(r.id, parent.column(r.stars).as("parent_stars"))
                    .from(r.join(parent, r.replyTo.eq(parent.column(r.id))))).all())
                    .singleElement().satisfies(row -> {
                        assertThat(row.getLong(0)).isEqualTo(2L);
                        assertThat(row.getInt("parent_stars")).isEqualTo(5);
                    });
        }
    }

    @EachDatabase
    void subqueriesCaseCastAndCoalesce(TestDatabase db) {
        Engine engine = db.engine();
        Shop shop = filled(engine);
        var p = shop.products;
        var r = shop.reviews;
        try (Connection c = engine.connect()) {
            c.execute(insert(r).columns(r.id, r.productId, r.stars).values(1L, 1L, 5).values(2L, 1L, 3).values(3L, 3L, 4));
            c.commit();
            assertThat(c.execute(select(p.name).where(dev.retort.sql.Functions.exists(select(r.id).where(r.productId.eq(p.id))))
                    .orderBy(p.id)).scalars(String.class).all()).containsExactly("apple", "carrot");
            assertThat(c.execute(select(p.name).where(dev.retort.sql.Functions.notExists(select(r.id).where(r.productId.eq(p.id))))
                    .orderBy(p.id)).scalars(String.class).all()).containsExactly("banana", "100% juice_box", "dill");
            assertThat(c.execute(select(p.name).where(p.id.in(select(r.productId).where(r.stars.ge(4)))).orderBy(p.id))
                    .scalars(String.class).all()).containsExactly("apple", "carrot");
            assertThat(c.execute(select(p.name, select(count()).from(r).where(r.productId.eq(p.id)).<Long>asScalar().as("n"))
                    .orderBy(p.id)).map(row -> row.getString(0) + "=" + row.getLong(1)).all())
                    .containsExactly("apple=2", "banana=0", "carrot=1", "100% juice_box=0", "dill=0");
            var level = dev.retort.sql.Functions.caseWhen(p.stock.ge(10), "high", dev.retort.types.SqlTypes.TEXT)
                    .when(p.stock.gt(0), "low").otherwise("none");
            assertThat(c.execute(select(level.as("level")).orderBy(p.id)).scalars(String.class).all())
                    .containsExactly("high", "none", "high", "low", "low");
            assertThat(c.execute(select(dev.retort.sql.Functions.coalesce(p.category, "?")).orderBy(p.id)).scalars(String.class).all())
                    .containsExactly("fruit", "fruit", "vegetable", "?", "?");
            assertThat(c.execute(select(p.stock.cast(varchar(10)).concat("/").concat(p.name)).where(p.id.eq(3L)))
                    .scalar(String.class)).isEqualTo("25/carrot");
        }
    }

    @EachDatabase(requires = dev.retort.dialect.Capability.INSERT_RETURNING)
    void insertReturningGivesGeneratedKeysInOrder(TestDatabase db) {
        Engine engine = db.engine();
        Shop shop = new Shop();
        shop.md.createAll(engine);
        var p = shop.products;
        try (Connection c = engine.connect()) {
            var ids = c.execute(insert(p).columns(p.name, p.stock).values("a", 1).values("b", 2).values("c", 3)
                    .returning(p.id, p.name)).map(row -> row.getLong(0) + ":" + row.getString(1)).all();
            assertThat(ids).hasSize(3);
            List<Long> keys = ids.stream().map(x -> Long.parseLong(x.split(":")[0])).toList();
            assertThat(keys).isSorted().doesNotHaveDuplicates();
            assertThat(ids).extracting(x -> x.split(":")[1]).containsExactly("a", "b", "c");
            c.commit();
        }
    }

    @EachDatabase(requires = dev.retort.dialect.Capability.INSERT_RETURNING)
    void executeManyWithReturningGivesEachSetsRowsInOrderAndIsAllOrNothing(TestDatabase db) {
        Engine engine = db.engine();
        Shop shop = new Shop();
        shop.md.createAll(engine);
        var p = shop.products;
        var statement = insert(p).value(p.name, bindparam("n", p.name.type())).value(p.stock, bindparam("s", p.stock.type()))
                .returning(p.id, p.name);
        try (Connection c = engine.connect()) {
            c.setAutocommit(true);
            List<Row> rows = c.executeMany(statement, List.of(Map.of("n", "a", "s", 1), Map.of("n", "b", "s", 2),
                    Map.of("n", "c", "s", 3))).all();
            assertThat(rows).extracting(r -> r.get(p.name)).containsExactly("a", "b", "c");
            assertThat(rows).extracting(r -> r.get(p.id)).isSorted().doesNotHaveDuplicates();
            // The third set breaks NOT NULL: the first two are rolled back with it.
            java.util.Map<String, Object> broken = new java.util.HashMap<>();
            broken.put("n", null);
            broken.put("s", 6);
            assertThatThrownBy(() -> c.executeMany(statement, List.of(Map.of("n", "d", "s", 4), Map.of("n", "e", "s", 5),
                    broken))).isInstanceOf(dev.retort.NotNullViolationException.class);
            assertThat(c.execute(select(p.name).orderBy(p.id.asc())).scalars(String.class).all())
                    .containsExactly("a", "b", "c");
            assertThat(c.executeMany(statement, List.of()).all()).isEmpty();
            // A text statement typed to return rows takes the same path.
            var text = dev.retort.sql.Statements.text("INSERT INTO products (name, stock) VALUES (:n, :s) RETURNING name")
                    .columns(varchar(60));
            assertThat(c.executeMany(text, List.of(Map.of("n", "t1", "s", 1), Map.of("n", "t2", "s", 2)))
                    .scalars(String.class).all()).containsExactly("t1", "t2");
        }
    }

    @EachDatabase(requires = dev.retort.dialect.Capability.DELETE_RETURNING)
    void deleteReturningGivesTheDeletedRows(TestDatabase db) {
        Engine engine = db.engine();
        var p = filled(engine).products;
        try (Connection c = engine.connect()) {
            assertThat(c.execute(delete(p).where(p.stock.eq(0)).returning(p.name)).scalars(String.class).all())
                    .containsExactly("banana");
            c.commit();
        }
    }

    @EachDatabase
    void upsertInsertsOrUpdates(TestDatabase db) {
        Engine engine = db.engine();
        var p = filled(engine).products;
        try (Connection c = engine.connect()) {
            c.execute(insert(p).value(p.id, 1L).value(p.name, "apple").value(p.stock, 5)
                    .onConflictDoUpdate(List.of(p.id), u -> u.set(p.stock, p.stock.plus(dev.retort.sql.Excluded.of(p.stock)))));
            c.execute(insert(p).value(p.id, 9L).value(p.name, "fig").value(p.stock, 2)
                    .onConflictDoUpdate(List.of(p.id), u -> u.set(p.stock, p.stock.plus(dev.retort.sql.Excluded.of(p.stock)))));
            c.execute(insert(p).value(p.id, 2L).value(p.name, "not banana").value(p.stock, 99).onConflictDoNothing(p.id));
            c.commit();
            assertThat(c.execute(select(p.id, p.name, p.stock).where(p.id.in(List.of(1L, 2L, 9L))).orderBy(p.id))
                    .map(r -> r.getLong(0) + " " + r.getString(1) + " " + r.getInt(2)).all())
                    .containsExactly("1 apple 15", "2 banana 0", "9 fig 2");
        }
    }

    /** Names with quotes, backticks, spaces and reserved words are quoted safely everywhere. */
    @EachDatabase
    void hostileIdentifiersAreJustNames(TestDatabase db) {
        Engine engine = db.engine();
        MetaData md = new MetaData();
        var t = dev.retort.schema.Table.builder("we\"ird `tbl`; drop").metadata(md)
                .column("id", BIGINT, PRIMARY_KEY)
                .column("co\"l`1 select", varchar(40))
                .column("order", INTEGER)
                .index("ix \"odd\"", false, "order")
                .build();
        md.createAll(engine);
        var odd = t.column("co\"l`1 select", String.class);
        var order = t.column("order", Integer.class);
        try (Connection c = engine.connect()) {
            c.execute(insert(t).value(t.column("id", Long.class), 1L).value(odd, "x\"'`").value(order, 7));
            assertThat(c.execute(select(odd, order).where(odd.eq("x\"'`")).orderBy(order.desc())).one().get(odd))
                    .isEqualTo("x\"'`");
            assertThat(c.execute(update(t).set(order, order.plus(1)).where(odd.startsWith("x\""))).rowCount()).isEqualTo(1);
            assertThat(c.execute(select(order.as("select"))).scalar(Integer.class)).isEqualTo(8);
            c.commit();
        }
        md.dropAll(engine);
    }

    @EachDatabase
    void rowsAreReadByTheExpressionsThatSelectedThem(TestDatabase db) {
        Engine engine = db.engine();
        var p = filled(engine).products;
        var total = sum(p.stock).as("total");
        try (Connection c = engine.connect()) {
            var row = c.execute(select(p.category, total, count()).where(p.category.eq("fruit")).groupBy(p.category)).one();
            String category = row.get(p.category);
            Integer sumStock = row.get(total);
            assertThat(category).isEqualTo("fruit");
            assertThat(sumStock).isEqualTo(10);
            assertThatThrownBy(() -> row.get(p.name)).hasMessageContaining("no column for");
            var named = c.execute(select(p.id, p.name).where(p.id.eq(3L))).one();
            Long id = named.get(p.id);
            assertThat(id).isEqualTo(3L);
            assertThat(named.get(p.name)).isEqualTo("carrot");
        }
    }

    @EachDatabase
    void aggregatesWithGroupByAndHaving(TestDatabase db) {
        Engine engine = db.engine();
        var p = filled(engine).products;
        try (Connection c = engine.connect()) {
            List<Map<String, Object>> rows = c.execute(select(p.category, count().as("n"), sum(p.stock).as("total"))
                    .where(p.category.isNotNull()).groupBy(p.category).having(count().gt(0L)).orderBy(p.category))
                    .mappings().all();
            assertThat(rows).hasSize(2);
            assertThat(c.execute(select(count()).from(p)).scalar(Long.class)).isEqualTo(5L);
            assertThat(c.execute(select(sum(p.stock)).where(p.category.eq("fruit"))).scalar(Long.class)).isEqualTo(10L);
        }
    }

    @EachDatabase
    void updateAndDeleteChangeTheRowsTheyName(TestDatabase db) {
        Engine engine = db.engine();
        var p = filled(engine).products;
        try (Connection c = engine.connect()) {
            assertThat(c.execute(update(p).set(p.stock, p.stock.plus(5)).where(p.category.eq("fruit"))).rowCount()).isEqualTo(2);
            assertThat(c.execute(select(p.stock).where(p.category.eq("fruit")).orderBy(p.id)).scalars(Integer.class).all())
                    .containsExactly(15, 5);
            assertThat(c.execute(delete(p).where(p.stock.lt(6))).rowCount()).isEqualTo(2);
            assertThat(c.execute(select(p.id).orderBy(p.id)).scalars(Long.class).all()).containsExactly(1L, 3L, 5L);
            c.commit();
        }
    }

    /** 40,000 rows of 3 values are more parameters than any database takes in one statement. */
    @EachDatabase
    void largeMultiRowInsertIsSentInChunks(TestDatabase db) {
        Engine engine = db.engine();
        Shop shop = new Shop();
        shop.md.createAll(engine);
        var p = shop.products;
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 40_000; i++) {
            rows.add(List.of((long) i, "p" + i, i % 100));
        }
        List<String> sent = new java.util.ArrayList<>();
        try (var reg = engine.addListener(new dev.retort.engine.StatementListener() {
            @Override
            public void beforeExecute(dev.retort.engine.StatementEvent e) {
                sent.add(e.sql());
            }
        }); Connection c = engine.connect()) {
            assertThat(c.execute(insert(p).columns(p.id, p.name, p.stock).valuesList(rows)).rowCount()).isEqualTo(40_000);
            c.commit();
        }
        assertThat(sent.size()).isGreaterThan(1);
        try (Connection c = engine.connect()) {
            assertThat(c.execute(select(count()).from(p)).scalar(Long.class)).isEqualTo(40_000L);
            assertThat(c.execute(select(sum(p.stock)).from(p)).scalar(Long.class)).isEqualTo(400L * 4950);
        }
    }

    @EachDatabase(requires = dev.retort.dialect.Capability.INSERT_RETURNING)
    void chunkedInsertReturnsEveryGeneratedKeyInOrder(TestDatabase db) {
        Engine engine = db.engine(dev.retort.engine.EngineOptions.builder().autocommit(true).build());
        Shop shop = new Shop();
        shop.md.createAll(engine);
        var p = shop.products;
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 25_000; i++) {
            rows.add(List.of("n" + i, i));
        }
        try (Connection c = engine.connect()) {
            var keys = c.execute(insert(p).columns(p.name, p.stock).valuesList(rows).returning(p.id, p.stock))
                    .map(r -> r.get(p.id) + ":" + r.get(p.stock)).all();
            assertThat(keys).hasSize(25_000);
            List<Long> ids = keys.stream().map(k -> Long.parseLong(k.split(":")[0])).toList();
            assertThat(ids).isSorted().doesNotHaveDuplicates();
            assertThat(keys.get(24_999)).endsWith(":24999");
            assertThat(c.inTransaction()).isFalse();
        }
    }

    @EachDatabase
    void oneCompiledStatementServesABatch(TestDatabase db) {
        Engine engine = db.engine();
        Shop shop = new Shop();
        shop.md.createAll(engine);
        var p = shop.products;
        var stmt = insert(p).value(p.id, bindparam("id", BIGINT)).value(p.name, bindparam("name", varchar(60)))
                .value(p.stock, bindparam("stock", INTEGER));
        try (Connection c = engine.connect()) {
            c.executeMany(stmt, List.of(Map.of("id", 1L, "name", "x", "stock", 1), Map.of("id", 2L, "name", "y", "stock", 2)));
            Select byName = select(p.id).where(p.name.eq(bindparam("n", varchar(60))));
            assertThat(c.execute(byName, Map.of("n", "y")).scalar(Long.class)).isEqualTo(2L);
            c.commit();
        }
        long misses = engine.statementCacheStatistics().misses();
        try (Connection c = engine.connect()) {
            for (int i = 0; i < 5; i++) {
                c.execute(select(p.name).where(p.id.eq((long) i))).all();
            }
        }
        assertThat(engine.statementCacheStatistics().misses() - misses).isEqualTo(1);
    }

    @EachDatabase
    void hostileValuesInEveryPlaceAreJustValues(TestDatabase db) {
        Engine engine = db.engine();
        var p = filled(engine).products;
        try (Connection c = engine.connect()) {
            for (String hostile : InjectionTest.HOSTILE) {
                c.execute(insert(p).value(p.id, 1000L + hostile.length()).value(p.name, hostile).value(p.stock, 1));
                assertThat(c.execute(select(p.name).where(p.name.eq(hostile))).scalars(String.class).all()).containsExactly(hostile);
                assertThat(c.execute(select(p.name).where(p.name.contains(hostile))).scalars(String.class).all()).contains(hostile);
                assertThat(c.execute(select(p.name).where(p.name.in(List.of(hostile, "'")))).scalars(String.class).all())
                        .containsExactly(hostile);
                c.execute(update(p).set(p.category, hostile).where(p.name.eq(hostile)));
                assertThat(c.execute(delete(p).where(p.category.eq(hostile))).rowCount()).isEqualTo(1);
            }
            assertThat(c.execute(select(count()).from(p)).scalar(Long.class)).isEqualTo(5L);
            c.commit();
        }
    }
}
