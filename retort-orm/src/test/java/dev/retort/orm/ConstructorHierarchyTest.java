package dev.retort.orm;

import dev.retort.engine.Engine;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import static dev.retort.orm.OrmStatements.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Entities without a no-argument constructor in hierarchies (each row made through its own class's
 * constructor), with deferred columns, streamed and merged.
 */
class ConstructorHierarchyTest {

    /** An abstract root of a single-table hierarchy. */
    @Entity
    @Inheritance(subclasses = {Car.class, Boat.class})
    abstract static class Vehicle {
        @Id @Generated Long id;
        @Column(length = 20, nullable = false) String name;

        Vehicle(Long id, String name) {
            this.id = id;
            this.name = Objects.requireNonNull(name, "name");
        }
    }

    /** A subclass whose constructor takes an inherited field and a primitive of its own. */
    @Entity
    @DiscriminatorValue("car")
    static class Car extends Vehicle {
        int doors;

        @Creator
        Car(Long id, String name, int doors) {
            super(id, name);
            this.doors = doors;
        }

        Car(String name, int doors) {
            this(null, name, doors);
        }
    }

    /** Another subclass, with a deferred primitive column. */
    @Entity
    @DiscriminatorValue("boat")
    static class Boat extends Vehicle {
        @Deferred int berth;

        Boat(Long id, String name, int berth) {
            super(id, name);
            this.berth = berth;
        }
    }

    static final Registry REGISTRY = Registry.of(Vehicle.class, Car.class, Boat.class);

    @EachDatabase
    void rowsOfEachClassAreMadeThroughTheirOwnConstructors(TestDatabase db) {
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        Session.runInTransaction(engine, s -> s.addAll(List.of(new Car("mini", 3), new Boat(null, "ark", 7))));
        try (Session s = Session.open(engine)) {
            List<Vehicle> all = s.execute(select(Vehicle.class).orderBy(ConstructorHierarchyTest_Vehicle_.NAME)).all();
            assertThat(all).hasSize(2);
            Boat ark = (Boat) all.get(0);
            Car mini = (Car) all.get(1);
            assertThat(mini.doors).isEqualTo(3);
            assertThat(ark.name).isEqualTo("ark");
            assertThat(ark.berth).as("deferred: its Java default until loaded").isZero();
            s.undefer(ark);
            assertThat(ark.berth).isEqualTo(7);
            ark.berth = 8;
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            List<Vehicle> streamed;
            try (var stream = s.stream(select(Vehicle.class).orderBy(ConstructorHierarchyTest_Vehicle_.NAME))) {
                streamed = stream.collect(Collectors.toList());
            }
            assertThat(streamed).extracting(v -> v.getClass().getSimpleName()).containsExactly("Boat", "Car");
            Boat ark = (Boat) streamed.get(0);
            ark.name = "ark2";
            Boat merged = s.merge(ark);
            assertThat(merged).isNotSameAs(ark);
            assertThat(merged.name).isEqualTo("ark2");
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            Boat ark = (Boat) s.execute(select(Vehicle.class).where(ConstructorHierarchyTest_Vehicle_.NAME.eq("ark2"))).one();
            s.undefer(ark);
            assertThat(ark.berth).as("the merge of a streamed object leaves the deferred column it never loaded").isEqualTo(8);
            Car copy = s.merge(new Car(null, "copy", 5));
            s.flush();
            assertThat(copy.id).isNotNull();
            s.refresh(copy);
            assertThat(copy.doors).isEqualTo(5);
        }
    }

    /** A constructor that refuses a missing label, which is a deferred column. */
    @Entity
    static class Label {
        @Id @Generated Long id;
        @Deferred @Column(length = 30, nullable = false) String text;

        Label(Long id, String text) {
            if (text == null) {
                throw new IllegalArgumentException("a label needs a text");
            }
            this.id = id;
            this.text = text;
        }
    }

    @EachDatabase
    void aConstructorRefusingTheDefaultOfAColumnNotLoadedIsToldWhichColumnThatWas(TestDatabase db) {
        Engine engine = db.engine();
        Registry.of(Label.class).metadata().createAll(engine);
        Session.runInTransaction(engine, s -> s.add(new Label(null, "fragile")));
        try (Session s = Session.open(engine)) {
            assertThatThrownBy(() -> s.execute(select(Label.class)).all())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(Label.class.getName())
                    .hasMessageContaining("a label needs a text")
                    .hasMessageContaining("the query did not load " + Label.class.getName() + ".text")
                    .hasMessageContaining("undefer");
            Label loaded = s.execute(select(Label.class).options(LoadOption.undefer(ConstructorHierarchyTest_Label_.TEXT))).one();
            assertThat(loaded.text).isEqualTo("fragile");
        }
        try (Session s = Session.open(engine)) {
            assertThatThrownBy(() -> {
                try (var stream = s.stream(select(Label.class))) {
                    stream.forEach(l -> { });
                }
            }).isInstanceOf(IllegalStateException.class).hasMessageContaining("the query did not load " + Label.class.getName() + ".text");
        }
    }
}
