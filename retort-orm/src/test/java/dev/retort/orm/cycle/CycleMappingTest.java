package dev.retort.orm.cycle;

import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.Inheritance;
import dev.retort.orm.InheritanceStrategy;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.OneToOne;
import dev.retort.orm.Registry;
import dev.retort.orm.Session;
import dev.retort.orm.StatementCaptureAccess;
import dev.retort.orm.mapping.EntityMapping;
import dev.retort.engine.Engine;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Table;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.retort.orm.OrmStatements.select;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cycles of references through classes of hierarchies and one-to-ones: each reference to a class
 * whose mapping is being built is declared by name, to the table that holds the target's key; the
 * flush handles the post-update reference into a hierarchy as into a plain entity.
 */
class CycleMappingTest {
    @Test
    void aCycleThroughASingleTableSubclass() {
        Table harbour = EntityMapping.of(Harbour.class).table();     // builds Vessel's, whose Tug refers back
        Table vessel = EntityMapping.of(Tug.class).table();
        assertThat(EntityMapping.of(Vessel.class).table()).isSameAs(vessel);
        assertThat(targets(harbour)).containsExactly(vessel);
        assertThat(targets(vessel)).containsExactly(harbour);
        assertThat(Registry.of(Harbour.class, Vessel.class, Tug.class).metadata().sortedTables())
                .containsExactlyInAnyOrder(harbour, vessel);
    }

    @Test
    void aCycleThroughAJoinedSubclassReachesTheRootsTable() {
        Table dog = EntityMapping.of(Dog.class).table();               // builds Animal's tables, then Kennel's
        Table animal = EntityMapping.of(Animal.class).table();
        Table kennel = EntityMapping.of(Kennel.class).table();
        assertThat(targets(kennel)).containsExactly(animal);
        assertThat(dog.foreignKeys()).anySatisfy(fk -> assertThat(fk.referredTable()).isSameAs(kennel));
        assertThat(Registry.of(Kennel.class, Animal.class, Dog.class).metadata().sortedTables()).contains(animal, dog, kennel);
    }

    @Test
    void anOwningOneToOneMayCloseACycle() {
        Table car = EntityMapping.of(Car.class).table();
        Table plate = EntityMapping.of(Plate.class).table();
        assertThat(targets(car)).containsExactly(plate);
        assertThat(targets(plate)).containsExactly(car);
        assertThat(car.uniqueConstraints()).singleElement().satisfies(u -> assertThat(u.columns()).containsExactly(car.column("plate_id", Long.class)));
    }

