package dev.retort.orm.rel.o2o;

import dev.retort.engine.Engine;
import dev.retort.orm.Registry;
import dev.retort.orm.Session;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.ArrayList;
import java.util.List;

import static dev.retort.orm.OrmStatements.select;
import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other side of a one-to-one whose field the entity's constructor fills (a field initializer):
 * an object made from a row holds what the database has, not the constructor's object.
 */
class OneToOneInitializerTest {
    static final Registry REGISTRY = Registry.of(Driver.class, Licence.class);

    static Engine setUp(TestDatabase db) {
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        Session.runInTransaction(engine, s -> {
            Driver ann = new Driver("ann");
            ann.licence = new Licence("L-1");                  // the provisional one is dropped before it is added
            Driver bob = new Driver("bob");                    // keeps his provisional licence
            s.addAll(List.of(ann, bob));
        });
        return engine;
    }

    static List<String> licences(Engine engine) {
        try (var c = engine.connect()) {
            return c.execute(text("SELECT d.name, l.number FROM driver d LEFT OUTER JOIN licence l ON l.driver_id = d.id ORDER BY d.name"))
                    .all().stream().map(r -> r.get(0) + " " + r.get(1)).toList();
        }
    }

    @EachDatabase
    void aLoadedObjectHoldsItsRowsOtherSideNotTheConstructors(TestDatabase db) {
        Engine engine = setUp(db);
        assertThat(licences(engine)).containsExactly("ann L-1", "bob provisional");
        try (Session s = Session.open(engine)) {
            Driver ann = s.execute(select(Driver.class).where(Driver_.NAME.eq("ann"))).one();
            assertThat(ann.licence.number).isEqualTo("L-1");
            s.commit();                                        // nothing changed: nothing written
        }
        assertThat(licences(engine)).containsExactly("ann L-1", "bob provisional");
    }

    @EachDatabase
    void aStreamedObjectLeavesTheOtherSideNullAndAddingItBackChangesNothing(TestDatabase db) {
        Engine engine = setUp(db);
        List<Driver> drivers = new ArrayList<>();
        try (Session s = Session.open(engine)) {
            try (var stream = s.stream(select(Driver.class).orderBy(Driver_.NAME))) {
                stream.forEach(drivers::add);
            }
        }
        assertThat(drivers).extracting(d -> d.licence).containsExactly(null, null);
        try (Session s = Session.open(engine)) {
            s.add(drivers.get(0));                             // re-attached, its other side never loaded
            s.commit();
        }
        assertThat(licences(engine)).containsExactly("ann L-1", "bob provisional");
    }
}
