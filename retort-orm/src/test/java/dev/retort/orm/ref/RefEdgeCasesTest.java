package dev.retort.orm.ref;

import dev.retort.engine.Engine;
import dev.retort.orm.Ref;
import dev.retort.orm.Registry;
import dev.retort.orm.Session;
import dev.retort.orm.Synchronize;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.List;

import static dev.retort.orm.LoadOption.joinedLoad;
import static dev.retort.orm.LoadOption.selectInLoad;
import static dev.retort.orm.OrmStatements.select;
import static dev.retort.orm.OrmStatements.update;
import static dev.retort.orm.ref.RefTest.fill;
import static dev.retort.orm.ref.RefTest.purchase;
import static dev.retort.orm.ref.RefTest.rows;
import static dev.retort.orm.ref.RefTest.sql;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Ref} fields with the rest of the ORM: orphans, one-to-ones, hierarchies, versions,
 * cascades (merge, refresh and expire), bulk updates, rollback, expunge and joins, on every database.
 */
class RefEdgeCasesTest {
    static final Registry REGISTRY = Registry.of(Shopper.class, Purchase.class, Card.class, Cardholder.class, Ticket.class,
            Board.class, Wrapping.class, Venue.class, Arena.class, Show.class, Kennel.class, Dog.class);

    static Engine setUp(TestDatabase db) {
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        return engine;
    }

    static Shopper shopper(Session s, String name) {
        return s.execute(select(Shopper.class).where(Shopper_.NAME.eq(name))).one();
    }

    @EachDatabase
    void anOrphanPutUnderAnotherOwnerByKeyIsKept(TestDatabase db) {
        Engine engine = setUp(db);
        Session.runInTransaction(engine, s -> {
            Kennel north = new Kennel("north");
            north.dogs.add(new Dog("rex"));
            s.add(north);
            s.add(new Kennel("south"));
        });
        try (Session s = Session.open(engine)) {
            Kennel north = s.execute(select(Kennel.class).where(Kennel_.NAME.eq("north"))).one();
            Kennel south = s.execute(select(Kennel.class).where(Kennel_.NAME.eq("south"))).one();
            Dog rex = north.dogs.remove(0);
            rex.kennel = Ref.toId(south.id);                     // moved by key
            s.commit();
        }
        assertThat(rows(engine, "SELECT dog.name, kennel.name FROM dog JOIN kennel ON kennel.id = dog.kennel_id")).containsExactly("rex south");
    }

