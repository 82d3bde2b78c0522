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
}
