package dev.retort.orm.inherit;

import dev.retort.engine.Engine;
import dev.retort.orm.Registry;
import dev.retort.orm.Retort;
import dev.retort.orm.Session;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.List;

import static dev.retort.orm.LoadOption.joinedLoad;
import static dev.retort.orm.LoadOption.noLoad;
import static dev.retort.orm.LoadOption.selectInLoad;
import static dev.retort.orm.OrmStatements.select;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A one-to-many collection of one subclass of a single-table hierarchy (Garage.lorries, where
 * sedans share the table and the foreign key column): loaded joined it holds the subclass's rows
 * only, as loaded select-in; and the other side of a one-to-one typed as that subclass.
 */
class JoinedSubclassCollectionTest {
    static final Registry REGISTRY = Registry.of(Garage.class, Bay.class, Motor.class, Lorry.class, Sedan.class);

    static Engine setUp(TestDatabase db) {
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        Session.runInTransaction(engine, s -> {
            Garage north = new Garage("north");
            Garage south = new Garage("south");
            s.addAll(List.of(north, south));
            s.addAll(List.of(new Lorry("L2", north, 7.5), new Sedan("S1", north, 5), new Lorry("L1", north, 12),
                    new Sedan("S2", south, 4)));
        });
        return engine;
    }

    @EachDatabase
    void aJoinedCollectionOfASubclassHoldsOnlyThatSubclass(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            List<Garage> garages = s.execute(select(Garage.class).orderBy(Garage_.NAME)
                    .options(selectInLoad(Garage_.LORRIES))).all();
            assertThat(garages.get(0).lorries).as("select-in").extracting(Object::toString).containsExactly("Lorry(L1)", "Lorry(L2)");
            assertThat(garages.get(1).lorries).as("select-in").isEmpty();
        }
        try (Session s = Session.open(engine)) {
            List<Garage> garages = Retort.expectStatements(engine, 1, () -> s.execute(select(Garage.class).orderBy(Garage_.NAME)
                    .options(joinedLoad(Garage_.LORRIES))).all());
            assertThat(garages).extracting(g -> g.name).containsExactly("north", "south");
            assertThat(garages.get(0).lorries).as("joined").extracting(Object::toString).containsExactly("Lorry(L1)", "Lorry(L2)");
            assertThat(garages.get(1).lorries).as("joined").isEmpty();
        }
        try (Session s = Session.open(engine)) {
            List<Garage> garages = Retort.expectStatements(engine, 1, () -> s.execute(select(Garage.class).orderBy(Garage_.NAME)
                    .limit(1).options(joinedLoad(Garage_.LORRIES))).all());
            assertThat(garages.get(0).lorries).as("joined, paged").extracting(Object::toString).containsExactly("Lorry(L1)", "Lorry(L2)");
        }
    }

    @EachDatabase
    void aJoinedOneToOneTypedAsASubclassIgnoresASiblingsRow(TestDatabase db) {
        Engine engine = setUp(db);
        Session.runInTransaction(engine, s -> {
            Bay one = new Bay("one");
            Bay two = new Bay("two");
            s.addAll(List.of(one, two));
            s.execute(select(Sedan.class).where(Motor_.PLATE.eq("S1"))).one().bay = one;
            s.execute(select(Lorry.class).where(Motor_.PLATE.eq("L1"))).one().bay = two;
        });
        try (Session s = Session.open(engine)) {
            List<Bay> bays = s.execute(select(Bay.class).orderBy(Bay_.NAME).options(selectInLoad(Bay_.LORRY))).all();
            assertThat(bays.get(0).lorry).as("select-in: a sedan is parked there").isNull();
            assertThat(bays.get(1).lorry).as("select-in").hasToString("Lorry(L1)");
        }
        try (Session s = Session.open(engine)) {
            List<Bay> bays = Retort.expectStatements(engine, 1, () -> s.execute(select(Bay.class).orderBy(Bay_.NAME)
                    .options(joinedLoad(Bay_.LORRY).then(noLoad(Motor_.GARAGE)))).all());
            assertThat(bays.get(0).lorry).as("joined: a sedan is parked there").isNull();
            assertThat(bays.get(1).lorry).as("joined").hasToString("Lorry(L1)");
        }
    }

    /** A join along the collection, and its EXISTS, match the subclass's rows only, as joinedLoad does. */
    @EachDatabase
    void aJoinAlongACollectionOfASubclassMatchesOnlyThatSubclass(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            assertThat(s.execute(select(Garage.class).join(Garage_.LORRIES).where(Motor_.PLATE.eq("S1"))).all())
                    .as("S1 is a sedan, not one of the lorries").isEmpty();
            assertThat(s.execute(select(Garage.class).join(Garage_.LORRIES).where(Motor_.PLATE.eq("L1"))).all())
                    .extracting(g -> g.name).containsExactly("north");
            assertThat(s.execute(select(Garage.class).where(Garage_.LORRIES.any())).all())
                    .as("south has a sedan only").extracting(g -> g.name).containsExactly("north");
            List<Garage> withLorry = s.execute(select(Garage.class).join(Garage_.LORRIES).where(Motor_.PLATE.like("%"))
                    .distinct().orderBy(Garage_.NAME).limit(5).options(joinedLoad(Garage_.LORRIES))).all();
            assertThat(withLorry).extracting(g -> g.name).containsExactly("north");
            assertThat(withLorry.get(0).lorries).extracting(Object::toString).containsExactly("Lorry(L1)", "Lorry(L2)");
            dev.retort.sql.TableAlias lorry = Motor_.TABLE.as("lorry");
            assertThat(s.execute(select(Garage.class).join(Garage_.LORRIES, lorry).where(lorry.column(Motor_.PLATE).eq("S1"))).all())
                    .as("through an alias too: S1 is a sedan").isEmpty();
            assertThat(s.execute(select(Garage.class).outerJoin(Garage_.LORRIES, lorry).where(lorry.column(Motor_.PLATE).eq("L1")))
                    .all()).extracting(g -> g.name).containsExactly("north");
        }
    }
}
