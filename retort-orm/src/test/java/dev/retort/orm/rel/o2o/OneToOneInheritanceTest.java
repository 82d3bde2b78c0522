package dev.retort.orm.rel.o2o;

import dev.retort.engine.Engine;
import dev.retort.orm.Registry;
import dev.retort.orm.Retort;
import dev.retort.orm.Session;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.List;

import static dev.retort.orm.LoadOption.joinedLoad;
import static dev.retort.orm.OrmStatements.select;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One-to-ones inside entity hierarchies: a single-table subclass holding the owning side, an
 * owning side pointing at the root, a JOINED subclass holding the owning side in its own table.
 */
class OneToOneInheritanceTest {
    static final Registry REGISTRY = Registry.of(Gadget.class, Phone.class, SimCard.class, Charger.class,
            Account.class, Premium.class, Card.class, Vessel.class, Tanker.class, Berth.class);

    static Engine setUp(TestDatabase db) {
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        return engine;
    }

    /** Gadget g with charger cg; phone p with sim s1 and charger cp; phone q without sim or charger; sim s2 free. */
    static void fillGadgets(Engine engine) {
        Session.runInTransaction(engine, s -> {
            Gadget g = new Gadget("g");
            g.charger = new Charger("cg");
            Phone p = new Phone("p");
            p.sim = new SimCard("s1");
            p.charger = new Charger("cp");
            s.addAll(List.of(g, p, new Phone("q"), new SimCard("s2")));
        });
    }

    @EachDatabase
    void aSingleTableSubclassOwningSideAndARootOtherSideLoadBothWays(TestDatabase db) {
        Engine engine = setUp(db);
        fillGadgets(engine);
        try (Session s = Session.open(engine)) {
            // sim cards; their phones (gadget.kind = 'phone'); the phones' chargers
            List<SimCard> sims = Retort.expectStatements(engine, 3, () -> s.execute(select(SimCard.class).orderBy(SimCard_.NUMBER)).all());
            assertThat(sims).extracting(x -> x.phone == null ? null : x.phone.name).containsExactly("p", null);
            assertThat(sims.get(0).phone.sim).isSameAs(sims.get(0));
        }
        try (Session s = Session.open(engine)) {
            List<SimCard> sims = Retort.expectStatements(engine, 2, () -> s.execute(select(SimCard.class)
                    .options(joinedLoad(SimCard_.PHONE)).orderBy(SimCard_.NUMBER)).all());
            assertThat(sims).extracting(x -> x.phone == null ? null : x.phone.name).containsExactly("p", null);
        }
        try (Session s = Session.open(engine)) {
            List<Gadget> gadgets = s.execute(select(Gadget.class).orderBy(Gadget_.NAME)).all();
            assertThat(gadgets).extracting(x -> x.charger == null ? null : x.charger.label).containsExactly("cg", "cp", null);
            assertThat(((Phone) gadgets.get(1)).sim.number).isEqualTo("s1");
            assertThat(((Phone) gadgets.get(2)).sim).isNull();
        }
        try (Session s = Session.open(engine)) {
            List<Gadget> gadgets = Retort.expectStatements(engine, 2, () -> s.execute(select(Gadget.class)
                    .options(joinedLoad(Gadget_.CHARGER)).orderBy(Gadget_.NAME)).all());
            assertThat(gadgets).extracting(x -> x.charger == null ? null : x.charger.label).containsExactly("cg", "cp", null);
            List<Phone> phones = s.execute(select(Phone.class).orderBy(Phone_.NAME)).all();
            assertThat(phones).extracting(x -> x.charger == null ? null : x.charger.label).containsExactly("cp", null);
        }
        try (Session s = Session.open(engine)) {
            List<Charger> chargers = s.execute(select(Charger.class).orderBy(Charger_.LABEL)).all();
            assertThat(chargers).extracting(c -> c.gadget.charger).containsExactlyElementsOf(chargers);
            Phone q = s.execute(select(Phone.class).where(Phone_.NAME.eq("q"))).one();
            SimCard s2 = s.execute(select(SimCard.class).where(SimCard_.NUMBER.eq("s2"))).one();
            s2.phone = q;                                      // the other side sets the subclass's owning field
            chargers.get(0).gadget = q;                        // cg moves from g to q
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            Phone q = s.execute(select(Phone.class).where(Phone_.NAME.eq("q"))).one();
            assertThat(q.sim.number).isEqualTo("s2");
            assertThat(q.charger.label).isEqualTo("cg");
            Gadget g = s.execute(select(Gadget.class).where(Gadget_.NAME.eq("g"))).one();
            assertThat(g.charger).isNull();
        }
    }

