package dev.retort.examples;

import dev.retort.engine.Engine;
import dev.retort.orm.Registry;
import dev.retort.orm.Retort;
import dev.retort.orm.Session;

import java.util.ArrayList;
import java.util.List;

import static dev.retort.orm.LoadOption.joinedLoad;
import static dev.retort.orm.OrmStatements.select;

/**
 * The one-to-one code of {@code docs/relationships.md}. Each method returns what it observed, so
 * {@code OneToOneGuideTest} can run it on every database.
 */
public final class OneToOneGuide {
    private OneToOneGuide() {
    }

    /**
     * Creates the tables and stores two musicians, one from each side of the one-to-one.
     *
     * @param engine the engine
     * @return what happened
     */
    public static List<String> store(Engine engine) {
        List<String> out = new ArrayList<>();
        Registry.of(Musician.class, Contract.class).metadata().createAll(engine);   // contract.musician_id is UNIQUE
        // tag::store[]
        try (Session session = Session.open(engine)) {
            Musician ada = new Musician("Ada");
            ada.contract(new Contract("Analytical Records"));   // the other side ...
            session.add(ada);                                   // ... sets the owning side when added
            out.add("contract's musician: " + ada.contract().musician().name());
            Contract second = new Contract("Difference Discs");
            Musician bob = new Musician("Bob");
            second.musician(bob);                               // the owning side ...
            session.add(second);                                // ... sets the other side when added
            out.add("musician's contract: " + bob.contract().label());
            session.commit();                                   // musicians first, then contracts
        }
        // end::store[]
        return out;
    }

    /**
     * Loads either side, select-in and joined.
     *
     * @param engine the engine
     * @return what was loaded
     */
    public static List<String> load(Engine engine) {
        List<String> out = new ArrayList<>();
        // tag::load[]
        try (Session session = Session.open(engine)) {
            // SELECT musician ... ; SELECT contract ... WHERE contract.musician_id IN (?, ?)
            List<Musician> musicians = Retort.expectStatements(engine, 2, () -> session.execute(select(Musician.class)
                    .orderBy(Musician_.NAME)).all());
            musicians.forEach(m -> out.add(m.name() + ": " + m.contract().label()));
        }
        try (Session session = Session.open(engine)) {
            // One statement: contract LEFT OUTER JOIN musician; each musician's contract is known from it
            List<Contract> contracts = Retort.expectStatements(engine, 1, () -> session.execute(select(Contract.class)
                    .options(joinedLoad(Contract_.MUSICIAN)).orderBy(Contract_.LABEL)).all());
            contracts.forEach(c -> out.add(c.label() + ": " + c.musician().name() + ", same: " + (c.musician().contract() == c)));
        }
        // end::load[]
        return out;
    }

    /**
     * Replaces a contract (the old one is an orphan) and moves one to another musician, each in one flush.
     *
     * @param engine the engine
     * @return what the database holds afterwards
     */
    public static List<String> replace(Engine engine) {
        List<String> out = new ArrayList<>();
        // tag::replace[]
        try (Session session = Session.open(engine)) {
            Musician ada = session.execute(select(Musician.class).where(Musician_.NAME.eq("Ada"))).one();
            ada.contract(new Contract("Lovelace Live"));        // the old contract is an orphan
            session.commit();                                   // DELETE the old one, then INSERT the new one
            Musician bob = session.execute(select(Musician.class).where(Musician_.NAME.eq("Bob"))).one();
            bob.contract().musician(ada);                       // Bob's contract moves to Ada ...
            session.commit();                                   // ... Ada's goes (orphan), bob.contract() is null
            out.add("Bob: " + bob.contract());
            for (Contract c : session.execute(select(Contract.class)).all()) {
                out.add(c.label() + ": " + c.musician().name());
            }
        }
        // end::replace[]
        return out;
    }
}