    @EachDatabase
    void expireOnCommitFollowsTheKeyAnotherTransactionWrote(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 2);
        try (Session s = Session.open(engine)) {
            Purchase p0 = purchase(s, "p0");
            Shopper ada = p0.shopper().get();
            s.commit();
            Session.runInTransaction(engine, o -> purchase(o, "p0").shopper().set(shopper(o, "bob")));
            assertThat(purchase(s, "p0")).isSameAs(p0);
            assertThat(p0.shopper().get().name).isEqualTo("bob");
            assertThat(ada.purchases).doesNotContain(p0);
        }
    }

    @EachDatabase
    void aRefSetToANewObjectWritesItsGeneratedKey(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 2);
        try (Session s = Session.open(engine)) {
            Purchase p0 = purchase(s, "p0");
            Shopper cy = new Shopper("cy");
            p0.shopper().set(cy);
            s.flush();
            assertThat(cy.id).isNotNull();
            assertThat(p0.shopper().id()).isEqualTo(cy.id);
            s.commit();
        }
        assertThat(rows(engine, "SELECT shopper.name FROM purchase JOIN shopper ON shopper.id = purchase.shopper_id WHERE label = 'p0'"))
                .containsExactly("cy");
    }

    @EachDatabase
    void rollbackTakesARefSetToANewObjectBackToTheCommittedKey(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 2);
        try (Session s = Session.open(engine)) {
            Purchase p0 = purchase(s, "p0");
            Object adaId = p0.shopper().id();
            Shopper cy = new Shopper("cy");
            p0.shopper().set(cy);
            s.flush();
            s.rollback();
            assertThat(p0.shopper().id()).isEqualTo(adaId);
            assertThat(p0.shopper().get().name).isEqualTo("ada");
        }
    }

    @EachDatabase
    void settingAOneToOneRefMovesBothOtherSidesAtTheFlush(TestDatabase db) {
        Engine engine = setUp(db);
        Session.runInTransaction(engine, s -> s.add(new Card("C1", new Cardholder("ada"))));
        try (Session s = Session.open(engine)) {
            Cardholder ada = s.execute(select(Cardholder.class)).one();
            Card c = ada.card;
            assertThat(c.holder.get()).isSameAs(ada);
            Cardholder bob = new Cardholder("bob");
            c.holder.set(bob);
            s.flush();
            assertThat(ada.card).isNull();
            assertThat(bob.card).isSameAs(c);
            c.holder.set(null);
            s.flush();
            assertThat(bob.card).isNull();
            s.commit();
        }
    }

    @EachDatabase
    void aRefJoinedBelowAJoinedCollectionLoadsInTheSameStatement(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 4);
        try (Session s = Session.open(engine)) {
            List<String> st = sql(engine, () -> {
                List<Shopper> all = s.execute(select(Shopper.class).orderBy(Shopper_.NAME)
                        .options(joinedLoad(Shopper_.PURCHASES).then(joinedLoad(Purchase_.REFERRER)))).all();
                assertThat(all).hasSize(2);
                assertThat(all.get(0).purchases).extracting(p -> p.label).containsExactly("p0", "p2");
                assertThat(all.get(0).purchases.get(0).referrer.get().name).isEqualTo("bob");
                assertThat(all.get(0).purchases.get(1).referrer.get()).isNull();
                assertThat(all.get(0).purchases.get(0).shopper().get()).isSameAs(all.get(0));
            });
            assertThat(st).hasSize(1);
        }
    }

    @EachDatabase
    void bulkUpdatesSynchronizeRefs(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 2);
        try (Session s = Session.open(engine)) {
            Shopper ada = s.execute(select(Shopper.class).where(Shopper_.NAME.eq("ada")).options(selectInLoad(Shopper_.PURCHASES))).one();
            Shopper bob = s.execute(select(Shopper.class).where(Shopper_.NAME.eq("bob")).options(selectInLoad(Shopper_.PURCHASES))).one();
            Purchase p0 = purchase(s, "p0");
            Purchase p1 = purchase(s, "p1");
            assertThat(p1.shopper().isLoaded()).isTrue();
            s.execute(update(Purchase.class).set(Purchase_.SHOPPER_ID, bob.id).where(Purchase_.LABEL.eq("p0")), Synchronize.FETCH);
            assertThat(p0.shopper().get()).isSameAs(bob);
            assertThat(bob.purchases).contains(p0);
            assertThat(ada.purchases).doesNotContain(p0);
            s.execute(update(Purchase.class).set(Purchase_.SHOPPER_ID, ada.id).where(Purchase_.LABEL.eq("p1")), Synchronize.EXPIRE);
            assertThat(purchase(s, "p1").shopper().get()).isSameAs(ada);
            s.commit();
        }
    }

    @EachDatabase
    void expungedObjectsKeepLoadedRefsAndLoadTheOthersOnceAddedAgain(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 2);
        try (Session s = Session.open(engine)) {
            Purchase p0 = purchase(s, "p0");
            Purchase p1 = purchase(s, "p1");
            Shopper ada = p0.shopper().get();
            s.expunge(p0);
            s.expunge(p1);
            assertThat(p0.shopper().get()).isSameAs(ada);
            assertThat(p1.shopper().id()).isNotNull();
            s.add(p1);
            assertThat(p1.shopper().get().name).isEqualTo("bob");
        }
    }

    @EachDatabase
    void refreshAndExpireCascadeThroughARef(TestDatabase db) {
        Engine engine = setUp(db);
        Session.runInTransaction(engine, s -> s.add(new Ticket("A1", new Shopper("ada"))));
        try (Session s = Session.open(engine)) {
            Ticket t = s.execute(select(Ticket.class)).one();
            Shopper ada = t.holder.get();
            s.commit();
            Session.runInTransaction(engine, o -> o.execute(select(Shopper.class)).one().name = "ada2");
            s.refresh(t);
            assertThat(ada.name).isEqualTo("ada2");
            assertThat(t.holder.get()).isSameAs(ada);
            t.holder.set(new Shopper("bob"));
            s.commit();
            assertThat(t.version).isEqualTo(2);
            Session.runInTransaction(engine, o -> o.execute(select(Ticket.class)).one().seat = "B2");
            s.refresh(t);
            Shopper bob = t.holder.get();
            assertThat(s.isExpired(bob)).as("refreshed with the ticket").isFalse();
            s.expire(t);
            assertThat(s.isExpired(bob)).as("expired with the ticket").isTrue();
            assertThat(s.get(Ticket.class, t.id).seat).isEqualTo("B2");
        }
    }

    @EachDatabase
    void refreshAndExpireCascadeThroughAManyToMany(TestDatabase db) {
        Engine engine = setUp(db);
        Session.runInTransaction(engine, s -> {
            Board b = new Board("b");
            b.papers.add(new Wrapping("red"));
            b.papers.add(new Wrapping("blue"));
            s.add(b);
        });
        try (Session s = Session.open(engine)) {
            Board b = s.execute(select(Board.class).options(selectInLoad(Board_.PAPERS))).one();
            Wrapping red = b.papers.stream().filter(w -> w.paper.equals("red")).findFirst().orElseThrow();
            s.execute(update(Wrapping.class).set(Wrapping_.PAPER, "green").where(Wrapping_.PAPER.eq("red")), Synchronize.NONE);
            s.refresh(b);
            assertThat(red.paper).isEqualTo("green");
            assertThat(b.papers).hasSize(2);
            s.execute(update(Wrapping.class).set(Wrapping_.PAPER, "blue2").where(Wrapping_.PAPER.eq("blue")), Synchronize.NONE);
            Wrapping blue = b.papers.stream().filter(w -> w.paper.equals("blue")).findFirst().orElseThrow();
            s.expire(b);
            assertThat(s.get(Wrapping.class, blue.id).paper).isEqualTo("blue2");
        }
    }

    @EachDatabase
    void mergeCascadesThroughALoadedRef(TestDatabase db) {
        Engine engine = setUp(db);
        Session.runInTransaction(engine, s -> s.add(new Ticket("A1", new Shopper("ada"))));
        Ticket detached;
        try (Session s = Session.open(engine)) {
            detached = s.execute(select(Ticket.class)).one();
            detached.holder.get();
        }
        detached.holder.get().name = "ada2";
        detached.holder.set(new Shopper("bob"));
        try (Session s = Session.open(engine)) {
            Ticket m = s.merge(detached);
            assertThat(m.holder.get().name).isEqualTo("bob");
            assertThat(m.holder).isNotSameAs(detached.holder);
            s.commit();
        }
        assertThat(rows(engine, "SELECT shopper.name FROM ticket JOIN shopper ON shopper.id = ticket.holder_id")).containsExactly("bob");
    }

    @EachDatabase
    void aRefToAnObjectDeletedInTheSameFlush(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 2);
        try (Session s = Session.open(engine)) {
            Purchase p0 = purchase(s, "p0");
            Purchase p1 = purchase(s, "p1");
            Shopper ada = shopper(s, "ada");
            p1.shopper().set(ada);
            s.delete(p0);
            s.delete(p1);
            s.delete(ada);
            s.commit();
        }
        assertThat(rows(engine, "SELECT COUNT(*) FROM purchase")).containsExactly("0");
    }

    @EachDatabase
    void expireOnCommitKeepsARefToANewObject(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 2);
        try (Session s = Session.open(engine)) {
            Purchase p0 = purchase(s, "p0");
            Shopper cy = new Shopper("cy");
            p0.shopper().set(cy);
            s.commit();
            assertThat(p0.shopper().get()).isSameAs(cy);
            assertThat(purchase(s, "p0").shopper().get()).isSameAs(cy);
            Shopper bob = shopper(s, "bob");
            p0.shopper = Ref.toId(bob.id);
            s.commit();
            assertThat(purchase(s, "p0").shopper().get()).isSameAs(bob);
            assertThat(cy.purchases).doesNotContain(p0);
        }
    }

    @EachDatabase
    void aRefByKeyUpdatesAVersionedRow(TestDatabase db) {
        Engine engine = setUp(db);
        Session.runInTransaction(engine, s -> s.add(new Ticket("A1", new Shopper("ada"))));
        Session.runInTransaction(engine, s -> s.add(new Shopper("bob")));
        try (Session s = Session.open(engine)) {
            Ticket t = s.execute(select(Ticket.class)).one();
            Shopper bob = shopper(s, "bob");
            s.commit();
            Session.runInTransaction(engine, o -> o.execute(select(Ticket.class)).one().seat = "B2");
            Ticket again = s.execute(select(Ticket.class)).one();
            assertThat(again.version).isEqualTo(2);
            t.holder = Ref.toId(bob.id);
            s.commit();
            assertThat(t.version).isEqualTo(3);
        }
        assertThat(rows(engine, "SELECT ticket.seat, shopper.name FROM ticket JOIN shopper ON shopper.id = ticket.holder_id")).containsExactly("B2 bob");
    }

    @EachDatabase
    void refsIntoAJoinedHierarchy(TestDatabase db) {
        Engine engine = setUp(db);
        Session.runInTransaction(engine, s -> {
            Arena o2 = new Arena("O2", 20000, new Shopper("ada"));
            s.add(new Show("one", o2, o2));
            s.add(new Show("two", new Venue("club"), null));
        });
        try (Session s = Session.open(engine)) {
            List<Show> shows = s.execute(select(Show.class).orderBy(Show_.TITLE)).all();
            Show one = shows.get(0);
            assertThat(one.venue.get()).isInstanceOf(Arena.class);
            assertThat(sql(engine, () -> assertThat(one.arena.get()).isSameAs(one.venue.get()))).isEmpty();
            assertThat(shows.get(1).venue.get().name).isEqualTo("club");
            assertThat(shows.get(1).arena.get()).isNull();
            Arena o2 = one.arena.get();
            assertThat(o2.owner.get().name).isEqualTo("ada");
            o2.owner.set(new Shopper("bob"));
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            List<Show> shows = s.execute(select(Show.class).orderBy(Show_.TITLE)
                    .options(joinedLoad(Show_.VENUE), joinedLoad(Show_.ARENA))).all();
            assertThat(shows.get(0).arena.isLoaded()).isTrue();
            assertThat(shows.get(0).arena.get().seats).isEqualTo(20000);
            assertThat(shows.get(0).arena.get().owner.get().name).isEqualTo("bob");
            List<Show> again = s.execute(select(Show.class).orderBy(Show_.TITLE).options(selectInLoad(Show_.ARENA))).all();
            assertThat(again.get(0).arena.get().seats).isEqualTo(20000);
        }
        try (Session s = Session.open(engine)) {
            Show one = s.execute(select(Show.class).where(Show_.TITLE.eq("one"))).one();
            assertThat(sql(engine, () -> assertThat(one.arena.get().seats).isEqualTo(20000))).as("the subclass, lazily").hasSize(1);
            assertThat(one.venue.get()).isSameAs(one.arena.get());
        }
        try (Session s = Session.open(engine)) {
            List<Show> shows = s.execute(select(Show.class).orderBy(Show_.TITLE).options(selectInLoad(Show_.ARENA))).all();
            assertThat(shows.get(0).arena.get().seats).isEqualTo(20000);
            assertThat(shows.get(1).arena.get()).isNull();
        }
    }

    @EachDatabase
    void containsEagerAndNestedJoinsFillRefs(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 4);
        try (Session s = Session.open(engine)) {
            List<String> st = sql(engine, () -> {
                List<Purchase> all = s.execute(select(Purchase.class).join(Purchase_.SHOPPER).where(Shopper_.NAME.eq("bob"))
                        .orderBy(Purchase_.LABEL).options(dev.retort.orm.LoadOption.containsEager(Purchase_.SHOPPER))).all();
                assertThat(all).extracting(p -> p.label).containsExactly("p1", "p3");
                assertThat(all.get(0).shopper().isLoaded()).isTrue();
                assertThat(all.get(0).shopper().get().name).isEqualTo("bob");
            });
            assertThat(st).hasSize(1);
        }
        try (Session s = Session.open(engine)) {
            List<String> st = sql(engine, () -> {
                List<Shopper> all = s.execute(select(Shopper.class).orderBy(Shopper_.NAME)
                        .options(joinedLoad(Shopper_.PURCHASES).then(joinedLoad(Purchase_.SHOPPER)),
                                 joinedLoad(Shopper_.PURCHASES).then(dev.retort.orm.LoadOption.noLoad(Purchase_.REFERRER)))).all();
                assertThat(all.get(0).purchases.get(0).shopper().get()).isSameAs(all.get(0));
                assertThat(all.get(0).purchases.get(0).referrer.get()).isNull();
                assertThat(all.get(0).purchases.get(0).referrer.id()).isNotNull();
            });
            assertThat(st).hasSize(1);
        }
    }

    @EachDatabase
    void aBulkDeleteTakesObjectsWithUnreadRefsOutOfLoadedCollections(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine, 4);
        try (Session s = Session.open(engine)) {
            Purchase p2 = purchase(s, "p2");                      // its Ref not read
            Shopper ada = s.execute(select(Shopper.class).where(Shopper_.NAME.eq("ada")).options(selectInLoad(Shopper_.PURCHASES))).one();
            assertThat(ada.purchases).extracting(p -> p.label).containsExactly("p0", "p2");
            s.execute(dev.retort.orm.OrmStatements.delete(Purchase.class).where(Purchase_.LABEL.eq("p2")), Synchronize.FETCH);
            assertThat(s.state(p2)).isEqualTo(dev.retort.orm.ObjectState.DELETED);
            assertThat(ada.purchases).extracting(p -> p.label).containsExactly("p0");
            s.commit();
        }
        assertThat(rows(engine, "SELECT label FROM purchase ORDER BY label")).containsExactly("p0", "p1", "p3");
    }
}
