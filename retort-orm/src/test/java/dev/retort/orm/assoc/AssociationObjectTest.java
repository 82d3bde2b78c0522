package dev.retort.orm.assoc;

import dev.retort.InvalidStateException;
import dev.retort.engine.Engine;
import dev.retort.orm.ObjectState;
import dev.retort.orm.Registry;
import dev.retort.orm.Retort;
import dev.retort.orm.Session;
import dev.retort.orm.StatementCaptureAccess;
import dev.retort.orm.mapping.EntityMapping;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import dev.retort.orm.Entity;
import dev.retort.orm.Id;
import dev.retort.orm.IdClass;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.MappingException;
import dev.retort.orm.OneToOne;
import dev.retort.schema.ReferentialAction;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.retort.orm.LoadOption.joinedLoad;
import static dev.retort.orm.LoadOption.selectInLoad;
import static dev.retort.orm.OrmStatements.select;
import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The association-object pattern: an entity between two others, keyed by its two references and
 * holding columns of its own, on every database.
 */
class AssociationObjectTest {
    static final Registry REGISTRY = Registry.of(Basket.class, Product.class, BasketLine.class, ProductNote.class);

    /** Two baskets; ada's holds tea (2) and jam (1), bob's holds jam (5). */
    static Engine setUp(TestDatabase db) {
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        Session.runInTransaction(engine, s -> {
            Product tea = new Product("tea", "3.50");
            Product jam = new Product("jam", "4.25");
            Basket ada = new Basket("ada");
            ada.add(tea, 2, 1);
            ada.add(jam, 1, 2);
            Basket bob = new Basket("bob");
            bob.add(jam, 5, 1);
            s.addAll(List.of(ada, bob));
        });
        return engine;
    }

    static Basket basket(Session s, String owner) {
        return s.execute(select(Basket.class).where(Basket_.OWNER.eq(owner))).one();
    }

    static Product product(Session s, String name) {
        return s.execute(select(Product.class).where(Product_.NAME.eq(name))).one();
    }

    /** owner/product -> quantity, read with plain SQL. */
    static Map<String, Integer> stored(Engine engine) {
        Map<String, Integer> out = new TreeMap<>();
        try (var c = engine.connect()) {
            c.execute(text("SELECT b.owner, p.name, l.quantity FROM basket_line l JOIN basket b ON b.id = l.basket_id "
                    + "JOIN product p ON p.id = l.product_id")).all()
                    .forEach(r -> out.put(r.get(0) + "/" + r.get(1), ((Number) r.get(2)).intValue()));
        }
        return out;
    }