    @EachDatabase
    void aJoinedSubclassOwningSideLoadsBothWays(TestDatabase db) {
        Engine engine = setUp(db);
        Session.runInTransaction(engine, s -> {
            Premium a = new Premium("a");
            a.card = new Card("1111");
            s.addAll(List.of(a, new Account("b"), new Card("2222")));
        });
        try (Session s = Session.open(engine)) {
            List<Card> cards = s.execute(select(Card.class).orderBy(Card_.PAN)).all();
            assertThat(cards).extracting(c -> c.premium == null ? null : c.premium.owner).containsExactly("a", null);
        }
        try (Session s = Session.open(engine)) {
            List<Card> cards = s.execute(select(Card.class).options(joinedLoad(Card_.PREMIUM)).orderBy(Card_.PAN)).all();
            assertThat(cards).extracting(c -> c.premium == null ? null : c.premium.owner).containsExactly("a", null);
            assertThat(cards.get(0).premium.card).isSameAs(cards.get(0));
        }
        try (Session s = Session.open(engine)) {
            List<Account> accounts = s.execute(select(Account.class).orderBy(Account_.OWNER)).all();
            assertThat(((Premium) accounts.get(0)).card.pan).isEqualTo("1111");
            Card c2 = s.execute(select(Card.class).where(Card_.PAN.eq("2222"))).one();
            c2.premium = (Premium) accounts.get(0);           // replaces 1111 (unlinked: premium.card_id is set)
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            List<Card> cards = s.execute(select(Card.class).orderBy(Card_.PAN)).all();
            assertThat(cards).extracting(c -> c.premium == null ? null : c.premium.owner).containsExactly(null, "a");
        }
    }

    @EachDatabase
    void anOwningSideTypedAsTheRootKeepsTheSubclassesOtherSideInLine(TestDatabase db) {
        Engine engine = setUp(db);
        Session.runInTransaction(engine, s -> {
            Berth b1 = new Berth("b1");
            b1.vessel = new Tanker("t1");
            s.addAll(List.of(b1, new Berth("b2"), new Tanker("t2"), new Vessel("v")));
        });
        try (Session s = Session.open(engine)) {
            List<Berth> berths = s.execute(select(Berth.class).orderBy(Berth_.LABEL)).all();
            Berth b1 = berths.get(0);
            Berth b2 = berths.get(1);
            Tanker t1 = (Tanker) b1.vessel;
            assertThat(t1.berth).as("the referenced tanker's other side is known from the owning side").isSameAs(b1);
            Tanker t2 = s.execute(select(Tanker.class).where(Tanker_.NAME.eq("t2"))).one();
            Vessel v = s.execute(select(Vessel.class).where(Vessel_.NAME.eq("v"))).one();
            b1.vessel = t2;                                    // the owning side moves b1 from t1 to t2
            s.flush();
            assertThat(t2.berth).as("t2's other side follows the owning field typed as the root").isSameAs(b1);
            assertThat(t1.berth).isNull();
            t1.berth = b2;                                     // the subclass's side sets the owning field
            s.flush();
            assertThat(b2.vessel).isSameAs(t1);
            b2.vessel = v;                                     // a vessel of the root class: no other side to follow
            s.flush();
            assertThat(t1.berth).isNull();
            b2.vessel = t1;
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            List<Berth> berths = s.execute(select(Berth.class).orderBy(Berth_.LABEL)).all();
            assertThat(berths).extracting(b -> b.vessel == null ? null : b.vessel.name).containsExactly("t2", "t1");
            assertThat(((Tanker) berths.get(0).vessel).berth).isSameAs(berths.get(0));
            Berth b3 = new Berth("b3");
            b3.vessel = s.execute(select(Vessel.class).where(Vessel_.NAME.eq("v"))).one();
            s.add(b3);
            s.flush();
            s.delete(b3);                                      // refers to a vessel of the root class, which has no berth field
            s.delete(berths.get(0));
            s.commit();
        }
        assertThat(OneToOneInheritanceTest.berths(engine)).containsExactly("b2 t1");
    }

    static List<String> berths(Engine engine) {
        try (var c = engine.connect()) {
            return c.execute(dev.retort.sql.Statements.text("SELECT b.label, v.name FROM berth b LEFT OUTER JOIN vessel v ON v.id = b.vessel_id ORDER BY b.label"))
                    .all().stream().map(r -> r.get(0) + " " + r.get(1)).toList();
        }
    }
}
