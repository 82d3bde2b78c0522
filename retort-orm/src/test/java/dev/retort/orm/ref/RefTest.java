package dev.retort.orm.ref;

import dev.retort.engine.Engine;
import dev.retort.orm.Ref;
import dev.retort.orm.Registry;
import dev.retort.orm.Session;
import dev.retort.orm.SessionOptions;
import dev.retort.orm.StatementCaptureAccess;
import dev.retort.orm.UnloadedRelationshipException;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static dev.retort.orm.LoadOption.joinedLoad;
import static dev.retort.orm.LoadOption.lazyLoad;
import static dev.retort.orm.LoadOption.noLoad;
import static dev.retort.orm.LoadOption.raiseLoad;
import static dev.retort.orm.LoadOption.selectInLoad;
import static dev.retort.orm.OrmStatements.select;
import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reference fields declared as {@link Ref}: loaded on first {@code get()} (one SELECT, none from
 * the identity map), raised, select-in and joined with their owners, detached, NULL, and written
 * by the unit of work; with exact statement counts on every database.
 */
class RefTest {
    static final Registry REGISTRY = Registry.of(Shopper.class, Purchase.class, Card.class, Cardholder.class, Gift.class, Wrapping.class, Folder.class,
            Membership.class, GoldMembership.class);

    static Engine setUp(TestDatabase db) {
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        return engine;
    }

    /** Shoppers ada and bob; purchases p0..p(n-1), alternately ada's and bob's; p0 referred by bob. */
    static void fill(Engine engine, int purchases) {
        Session.runInTransaction(engine, s -> {
            Shopper ada = new Shopper("ada");
            Shopper bob = new Shopper("bob");
            for (int i = 0; i < purchases; i++) {
                Purchase p = new Purchase("p" + i, i % 2 == 0 ? ada : bob);
                if (i == 0) {
                    p.referrer = Ref.to(bob);
                }
                s.add(p);
            }
        });
    }

    static List<String> sql(Engine engine, Runnable work) {
        return StatementCaptureAccess.during(engine, work);
    }

    static Purchase purchase(Session s, String label) {
        return s.execute(select(Purchase.class).where(Purchase_.LABEL.eq(label))).one();
    }