    @EachDatabase
    void theKeyIsTheTwoReferencesAndTheLinesAreWrittenAfterTheirParents(TestDatabase db) {
        var table = EntityMapping.of(BasketLine.class).table();
        assertThat(table.primaryKey().orElseThrow().columns()).extracting(c -> c.name()).containsExactly("basket_id", "product_id");
        assertThat(table.foreignKeys()).extracting(fk -> fk.referredTableName()).containsExactlyInAnyOrder("basket", "product");
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        try (Session s = Session.open(engine)) {
            Product tea = new Product("tea", "3.50");
            Basket ada = new Basket("ada");
            BasketLine line = ada.add(tea, 2, 1);
            s.add(ada);
            assertThat(s.state(line)).as("cascaded from the basket").isEqualTo(ObjectState.PENDING);
            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).hasSize(3);
            assertThat(sql.get(2)).startsWith("INSERT INTO basket_line");
            BasketLine.Key key = new BasketLine.Key(ada.id, tea.id);
            assertThat(Retort.expectStatements(engine, 0, () -> s.get(BasketLine.class, key)))
                    .as("the identity map knows the line by its two keys").isSameAs(line);
            s.commit();
        }
        assertThat(stored(engine)).containsExactly(Map.entry("ada/tea", 2));
    }

    @EachDatabase
    void linesLoadWithTheirProductsByEveryStrategy(TestDatabase db) {
        Engine engine = setUp(db);
        for (var option : List.of(selectInLoad(Basket_.LINES).then(selectInLoad(BasketLine_.PRODUCT)),
                joinedLoad(Basket_.LINES).then(joinedLoad(BasketLine_.PRODUCT)))) {
            boolean joined = option.toString().contains("JOINED");
            try (Session s = Session.open(engine)) {
                List<Basket> baskets = Retort.expectStatements(engine, joined ? 1 : 3,
                        () -> s.execute(select(Basket.class).orderBy(Basket_.OWNER).options(option)).all());
                Retort.expectStatements(engine, 0, () -> {
                    assertThat(baskets.get(0).lines).extracting(l -> l.product.name + " x" + l.quantity)
                            .containsExactly("tea x2", "jam x1");
                    assertThat(baskets.get(1).lines).extracting(l -> l.product.name).containsExactly("jam");
                    assertThat(baskets.get(0).lines.get(1).product).as("one object per row")
                            .isSameAs(baskets.get(1).lines.get(0).product);
                    assertThat(baskets.get(0).lines.get(0).basket).isSameAs(baskets.get(0));
                });
            }
        }
        try (Session s = Session.open(engine)) {
            Product jam = product(s, "jam");
            assertThat(jam.lines).extracting(l -> l.basket.owner + " x" + l.quantity)
                    .containsExactlyInAnyOrder("ada x1", "bob x5");
        }
    }

    @EachDatabase
    void aRequiredReferenceJoinsInnerWhereNoOwnerCanBeLost(TestDatabase db) {
        Engine engine = setUp(db);
        Session.runInTransaction(engine, s -> s.add(new Basket("cyd")));          // no lines
        try (Session s = Session.open(engine)) {
            List<String> sql = StatementCaptureAccess.during(engine, () -> {
                List<BasketLine> lines = s.execute(select(BasketLine.class).orderBy(BasketLine_.QUANTITY)
                        .options(joinedLoad(BasketLine_.PRODUCT).innerJoin(), joinedLoad(BasketLine_.BASKET).innerJoin())).all();
                assertThat(lines).extracting(l -> l.basket.owner + "/" + l.product.name).containsExactly("ada/jam", "ada/tea", "bob/jam");
            });
            assertThat(sql).singleElement().satisfies(q -> assertThat(q)
                    .contains(" JOIN product AS j1_product ON j1_product.id = basket_line.product_id")
                    .contains(" JOIN basket AS j0_basket ON j0_basket.id = basket_line.basket_id")
                    .doesNotContain("OUTER"));
        }
        try (Session s = Session.open(engine)) {
            List<String> sql = StatementCaptureAccess.during(engine, () -> {
                List<Basket> baskets = s.execute(select(Basket.class).orderBy(Basket_.OWNER)
                        .options(joinedLoad(Basket_.LINES).then(joinedLoad(BasketLine_.PRODUCT).innerJoin()))).all();
                assertThat(baskets).as("below an outer join an inner one would lose cyd").extracting(b -> b.owner + b.lines.size())
                        .containsExactly("ada2", "bob1", "cyd0");
            });
            assertThat(sql).singleElement().satisfies(q -> assertThat(q)
                    .contains("LEFT OUTER JOIN product AS j0_product ON j0_product.id = c0_basket_line.product_id"));
        }
        assertThatThrownBy(() -> joinedLoad(Basket_.LINES).innerJoin()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a reference held in a foreign key column");
        assertThatThrownBy(() -> selectInLoad(BasketLine_.PRODUCT).innerJoin()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only a joinedLoad(...) of a reference can be an INNER JOIN");
        assertThatThrownBy(() -> joinedLoad(dev.retort.orm.keyed.Jar_.SHELF).innerJoin()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Jar.shelf may be NULL, so an INNER JOIN would drop the objects without one");
    }

    @EachDatabase
    void refreshAndExpireCascadeToTheLoadedLinesOnce(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Basket ada = s.execute(select(Basket.class).where(Basket_.OWNER.eq("ada")).options(selectInLoad(Basket_.LINES))).one();
            BasketLine tea = ada.lines.get(0);
            Product teaProduct = tea.product;
            tea.quantity = 99;                                   // unflushed: refresh discards it
            s.connection().execute(text("UPDATE basket_line SET quantity = 4 WHERE quantity = 1"));   // in its transaction
            List<String> sql = StatementCaptureAccess.during(engine, () -> s.refresh(ada));
            assertThat(sql).as("the basket, then each loaded line once (the lines' cascade back to the basket stops there)")
                    .hasSize(3);
            assertThat(tea.quantity).isEqualTo(2);
            assertThat(s.execute(select(BasketLine.class).where(BasketLine_.QUANTITY.eq(4))).one().product.name).isEqualTo("jam");
            assertThat(s.isExpired(teaProduct)).as("Product is not cascaded to").isFalse();
            List<BasketLine> lines = List.copyOf(ada.lines);
            s.expire(ada);
            assertThat(lines).allSatisfy(l -> assertThat(s.isExpired(l)).isTrue());
            assertThat(s.isExpired(teaProduct)).isFalse();
            s.expire(teaProduct);                                // Product.lines does not cascade it
            assertThat(s.isExpired(teaProduct)).isTrue();
        }
    }

    @EachDatabase
    void aPageOfLinesCountsLinesWhenACollectionIsJoinedBelowThem(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            List<BasketLine> lines = Retort.expectStatements(engine, 2, () -> s.execute(select(BasketLine.class)
                    .orderBy(BasketLine_.QUANTITY).limit(1).offset(1)          // the baskets: select-in
                    .options(joinedLoad(BasketLine_.PRODUCT).then(joinedLoad(Product_.LINES)))).all());
            assertThat(lines).as("the second line by quantity, not every line of its basket")
                    .extracting(l -> l.basket.owner + "/" + l.product.name + " x" + l.quantity).containsExactly("ada/tea x2");
            Retort.expectStatements(engine, 0, () -> assertThat(lines.get(0).product.lines)
                    .extracting(l -> l.quantity).containsExactly(2));
        }
    }

    @EachDatabase
    void getTakesTheKeyRecordAndQueriesJoinThroughTheLines(TestDatabase db) {
        Engine engine = setUp(db);
        long ada;
        long jam;
        try (var c = engine.connect()) {
            ada = ((Number) c.execute(text("SELECT id FROM basket WHERE owner = 'ada'")).scalar()).longValue();
            jam = ((Number) c.execute(text("SELECT id FROM product WHERE name = 'jam'")).scalar()).longValue();
        }
        try (Session s = Session.open(engine)) {
            BasketLine line = s.get(BasketLine.class, new BasketLine.Key(ada, jam));
            assertThat(line.quantity).isEqualTo(1);
            assertThat(line.basket.owner).isEqualTo("ada");
            assertThat(line.product.name).isEqualTo("jam");
            assertThat(s.get(BasketLine.class, new BasketLine.Key(jam + 1000, ada))).isNull();
            List<Basket> withJam = s.execute(select(Basket.class).join(Basket_.LINES).join(BasketLine_.PRODUCT)
                    .where(Product_.NAME.eq("jam").and(BasketLine_.QUANTITY.gt(2)))).all();
            assertThat(withJam).extracting(b -> b.owner).containsExactly("bob");
            List<BasketLine> byColumn = s.execute(select(BasketLine.class).where(BasketLine_.PRODUCT_ID.eq(jam))
                    .orderBy(BasketLine_.QUANTITY)).all();
            assertThat(byColumn).extracting(l -> l.basket.owner).containsExactly("ada", "bob");
            assertThat(byColumn.get(0)).isSameAs(line);
        }
    }

    @EachDatabase
    void ownColumnsUpdateByTheCompositeKeyAndOrphansAreDeleted(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Basket ada = basket(s, "ada");
            ada.lines.get(0).quantity = 7;
            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).containsExactly(
                    "UPDATE basket_line SET quantity = ? WHERE basket_line.basket_id = ? AND basket_line.product_id = ?");
            BasketLine jamLine = ada.lines.remove(1);
            sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).containsExactly(
                    "DELETE FROM basket_line WHERE basket_line.basket_id = ? AND basket_line.product_id = ?");
            assertThat(s.state(jamLine)).isEqualTo(ObjectState.DELETED);
            s.commit();
        }
        assertThat(stored(engine)).containsExactly(Map.entry("ada/tea", 7), Map.entry("bob/jam", 5));
    }

    @EachDatabase
    void theSameProductCanBeAddedAgainAfterItsLineWasRemoved(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Basket ada = basket(s, "ada");
            BasketLine tea = ada.lines.remove(0);
            ada.add(tea.product, 9, 3);                 // a new row with the key of the one removed: DELETE first
            s.commit();
        }
        assertThat(stored(engine)).containsEntry("ada/tea", 9).containsEntry("ada/jam", 1);
    }

    @EachDatabase
    void aLineAddedTwiceStaysWhenOneCopyIsRemoved(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Basket bob = basket(s, "bob");
            Product tea = product(s, "tea");
            BasketLine line = bob.add(tea, 1, 2);
            bob.lines.add(line);                        // the same object twice: one row
            assertThat(StatementCaptureAccess.during(engine, s::flush)).singleElement().asString().startsWith("INSERT");
            bob.lines.remove(line);                     // one copy: the other still holds it
            assertThat(line.basket).isSameAs(bob);
            assertThat(StatementCaptureAccess.during(engine, s::flush)).isEmpty();
            assertThat(s.state(line)).isEqualTo(ObjectState.PERSISTENT);
            s.commit();
        }
        assertThat(stored(engine)).containsEntry("bob/tea", 1).containsEntry("bob/jam", 5);
    }

    @EachDatabase
    void deletingTheBasketDeletesItsLinesFirst(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Basket bob = basket(s, "bob");
            s.delete(bob);
            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).filteredOn(q -> q.startsWith("DELETE")).extracting(q -> q.split(" ")[2])
                    .containsExactly("basket_line", "basket");
            s.commit();
        }
        assertThat(stored(engine)).containsOnlyKeys("ada/tea", "ada/jam");
    }

    @EachDatabase
    void aReferenceThatIsPartOfTheKeyCannotBePointedElsewhere(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Basket ada = basket(s, "ada");
            Basket bob = basket(s, "bob");
            ada.lines.get(0).basket = bob;
            assertThatThrownBy(s::flush).isInstanceOf(InvalidStateException.class)
                    .hasMessageContaining("The id of the persistent BasketLine")
                    .hasMessageContaining("basket")
                    .hasMessageContaining("an id cannot change. Delete the object and add a new one");
            s.rollback();
        }
        assertThat(stored(engine)).containsEntry("ada/tea", 2).containsEntry("bob/jam", 5);
    }

    @EachDatabase
    void deletingAProductWhoseLinesDoNotCascadeNamesTheLinesToDelete(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Product jam = product(s, "jam");
            s.delete(jam);                          // Product.lines does not cascade DELETE: the lines lose their product
            assertThatThrownBy(s::flush).isInstanceOf(InvalidStateException.class)
                    .hasMessageContaining("no longer refers to a Product through product, which is part of its key")
                    .hasMessageContaining("Delete the BasketLine instead, and with the Product when that is deleted");
            s.rollback();
            jam = product(s, "jam");
            List.copyOf(jam.lines).forEach(s::delete);
            s.delete(jam);
            s.commit();
        }
        assertThat(stored(engine)).containsOnlyKeys("ada/tea");
    }

    @EachDatabase
    void aRowCanShareItsKeyWithTheRowItExtends(TestDatabase db) {
        Engine engine = setUp(db);
        long teaId;
        try (Session s = Session.open(engine)) {
            Product tea = product(s, "tea");
            teaId = tea.id;
            s.add(new ProductNote(tea, "loose leaf"));
            s.commit();
        }
        try (var c = engine.connect()) {
            assertThat(c.execute(text("SELECT product_id, text FROM product_note")).all()).singleElement().satisfies(r -> {
                assertThat(((Number) r.get(0)).longValue()).isEqualTo(teaId);
                assertThat(r.get(1)).isEqualTo("loose leaf");
            });
        }
        try (Session s = Session.open(engine)) {
            ProductNote note = s.get(ProductNote.class, teaId);
            assertThat(note.text).isEqualTo("loose leaf");
            assertThat(note.product.name).isEqualTo("tea");
            assertThat(s.get(ProductNote.class, (int) teaId)).as("ids normalised").isSameAs(note);
            note.text = "whole leaf";
            s.commit();
        }
        try (var c = engine.connect()) {
            assertThat(c.execute(text("SELECT text FROM product_note")).scalar()).isEqualTo("whole leaf");
        }
    }

    @Entity(table = "wrong_key_line")
    @IdClass(WrongKeyLine.Key.class)
    static class WrongKeyLine {
        record Key(String basket, Long product) {
        }

        @Id @ManyToOne Basket basket;
        @Id @ManyToOne Product product;
    }

    @Entity(table = "one_to_one_key")
    static class OneToOneKey {
        @Id @OneToOne Product product;
    }

    @Entity(table = "post_update_key")
    static class PostUpdateKey {
        @Id @ManyToOne(postUpdate = true) Product product;
    }

    @Entity(table = "set_null_key")
    static class SetNullKey {
        @Id @ManyToOne(onDelete = ReferentialAction.SET_NULL) Product product;
    }

    @Entity(table = "cyclic_note")
    static class CyclicNote {
        @Id @ManyToOne CyclicOwner owner;
    }

    @Entity(table = "cyclic_owner")
    static class CyclicOwner {
        @Id Long id;
        @ManyToOne CyclicNote pinned;
    }

    @Test
    void aKeyMadeOfAReferenceInACycleOfMappingsIsRefusedByName() {
        assertThatThrownBy(() -> EntityMapping.of(CyclicNote.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("refers to CyclicNote, whose key is a reference (owner, @Id @ManyToOne)")
                .hasMessageContaining("give CyclicNote a key of its own");
    }

    @Test
    void keysMadeOfReferencesThatCannotWorkAreRefusedWhenMapped() {
        assertThatThrownBy(() -> EntityMapping.of(WrongKeyLine.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("@IdClass(Key) component basket is a java.lang.String but the key of Basket, "
                        + "which the @Id field refers to, is a java.lang.Long; make them the same type");
        assertThatThrownBy(() -> EntityMapping.of(OneToOneKey.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("@OneToOne field product cannot be an @Id").hasMessageContaining("@Id @ManyToOne");
        assertThatThrownBy(() -> EntityMapping.of(PostUpdateKey.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("field product is an @Id and has postUpdate = true");
        assertThatThrownBy(() -> EntityMapping.of(SetNullKey.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("is an @Id with onDelete = SET_NULL, which would change the key of a row");
        var key = EntityMapping.of(ProductNote.class).table().column("product_id");
        assertThat(key.isPrimaryKey()).isTrue();
        assertThat(key.isNullable()).isFalse();
        assertThat(EntityMapping.of(ProductNote.class).mappedColumn("product").isUpdatable()).isFalse();
    }
}