    @EachDatabase
    void rowsInACycleThroughHierarchiesAreInsertedAndDeleted(TestDatabase db) {
        Engine engine = db.engine();
        Registry registry = Registry.of(Harbour.class, Vessel.class, Tug.class, Kennel.class, Animal.class, Dog.class);
        registry.metadata().createAll(engine);
        Long harbourId;
        Long kennelId;
        try (Session s = Session.open(engine)) {
            Harbour harbour = new Harbour();
            Tug tug = new Tug();
            tug.home = harbour;
            harbour.flagship = tug;                       // single table: harbour -> vessel -> harbour
            Kennel kennel = new Kennel();
            Dog dog = new Dog();
            dog.kennel = kennel;
            kennel.champion = dog;                        // joined: kennel -> animal, dog -> kennel
            s.addAll(List.of(harbour, kennel));
            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql.get(sql.size() - 1)).as(String.join("\n", sql)).startsWith("UPDATE");
            assertThat(sql.get(sql.size() - 2)).startsWith("UPDATE");
            s.commit();
            harbourId = harbour.id;
            kennelId = kennel.id;
        }
        try (Session s = Session.open(engine)) {
            Harbour harbour = s.get(Harbour.class, harbourId);
            Kennel kennel = s.get(Kennel.class, kennelId);
            assertThat(harbour.flagship.home).isSameAs(harbour);
            assertThat(kennel.champion).isInstanceOf(Dog.class);
            assertThat(kennel.champion.kennel).isSameAs(kennel);
            s.delete(harbour.flagship);
            s.delete(harbour);
            s.delete(kennel.champion);
            s.delete(kennel);
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            assertThat(s.execute(select(Vessel.class)).all()).isEmpty();
            assertThat(s.execute(select(Harbour.class)).all()).isEmpty();
            assertThat(s.execute(select(Animal.class)).all()).isEmpty();
            assertThat(s.execute(select(Kennel.class)).all()).isEmpty();
        }
    }

    @EachDatabase
    void aPostUpdateReferenceOfASubclassBreaksTheCycleForRowsOfEveryClass(TestDatabase db) {
        Engine engine = db.engine();
        Registry.of(Dock.class, Boat.class, Ferry.class).metadata().createAll(engine);
        Long dockId;
        try (Session s = Session.open(engine)) {
            Dock dock = new Dock();
            dock.flagship = new Boat();                   // a plain boat: no Ferry in this flush
            s.add(dock);
            s.commit();                                   // boat, then dock: ferry.base_id is post-update
            dockId = dock.id;
        }
        try (Session s = Session.open(engine)) {
            Dock dock = s.get(Dock.class, dockId);
            Ferry ferry = new Ferry();
            ferry.base = dock;
            dock.flagship = ferry;
            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql.get(sql.size() - 1)).as(String.join("\n", sql)).startsWith("UPDATE");
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            Dock dock = s.get(Dock.class, dockId);
            assertThat(dock.flagship).isInstanceOf(Ferry.class);
            assertThat(((Ferry) dock.flagship).base).isSameAs(dock);
        }
    }

    @EachDatabase
    void aBulkDeleteOfTheRootClearsThePostUpdateReferencesOfItsSubclasses(TestDatabase db) {
        Engine engine = db.engine();
        Registry.of(Ship.class, Escort.class).metadata().createAll(engine);
        Session.runInTransaction(engine, s -> {
            Escort a = new Escort();
            Escort b = new Escort();
            a.guards = b;
            b.guards = a;                                 // two rows of one table naming each other
            s.add(a);
            s.add(b);
            s.add(new Ship());
        });
        try (Session s = Session.open(engine)) {
            List<Ship> all = s.execute(dev.retort.orm.OrmStatements.select(Ship.class)).all();
            assertThat(all).hasSize(3);
            long deleted = s.execute(dev.retort.orm.OrmStatements.delete(Ship.class).whereAll(), dev.retort.orm.Synchronize.FETCH);
            assertThat(deleted).isEqualTo(3);
            assertThat(all).allSatisfy(x -> assertThat(s.state(x)).isEqualTo(dev.retort.orm.ObjectState.DELETED));
            s.commit();
        }
        try (var c = engine.connect()) {
            assertThat(((Number) c.execute(dev.retort.sql.Statements.text("SELECT COUNT(*) FROM convoy_ship")).scalar()).intValue())
                    .isZero();
        }
    }

    @Entity(table = "convoy_ship")
    @Inheritance(subclasses = {Escort.class})
    @DiscriminatorValue("ship")
    static class Ship {
        @Id @Generated Long id;
    }

    @Entity
    @DiscriminatorValue("escort")
    static class Escort extends Ship {
        @ManyToOne(postUpdate = true) Ship guards;
    }

    private static java.util.List<Table> targets(Table t) {
        return t.foreignKeys().stream().map(ForeignKey::referredTable).toList();
    }

    @Entity
    static class Harbour {
        @Id @Generated Long id;
        @ManyToOne(postUpdate = true) Tug flagship;
    }

    @Entity
    @Inheritance(subclasses = {Tug.class})
    @DiscriminatorValue("vessel")
    static class Vessel {
        @Id @Generated Long id;
    }

    @Entity
    @DiscriminatorValue("tug")
    static class Tug extends Vessel {
        @ManyToOne Harbour home;
    }

    @Entity
    @Inheritance(strategy = InheritanceStrategy.JOINED, subclasses = {Dog.class})
    @DiscriminatorValue("animal")
    static class Animal {
        @Id @Generated Long id;
    }

    @Entity
    @DiscriminatorValue("dog")
    static class Dog extends Animal {
        @ManyToOne Kennel kennel;
    }

    @Entity
    static class Kennel {
        @Id @Generated Long id;
        @ManyToOne(postUpdate = true) Dog champion;
    }

    @Entity
    static class Car {
        @Id @Generated Long id;
        @OneToOne Plate plate;
    }

    @Entity
    static class Plate {
        @Id @Generated Long id;
        @ManyToOne Car lastCar;
    }

    @Entity
    static class Dock {
        @Id @Generated Long id;
        @ManyToOne Boat flagship;
    }

    @Entity
    @Inheritance(subclasses = {Ferry.class})
    @DiscriminatorValue("boat")
    static class Boat {
        @Id @Generated Long id;
    }

    @Entity
    @DiscriminatorValue("ferry")
    static class Ferry extends Boat {
        @ManyToOne(postUpdate = true) Dock base;
    }
}