    static List<String> rows(Engine engine, String query) {
        try (var c = engine.connect()) {
            return c.execute(text(query)).all().stream().map(r -> {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.size(); i++) {
                    cells.add(String.valueOf(r.get(i)));
                }
                return String.join(" ", cells);
            }).toList();
        }
    }

    @EachDatabase
    void aLazyRefLoadsOnFirstGetWithOneSelect(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 2);
        try (Session s = Session.open(engine)) {
            AtomicReference<Purchase> p0 = new AtomicReference<>();
            assertThat(sql(engine, () -> p0.set(purchase(s, "p0")))).as("the query alone: lazy by default").hasSize(1);
            Purchase p = p0.get();
            Ref<Shopper> ref = p.shopper();
            assertThat(ref.isLoaded()).isFalse();
            AtomicReference<Object> id = new AtomicReference<>();
            assertThat(sql(engine, () -> id.set(ref.id()))).as("id() reads the foreign key").isEmpty();
            assertThat(id.get()).isNotNull();

            AtomicReference<Shopper> got = new AtomicReference<>();
            List<String> first = sql(engine, () -> got.set(ref.get()));
            assertThat(first).singleElement().asString()
                    .isEqualTo("SELECT shopper.id, shopper.name FROM shopper WHERE shopper.id IN (?)");
            assertThat(got.get().name).isEqualTo("ada");
            assertThat(ref.isLoaded()).isTrue();
            assertThat(ref.id()).isEqualTo(got.get().id);
            assertThat(sql(engine, () -> assertThat(p.shopper().get()).isSameAs(got.get()))).as("second get").isEmpty();
            assertThat(s.get(Shopper.class, got.get().id)).as("one object per row").isSameAs(got.get());
        }
    }

    @EachDatabase
    void theIdentityMapAnswersWithoutAQuery(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 2);
        try (Session s = Session.open(engine)) {
            Purchase p0 = purchase(s, "p0");                  // its shopper not loaded yet
            Shopper ada = s.execute(select(Shopper.class).where(Shopper_.NAME.eq("ada"))).one();
            assertThat(p0.shopper().isLoaded()).isFalse();
            assertThat(sql(engine, () -> assertThat(p0.shopper().get()).isSameAs(ada))).as("identity map at get()").isEmpty();

            Purchase p1 = purchase(s, "p1");
            Shopper bob = s.execute(select(Shopper.class).where(Shopper_.NAME.eq("bob"))).one();
            assertThat(sql(engine, () -> assertThat(p1.shopper().get()).isSameAs(bob))).isEmpty();
        }
        try (Session s = Session.open(engine)) {
            Shopper ada = s.execute(select(Shopper.class).where(Shopper_.NAME.eq("ada"))).one();
            AtomicReference<Purchase> p0 = new AtomicReference<>();
            assertThat(sql(engine, () -> p0.set(purchase(s, "p0")))).hasSize(1);
            assertThat(p0.get().shopper().isLoaded()).as("set from the identity map when read").isTrue();
            assertThat(sql(engine, () -> assertThat(p0.get().shopper().get()).isSameAs(ada))).isEmpty();
        }
    }

    @EachDatabase
    void selectInLoadsTheRefsOfAHundredPurchasesInOneMoreStatement(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 100);
        try (Session s = Session.open(engine)) {
            AtomicReference<List<Purchase>> all = new AtomicReference<>();
            List<String> statements = sql(engine, () -> all.set(s.execute(select(Purchase.class)
                    .options(selectInLoad(Purchase_.SHOPPER)).orderBy(Purchase_.ID)).all()));
            assertThat(statements).hasSize(2);
            assertThat(statements.get(1)).startsWith("SELECT shopper.id, shopper.name FROM shopper WHERE shopper.id IN (?, ?)");
            assertThat(all.get()).hasSize(100).allSatisfy(p -> assertThat(p.shopper().isLoaded()).isTrue());
            assertThat(sql(engine, () -> all.get().forEach(p -> assertThat(p.shopper().get()).isNotNull()))).isEmpty();
            assertThat(all.get().get(0).shopper().get().name).isEqualTo("ada");
            assertThat(all.get().get(1).shopper().get().name).isEqualTo("bob");
        }
    }

    @EachDatabase
    void joinedLoadReadsTheRefsInTheSameStatement(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 100);
        try (Session s = Session.open(engine)) {
            AtomicReference<List<Purchase>> all = new AtomicReference<>();
            List<String> statements = sql(engine, () -> all.set(s.execute(select(Purchase.class)
                    .options(joinedLoad(Purchase_.SHOPPER)).orderBy(Purchase_.ID)).all()));
            assertThat(statements).singleElement().asString().isEqualTo("SELECT purchase.id, purchase.label, purchase.shopper_id, "
                    + "purchase.referrer_id, j0_shopper.id, j0_shopper.name FROM purchase LEFT OUTER JOIN shopper AS j0_shopper "
                    + "ON j0_shopper.id = purchase.shopper_id ORDER BY purchase.id ASC");
            assertThat(sql(engine, () -> all.get().forEach(p -> assertThat(p.shopper().get()).isNotNull()))).isEmpty();
            assertThat(all.get().get(99).shopper().get().name).isEqualTo("bob");
        }
    }

    @EachDatabase
    void aRaiseRefThrowsNamingTheAttributeAndTheWaysOut(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 2);
        try (Session s = Session.open(engine)) {
            Purchase p0 = purchase(s, "p0");
            assertThat(p0.referrer.isLoaded()).isFalse();
            assertThat(p0.referrer.id()).as("its key is known").isNotNull();
            assertThatThrownBy(() -> p0.referrer.get()).isInstanceOf(UnloadedRelationshipException.class)
                    .hasMessageContaining("Purchase.referrer is not loaded and is marked Load.RAISE")
                    .hasMessageContaining("selectInLoad(Purchase_.REFERRER)");
            Purchase p1 = s.execute(select(Purchase.class).where(Purchase_.LABEL.eq("p1"))
                    .options(raiseLoad(Purchase_.SHOPPER))).one();
            assertThatThrownBy(() -> p1.shopper().get()).isInstanceOf(UnloadedRelationshipException.class)
                    .hasMessageContaining("Purchase.shopper");
            assertThat(p1.referrer.get()).as("a NULL key reads null, raise or not").isNull();
        }
        try (Session s = Session.open(engine)) {
            Purchase p0 = s.execute(select(Purchase.class).where(Purchase_.LABEL.eq("p0"))
                    .options(lazyLoad(Purchase_.REFERRER))).one();
            assertThat(sql(engine, () -> assertThat(p0.referrer.get().name).isEqualTo("bob"))).hasSize(1);
            Purchase p2 = s.execute(select(Purchase.class).where(Purchase_.LABEL.eq("p0"))
                    .options(selectInLoad(Purchase_.REFERRER))).one();
            assertThat(p2).isSameAs(p0);
        }
    }

    @EachDatabase
    void aDetachedUnloadedRefThrowsAndALoadedOneReads(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 2);
        Purchase lazy;
        Purchase loaded;
        Purchase skipped;
        try (Session s = Session.open(engine)) {
            lazy = purchase(s, "p0");
            loaded = s.execute(select(Purchase.class).where(Purchase_.LABEL.eq("p1"))
                    .options(selectInLoad(Purchase_.SHOPPER))).one();
        }
        try (Session s = Session.open(engine)) {
            skipped = s.execute(select(Purchase.class).where(Purchase_.LABEL.eq("p0")).options(noLoad(Purchase_.SHOPPER))).one();
            assertThat(sql(engine, () -> assertThat(skipped.shopper().get()).as("noLoad reads null").isNull())).isEmpty();
            assertThat(skipped.shopper().id()).isNotNull();
        }
        assertThatThrownBy(() -> lazy.shopper().get()).isInstanceOf(UnloadedRelationshipException.class)
                .hasMessageContaining("Purchase.shopper is not loaded and its object is detached")
                .hasMessageContaining("selectInLoad(Purchase_.SHOPPER)").hasMessageContaining("session.add");
        assertThat(lazy.shopper().id()).isNotNull();
        assertThat(loaded.shopper().get().name).isEqualTo("bob");
        try (Session s = Session.open(engine)) {
            s.add(lazy);                                       // attached again: it loads through the new session
            assertThat(sql(engine, () -> assertThat(lazy.shopper().get().name).isEqualTo("ada"))).hasSize(1);
            assertThat(sql(engine, s::flush)).as("nothing changed").isEmpty();
        }
    }

    @EachDatabase
    void aNullForeignKeyReadsNullWithoutAQuery(TestDatabase db) {
        Engine engine = setUp(db);
        Session.runInTransaction(engine, s -> s.add(new Purchase("alone", null)));
        try (Session s = Session.open(engine)) {
            Purchase p = purchase(s, "alone");
            assertThat(p.shopper()).isNotNull();
            assertThat(p.shopper().isLoaded()).isTrue();
            assertThat(sql(engine, () -> {
                assertThat(p.shopper().get()).isNull();
                assertThat(p.shopper().id()).isNull();
                assertThat(p.referrer.get()).isNull();
            })).isEmpty();
        }
        assertThat(rows(engine, "SELECT label, shopper_id, referrer_id FROM purchase")).containsExactly("alone null null");
    }

    @EachDatabase
    void insertUpdateAndDeleteRoundTrip(TestDatabase db) {
        Engine engine = setUp(db);
        Long adaId;
        try (Session s = Session.open(engine)) {
            Shopper ada = new Shopper("ada");
            Purchase p = new Purchase("tea", ada);
            s.add(p);                                           // ada comes along (save-update), inserted first
            List<String> inserts = sql(engine, s::commit);
            assertThat(inserts.get(0)).startsWith("INSERT INTO shopper");
            assertThat(inserts.get(1)).startsWith("INSERT INTO purchase");
            adaId = ada.id;
            assertThat(p.shopper().id()).isEqualTo(adaId);
        }
        assertThat(rows(engine, "SELECT label, shopper_id FROM purchase")).containsExactly("tea " + adaId);
        Long bobId;
        try (Session s = Session.open(engine)) {
            Shopper bob = new Shopper("bob");
            s.add(bob);
            s.flush();
            bobId = bob.id;
            Purchase p = purchase(s, "tea");
            p.label = "green tea";                               // its Ref not loaded: not written
            assertThat(sql(engine, s::flush)).containsExactly("UPDATE purchase SET label = ? WHERE purchase.id = ?");
            p.shopper().set(bob);                                // set: that column only
            assertThat(sql(engine, s::flush)).containsExactly("UPDATE purchase SET shopper_id = ? WHERE purchase.id = ?");
            s.commit();
        }
        assertThat(rows(engine, "SELECT label, shopper_id FROM purchase")).containsExactly("green tea " + bobId);
        try (Session s = Session.open(engine)) {
            Purchase p = purchase(s, "green tea");
            assertThat(p.shopper().id()).isEqualTo(bobId);
            p.shopper = Ref.toId(adaId);                         // a new Ref, by key: written without loading ada
            assertThat(sql(engine, s::flush)).containsExactly("UPDATE purchase SET shopper_id = ? WHERE purchase.id = ?");
            assertThat(sql(engine, () -> assertThat(p.shopper().get().name).isEqualTo("ada"))).hasSize(1);
            s.commit();
        }
        assertThat(rows(engine, "SELECT label, shopper_id FROM purchase")).containsExactly("green tea " + adaId);
        try (Session s = Session.open(engine)) {
            Purchase p = purchase(s, "green tea");
            p.shopper().set(null);
            assertThat(sql(engine, s::flush)).containsExactly("UPDATE purchase SET shopper_id = ? WHERE purchase.id = ?");
            s.commit();
        }
        assertThat(rows(engine, "SELECT label, shopper_id FROM purchase")).containsExactly("green tea null");
        try (Session s = Session.open(engine)) {
            Purchase p = purchase(s, "green tea");
            p.shopper = Ref.to(s.get(Shopper.class, bobId));   // a new Ref to a loaded object
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            Purchase p = purchase(s, "green tea");
            assertThat(p.shopper().get().name).isEqualTo("bob");
            p.shopper = null;                                    // the field cleared: NULL
            s.commit();
        }
        assertThat(rows(engine, "SELECT label, shopper_id FROM purchase")).containsExactly("green tea null");
        try (Session s = Session.open(engine)) {
            Purchase p = purchase(s, "green tea");
            assertThat(p.shopper().get()).isNull();
            s.delete(p);
            assertThat(sql(engine, s::flush)).containsExactly("DELETE FROM purchase WHERE purchase.id = ?");
            s.commit();
        }
        assertThat(rows(engine, "SELECT COUNT(*) FROM purchase")).containsExactly("0");
        assertThat(rows(engine, "SELECT COUNT(*) FROM shopper")).containsExactly("2");
    }

    @EachDatabase
    void aNewObjectWithARefByKeyIsInsertedWithThatKey(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 1);
        try (Session s = Session.open(engine)) {
            Shopper ada = s.execute(select(Shopper.class).where(Shopper_.NAME.eq("ada"))).one();
            Long id = ada.id;
            s.expunge(ada);
            Purchase p = new Purchase("by key", null);
            p.shopper = Ref.toId(id);
            s.add(p);
            s.commit();
            assertThat(rows(engine, "SELECT shopper_id FROM purchase WHERE label = 'by key'")).containsExactly(String.valueOf(id));
            assertThat(sql(engine, () -> assertThat(p.shopper().get().name).isEqualTo("ada"))).hasSize(1);
        }
    }

    @EachDatabase
    void aRefByAnIntegerKeyOfALongIdFindsTheSessionsObject(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 2);
        try (Session s = Session.open(engine)) {
            Shopper ada = s.execute(select(Shopper.class).where(Shopper_.NAME.eq("ada"))).one();
            Purchase p = new Purchase("by int", null);
            p.shopper = Ref.toId(ada.id.intValue());              // Ref.toId(7), as typed by hand
            s.add(p);
            assertThat(p.shopper().id()).isEqualTo(ada.id);
            assertThat(sql(engine, () -> assertThat(p.shopper().get()).isSameAs(ada))).as("from the identity map").isEmpty();
            Purchase p1 = purchase(s, "p1");                      // bob's
            p1.shopper = Ref.toId(ada.id.intValue());
            s.flush();
            s.delete(ada);                                       // loads ada.purchases and clears their Refs, p1's too
            assertThat(p1.shopper().get()).isNull();
            s.commit();
        }
        assertThat(rows(engine, "SELECT label FROM purchase WHERE shopper_id IS NULL ORDER BY label"))
                .containsExactly("by int", "p0", "p1");
    }

    @EachDatabase
    void anOwningOneToOneRefLoadsLazilyAndTellsTheOtherSide(TestDatabase db) {
        Engine engine = setUp(db);
        Session.runInTransaction(engine, s -> s.add(new Card("C1", new Cardholder("ada"))));
        try (Session s = Session.open(engine)) {
            AtomicReference<Card> card = new AtomicReference<>();
            assertThat(sql(engine, () -> card.set(s.execute(select(Card.class)).one()))).hasSize(1);
            assertThat(card.get().holder.isLoaded()).isFalse();
            List<String> load = sql(engine, () -> assertThat(card.get().holder.get().name).isEqualTo("ada"));
            assertThat(load).hasSize(1);
            assertThat(sql(engine, () -> assertThat(card.get().holder.get().card).isSameAs(card.get())))
                    .as("the other side is known from the owning side").isEmpty();
        }
        try (Session s = Session.open(engine)) {
            List<Cardholder> shoppers = s.execute(select(Cardholder.class)).all();     // the other side loads select-in
            Card c = shoppers.get(0).card;
            assertThat(c.holder.isLoaded()).as("the holder was in the identity map").isTrue();
            assertThat(c.holder.get()).isSameAs(shoppers.get(0));
            Cardholder bob = new Cardholder("bob");
            c.holder.set(bob);
            s.commit();
        }
        assertThat(rows(engine, "SELECT card.number, cardholder.name FROM card JOIN cardholder ON cardholder.id = card.holder_id"))
                .containsExactly("C1 bob");
    }

    @EachDatabase
    void aOneToOneRefAssignedByKeyBringsBothOtherSidesInLineAtTheFlush(TestDatabase db) {
        Engine engine = setUp(db);
        Session.runInTransaction(engine, s -> {
            s.add(new Card("C1", new Cardholder("ada")));
            s.add(new Cardholder("bob"));
        });
        try (Session s = Session.open(engine)) {
            List<Cardholder> holders = s.execute(select(Cardholder.class).orderBy(Cardholder_.NAME)).all();
            Cardholder ada = holders.get(0);
            Cardholder bob = holders.get(1);
            Card c = ada.card;
            assertThat(bob.card).isNull();
            c.holder = Ref.toId(bob.id);                         // by key, as from a form
            s.flush();
            assertThat(ada.card).as("the card left ada").isNull();
            assertThat(bob.card).as("and is bob's").isSameAs(c);
            assertThat(c.holder.get()).isSameAs(bob);
            s.commit();
        }
        assertThat(rows(engine, "SELECT card.number, cardholder.name FROM card JOIN cardholder ON cardholder.id = card.holder_id"))
                .containsExactly("C1 bob");
    }

    @EachDatabase
    void deletingAnObjectWhoseOneToOneRefWasAssignedItsOwnKeyClearsTheOtherSide(TestDatabase db) {
        Engine engine = setUp(db);
        Session.runInTransaction(engine, s -> s.add(new Card("C1", new Cardholder("ada"))));
        try (Session s = Session.open(engine)) {
            Cardholder ada = s.execute(select(Cardholder.class)).one();
            Card c = ada.card;
            c.holder = Ref.toId(ada.id);                         // the key it has, as a form handler writes it
            s.flush();
            assertThat(c.holder.isLoaded()).isFalse();
            s.delete(c);
            assertThat(ada.card).as("the card left its holder").isNull();
            s.add(c);                                            // undone
            assertThat(ada.card).isSameAs(c);
            s.expunge(c);
            assertThat(ada.card).as("an expunged card is not known as ada's").isNull();
        }
    }

    @EachDatabase
    void settingARefMovesTheObjectBetweenLoadedCollections(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 2);
        try (Session s = Session.open(engine)) {
            Shopper ada = s.execute(select(Shopper.class).where(Shopper_.NAME.eq("ada"))).one();
            Shopper bob = s.execute(select(Shopper.class).where(Shopper_.NAME.eq("bob"))).one();
            assertThat(ada.purchases).extracting(p -> p.label).containsExactly("p0");
            assertThat(bob.purchases).extracting(p -> p.label).containsExactly("p1");
            Purchase p0 = ada.purchases.get(0);
            assertThat(p0.shopper().get()).isSameAs(ada);
            p0.shopper().set(bob);                               // in memory at once, like bob.purchases.add(p0)
            assertThat(ada.purchases).isEmpty();
            assertThat(bob.purchases).extracting(p -> p.label).containsExactly("p1", "p0");
            Purchase p1 = bob.purchases.get(0);
            p1.shopper = Ref.to(ada);                            // a new Ref in the field: the flush writes it
            s.commit();
        }
        assertThat(rows(engine, "SELECT purchase.label, shopper.name FROM purchase JOIN shopper ON shopper.id = purchase.shopper_id "
                + "ORDER BY purchase.label")).containsExactly("p0 bob", "p1 ada");
        try (Session s = Session.open(engine)) {
            Shopper ada = s.execute(select(Shopper.class).where(Shopper_.NAME.eq("ada"))).one();
            assertThat(ada.purchases).extracting(p -> p.label).containsExactly("p1");
            Shopper bob = s.execute(select(Shopper.class).where(Shopper_.NAME.eq("bob"))).one();
            bob.purchases.add(ada.purchases.get(0));             // the collection sets the Ref
            assertThat(bob.purchases.get(1).shopper().get()).isSameAs(bob);
            s.commit();
        }
        assertThat(rows(engine, "SELECT COUNT(*) FROM purchase JOIN shopper ON shopper.id = purchase.shopper_id "
                + "WHERE shopper.name = 'bob'")).containsExactly("2");
    }

    @EachDatabase
    void aLazyCollectionCountsRefsPointedElsewhereByKeyBeforeTheFlush(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 4);
        try (Session s = Session.open(engine)) {
            Purchase p0 = purchase(s, "p0");                      // ada's, its Ref not read
            Purchase p1 = purchase(s, "p1");                      // bob's
            Shopper ada = s.execute(select(Shopper.class).where(Shopper_.NAME.eq("ada"))).one();
            Shopper bob = s.execute(select(Shopper.class).where(Shopper_.NAME.eq("bob"))).one();
            p0.shopper = Ref.toId(bob.id);                        // not flushed: the lazy loads below do not flush
            p1.shopper().get();
            p1.shopper = Ref.toId(ada.id);
            assertThat(ada.purchases).extracting(p -> p.label).containsExactlyInAnyOrder("p2", "p1");
            assertThat(bob.purchases).extracting(p -> p.label).containsExactlyInAnyOrder("p3", "p0");
            s.commit();
        }
        assertThat(rows(engine, "SELECT purchase.label, shopper.name FROM purchase JOIN shopper ON shopper.id = purchase.shopper_id "
                + "ORDER BY purchase.label")).containsExactly("p0 bob", "p1 ada", "p2 ada", "p3 bob");
    }

    @EachDatabase
    void aDeleteCascadesThroughAnUnloadedRef(TestDatabase db) {
        Engine engine = setUp(db);
        Session.runInTransaction(engine, s -> s.add(new Gift("book", new Wrapping("red"))));
        assertThat(rows(engine, "SELECT COUNT(*) FROM wrapping")).containsExactly("1");
        try (Session s = Session.open(engine)) {
            Gift g = s.execute(select(Gift.class)).one();
            assertThat(g.wrapping.isLoaded()).isFalse();
            List<String> statements = sql(engine, () -> {
                s.delete(g);                                     // loads the wrapping to delete it too
                s.commit();
            });
            assertThat(statements).containsExactly("SELECT wrapping.id, wrapping.paper FROM wrapping WHERE wrapping.id IN (?)",
                    "DELETE FROM gift WHERE gift.id = ?", "DELETE FROM wrapping WHERE wrapping.id = ?");
        }
        assertThat(rows(engine, "SELECT COUNT(*) FROM wrapping")).containsExactly("0");
    }

    @EachDatabase
    void deletingTheTargetClearsAnUnreadRefAndAddingItBackRestoresIt(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 4);
        try (Session s = Session.open(engine)) {
            Purchase p0 = purchase(s, "p0");                      // ada's, its Ref not read
            Shopper ada = s.execute(select(Shopper.class).where(Shopper_.NAME.eq("ada"))).one();
            assertThat(p0.shopper().isLoaded()).isFalse();
            s.delete(ada);                                       // loads ada.purchases and clears their references
            assertThat(p0.shopper().isLoaded()).isTrue();
            assertThat(p0.shopper().get()).isNull();
            s.add(ada);                                          // undone
            assertThat(p0.shopper().get()).isSameAs(ada);
            s.delete(ada);
            s.commit();
            assertThat(p0.shopper().id()).isNull();
        }
        assertThat(rows(engine, "SELECT label FROM purchase WHERE shopper_id IS NULL ORDER BY label")).containsExactly("p0", "p2");
    }

    @EachDatabase
    void aStreamedObjectsRefKnowsItsKeyButCannotLoad(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 2);
        try (Session s = Session.open(engine); var stream = s.stream(select(Purchase.class).orderBy(Purchase_.ID))) {
            Purchase p0 = stream.findFirst().orElseThrow();
            assertThat(p0.shopper().isLoaded()).isFalse();
            assertThat(p0.shopper().id()).isNotNull();
            assertThatThrownBy(() -> p0.shopper().get()).isInstanceOf(UnloadedRelationshipException.class)
                    .hasMessageContaining("Purchase.shopper is not loaded").hasMessageContaining("session.stream(...)");
            assertThatThrownBy(() -> p0.referrer.get()).hasMessageContaining("Load.RAISE");
        }
    }

    @EachDatabase
    void mergeCopiesARefByKeyWithoutLoadingIt(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 2);
        Long bobId;
        Purchase detached;
        try (Session s = Session.open(engine)) {
            bobId = s.execute(select(Shopper.class).where(Shopper_.NAME.eq("bob"))).one().id;
            detached = purchase(s, "p0");
        }
        detached.shopper = Ref.toId(bobId);
        detached.label = "p0 for bob";
        try (Session s = Session.open(engine)) {
            Purchase merged = s.merge(detached);
            assertThat(merged.shopper().id()).isEqualTo(bobId);
            assertThat(merged.shopper().isLoaded()).isFalse();
            s.commit();
        }
        assertThat(rows(engine, "SELECT purchase.label, shopper.name FROM purchase JOIN shopper ON shopper.id = purchase.shopper_id "
                + "WHERE purchase.label LIKE 'p0%'")).containsExactly("p0 for bob bob");
    }

    @EachDatabase
    void mergeOfANewObjectKeepsItsRefByKey(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 1);
        Long adaId;
        try (Session s = Session.open(engine)) {
            adaId = s.execute(select(Shopper.class).where(Shopper_.NAME.eq("ada"))).one().id;
        }
        Purchase form = new Purchase("from a form", null);
        form.shopper = Ref.toId(adaId);                       // ada is not in the merging session
        try (Session s = Session.open(engine)) {
            Purchase merged = s.merge(form);
            assertThat(merged.shopper()).isNotSameAs(form.shopper());
            assertThat(merged.shopper().id()).isEqualTo(adaId);
            assertThat(merged.shopper().isLoaded()).isFalse();
            s.commit();
            assertThat(merged.shopper().get().name).isEqualTo("ada");
        }
        assertThat(rows(engine, "SELECT shopper_id FROM purchase WHERE label = 'from a form'")).containsExactly(String.valueOf(adaId));
    }

    @EachDatabase
    void mergeByKeyRepointsTheSessionsOwnRef(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 2);
        Long bobId;
        Purchase detached;
        try (Session s = Session.open(engine)) {
            bobId = s.execute(select(Shopper.class).where(Shopper_.NAME.eq("bob"))).one().id;
            detached = purchase(s, "p0");
        }
        detached.shopper = Ref.toId(bobId);
        try (Session s = Session.open(engine)) {
            Purchase p0 = purchase(s, "p0");
            Ref<Shopper> held = p0.shopper();                    // ada's, not read
            s.merge(detached);
            assertThat(p0.shopper()).as("the field keeps its Ref").isSameAs(held);
            assertThat(held.id()).isEqualTo(bobId);
            assertThat(held.get().name).isEqualTo("bob");
            s.commit();
        }
        assertThat(rows(engine, "SELECT shopper.name FROM purchase JOIN shopper ON shopper.id = purchase.shopper_id "
                + "WHERE purchase.label = 'p0'")).containsExactly("bob");
    }

    @EachDatabase
    void optionsApplyToRefsAlongPaths(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 4);
        try (Session s = Session.open(engine)) {
            AtomicReference<Shopper> ada = new AtomicReference<>();
            assertThat(sql(engine, () -> ada.set(s.execute(select(Shopper.class).where(Shopper_.NAME.eq("ada"))
                    .options(selectInLoad(Shopper_.PURCHASES).then(raiseLoad(Purchase_.REFERRER)))).one()))).hasSize(2);
            Purchase p0 = ada.get().purchases.get(0);
            assertThat(p0.shopper().isLoaded()).as("its shopper is in the identity map").isTrue();
            assertThatThrownBy(() -> p0.referrer.get()).hasMessageContaining("Purchase.referrer is not loaded and is marked Load.RAISE");
        }
        try (Session s = Session.open(engine)) {
            AtomicReference<Shopper> ada = new AtomicReference<>();
            List<String> statements = sql(engine, () -> ada.set(s.execute(select(Shopper.class).where(Shopper_.NAME.eq("ada"))
                    .options(selectInLoad(Shopper_.PURCHASES).then(joinedLoad(Purchase_.REFERRER)))).one()));
            assertThat(statements).hasSize(2);
            assertThat(statements.get(1)).contains("LEFT OUTER JOIN shopper AS j0_shopper ON j0_shopper.id = purchase.referrer_id");
            assertThat(sql(engine, () -> assertThat(ada.get().purchases.get(0).referrer.get().name).isEqualTo("bob"))).isEmpty();
        }
    }

    @EachDatabase
    void rollbackAndRefreshFollowTheKeyTheDatabaseHas(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 2);
        try (Session s = Session.open(engine)) {
            Purchase p0 = purchase(s, "p0");
            Object adaId = p0.shopper().id();
            Shopper bob = s.execute(select(Shopper.class).where(Shopper_.NAME.eq("bob"))).one();
            p0.shopper().set(bob);
            s.flush();
            s.rollback();
            assertThat(p0.shopper().id()).as("back to the committed key").isEqualTo(adaId);
            assertThat(p0.shopper().isLoaded()).as("ada was never loaded").isFalse();
            assertThat(p0.shopper().get().name).isEqualTo("ada");
            s.commit();                                          // (SQLite in memory has one connection)

            Session.runInTransaction(engine, other -> purchase(other, "p0").shopper().set(other.get(Shopper.class, bob.id)));
            s.refresh(p0);
            assertThat(p0.shopper().id()).isEqualTo(bob.id);
            assertThat(p0.shopper().get()).as("from the identity map").isSameAs(bob);
        }
        assertThat(rows(engine, "SELECT shopper.name FROM purchase JOIN shopper ON shopper.id = purchase.shopper_id "
                + "WHERE purchase.label = 'p0'")).containsExactly("bob");
    }

    @EachDatabase
    void aJoinedLoadKeepsARefTheApplicationSetSinceAsTheOtherLoadsDo(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 2);
        try (Session s = Session.open(engine, SessionOptions.defaults().withAutoflush(false))) {
            Purchase p0 = purchase(s, "p0");                      // referrer bob, not loaded (RAISE)
            Shopper ada = s.execute(select(Shopper.class).where(Shopper_.NAME.eq("ada"))).one();
            p0.referrer = Ref.toId(ada.id);                       // not flushed
            s.execute(select(Shopper.class).options(joinedLoad(Shopper_.PURCHASES).then(joinedLoad(Purchase_.REFERRER)))).all();
            assertThat(p0.referrer.id()).as("below a joined collection").isEqualTo(ada.id);
            s.execute(select(Purchase.class).options(joinedLoad(Purchase_.REFERRER))).all();
            assertThat(p0.referrer.id()).as("joined with its owner").isEqualTo(ada.id);
            s.execute(select(Purchase.class).options(selectInLoad(Purchase_.REFERRER))).all();
            assertThat(p0.referrer.id()).as("select-in").isEqualTo(ada.id);
            s.commit();
        }
        assertThat(rows(engine, "SELECT shopper.name FROM purchase JOIN shopper ON shopper.id = purchase.referrer_id"))
                .containsExactly("ada");
    }

    @EachDatabase
    void refreshUndoesASetInTheOtherSidesLoadedCollectionToo(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 2);
        try (Session s = Session.open(engine)) {
            Purchase p0 = purchase(s, "p0");                      // ada's, ada not loaded
            Object adaId = p0.shopper().id();
            Shopper bob = s.execute(select(Shopper.class).where(Shopper_.NAME.eq("bob"))).one();
            p0.shopper().set(bob);
            assertThat(bob.purchases).contains(p0);
            s.refresh(p0);
            assertThat(p0.shopper().id()).isEqualTo(adaId);
            assertThat(p0.shopper().isLoaded()).isFalse();
            assertThat(bob.purchases).extracting(p -> p.label).containsExactly("p1");
            s.commit();
        }
        assertThat(rows(engine, "SELECT shopper.name FROM purchase JOIN shopper ON shopper.id = purchase.shopper_id "
                + "WHERE purchase.label = 'p0'")).containsExactly("ada");
    }

    @EachDatabase
    void aRefHeldByTwoObjectsIsRefusedAtTheFlush(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 2);
        try (Session s = Session.open(engine)) {
            Purchase p0 = purchase(s, "p0");
            Purchase p1 = purchase(s, "p1");
            p1.shopper = p0.shopper;                             // the same Ref object: set() on one would move both
            assertThatThrownBy(s::flush).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Purchase.shopper holds the same Ref object as Purchase.shopper of another Purchase")
                    .hasMessageContaining("Ref.toId(ref.id())");
            s.rollback();
            assertThat(p1.shopper()).as("the rollback gives it its own Ref again").isNotSameAs(p0.shopper());
            assertThat(p1.shopper().get().name).isEqualTo("bob");
            p1.shopper = Ref.toId(p0.shopper().id());             // its own Ref
            Purchase p2 = new Purchase("p2", null);
            p2.shopper = p1.shopper;
            s.add(p2);
            assertThatThrownBy(s::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("of another Purchase");
            s.rollback();
            p1.shopper = Ref.toId(p0.shopper().id());
            s.add(new Purchase("p2", p0.shopper().get()));
            s.commit();
        }
        assertThat(rows(engine, "SELECT purchase.label, shopper.name FROM purchase JOIN shopper ON shopper.id = purchase.shopper_id "
                + "ORDER BY purchase.label")).containsExactly("p0 ada", "p1 ada", "p2 ada");
    }

    @EachDatabase
    void aTreeOfRefsIsInsertedParentsFirstAndLoadsUpwardOneLevelAtATime(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Folder root = new Folder("root", null);
            Folder docs = new Folder("docs", root);
            Folder notes = new Folder("notes", docs);
            s.add(notes);                                        // its parents come along, inserted first
            s.commit();
        }
        assertThat(rows(engine, "SELECT f.name, p.name FROM folder f LEFT JOIN folder p ON p.id = f.parent_id ORDER BY f.id"))
                .containsExactly("root null", "docs root", "notes docs");
        try (Session s = Session.open(engine)) {
            Folder notes = s.execute(select(Folder.class).where(Folder_.NAME.eq("notes"))).one();
            assertThat(sql(engine, () -> assertThat(notes.parent.get().name).isEqualTo("docs"))).hasSize(1);
            assertThat(sql(engine, () -> assertThat(notes.parent.get().parent.get().name).isEqualTo("root"))).hasSize(1);
            assertThat(sql(engine, () -> assertThat(notes.parent.get().parent.get().parent.get()).isNull())).isEmpty();
            Folder root = notes.parent.get().parent.get();
            notes.parent.set(root);                              // moved up: one UPDATE
            assertThat(sql(engine, s::flush)).containsExactly("UPDATE folder SET parent_id = ? WHERE folder.id = ?");
            s.commit();
        }
        assertThat(rows(engine, "SELECT f.name, p.name FROM folder f JOIN folder p ON p.id = f.parent_id WHERE f.name = 'notes'"))
                .containsExactly("notes root");
    }

    @EachDatabase
    void aRefOfASubclassLoadsWhenItsObjectComesFromAQueryOfTheRoot(TestDatabase db) {
        Engine engine = setUp(db);
        Session.runInTransaction(engine, s -> {
            s.add(new Membership("m1"));
            s.add(new GoldMembership("g1", new Shopper("ada")));
        });
        try (Session s = Session.open(engine)) {
            List<Membership> all = s.execute(select(Membership.class).orderBy(Membership_.CODE)).all();
            GoldMembership gold = (GoldMembership) all.get(0);             // g1 before m1
            assertThat(gold.sponsor.isLoaded()).isFalse();
            assertThat(sql(engine, () -> assertThat(gold.sponsor.get().name).isEqualTo("ada"))).hasSize(1);
            gold.sponsor.set(new Shopper("bob"));
            s.commit();
        }
        assertThat(rows(engine, "SELECT membership.code, shopper.name FROM membership JOIN shopper ON shopper.id = membership.sponsor_id"))
                .containsExactly("g1 bob");
    }

    @EachDatabase
    void deletingAnObjectTakesItOutOfItsRefTargetsLoadedCollectionAndAddingItBackUndoesThat(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 4);
        try (Session s = Session.open(engine)) {
            Purchase p0 = purchase(s, "p0");                      // its shopper not loaded yet
            Shopper ada = s.execute(select(Shopper.class).where(Shopper_.NAME.eq("ada"))
                    .options(selectInLoad(Shopper_.PURCHASES))).one();
            assertThat(ada.purchases).contains(p0);
            assertThat(p0.shopper().get()).as("filled when the collection's load met it").isSameAs(ada);
            s.delete(p0);
            assertThat(ada.purchases).extracting(p -> p.label).containsExactly("p2");
            s.add(p0);                                           // undone: back in the collection
            assertThat(ada.purchases).extracting(p -> p.label).containsExactly("p2", "p0");
            s.delete(p0);
            s.commit();
        }
        assertThat(rows(engine, "SELECT label FROM purchase ORDER BY label")).containsExactly("p1", "p2", "p3");
    }
}
