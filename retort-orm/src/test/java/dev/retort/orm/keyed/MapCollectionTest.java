package dev.retort.orm.keyed;

import dev.retort.engine.Engine;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.MappingException;
import dev.retort.orm.OneToMany;
import dev.retort.orm.Registry;
import dev.retort.orm.RelatedMap;
import dev.retort.orm.Retort;
import dev.retort.orm.Session;
import dev.retort.orm.mapping.EntityMapping;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.retort.orm.LoadOption.joinedLoad;
import static dev.retort.orm.LoadOption.selectInLoad;
import static dev.retort.orm.OrmStatements.select;
import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One-to-many collections held as a Map keyed by an element field, on every database. */
class MapCollectionTest {
    static final Registry REGISTRY = Registry.of(Shelf.class, Jar.class);

    static Engine setUp(TestDatabase db) {
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        Session.runInTransaction(engine, s -> {
            Shelf pantry = new Shelf("pantry");
            pantry.jars.put("B2", new Jar("B2", "rice"));
            pantry.jars.put("A1", new Jar("A1", "flour"));
            Shelf garage = new Shelf("garage");
            garage.jars.put("C3", new Jar("C3", "nails"));
            s.addAll(List.of(pantry, garage));
        });
        return engine;
    }

    /** slot -> content of a shelf's jars, read with plain SQL. */
    static Map<String, String> stored(Engine engine, String shelf) {
        Map<String, String> out = new java.util.TreeMap<>();
        try (var c = engine.connect()) {
            c.execute(text("SELECT j.slot, j.content FROM jar j JOIN shelf s ON s.id = j.shelf_id WHERE s.name = :n")
                    .bind("n", shelf)).all().forEach(r -> out.put((String) r.get(0), (String) r.get(1)));
        }
        return out;
    }

    @EachDatabase
    void aMapIsFilledByKeyAndLoadsLazilyOrSelectInOrJoined(TestDatabase db) {
        Engine engine = setUp(db);
        assertThat(stored(engine, "pantry")).containsExactly(Map.entry("A1", "flour"), Map.entry("B2", "rice"));
        try (Session s = Session.open(engine)) {
            Shelf pantry = s.execute(select(Shelf.class).where(Shelf_.NAME.eq("pantry"))).one();
            assertThat(pantry.jars).isInstanceOf(RelatedMap.class);
            assertThat(((RelatedMap<?, ?>) pantry.jars).isLoaded()).isFalse();
            Jar flour = Retort.expectStatements(engine, 1, () -> pantry.jars.get("A1"));   // lazy: one SELECT on access
            assertThat(flour.content).isEqualTo("flour");
            assertThat(flour.shelf).isSameAs(pantry);
            assertThat(pantry.jars.keySet()).as("in the relationship's order").containsExactly("A1", "B2");
        }
        for (var option : List.of(selectInLoad(Shelf_.JARS), joinedLoad(Shelf_.JARS))) {
            try (Session s = Session.open(engine)) {
                List<Shelf> shelves = Retort.expectStatements(engine, option.toString().contains("JOINED") ? 1 : 2,
                        () -> s.execute(select(Shelf.class).orderBy(Shelf_.NAME).options(option)).all());
                Retort.expectStatements(engine, 0, () -> {
                    assertThat(shelves.get(0).jars).containsOnlyKeys("C3");
                    assertThat(shelves.get(1).jars.get("B2").content).isEqualTo("rice");
                });
            }
        }
    }

    @EachDatabase
    void puttingRemovingAndReplacingWriteTheRows(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Shelf pantry = s.execute(select(Shelf.class).where(Shelf_.NAME.eq("pantry"))).one();
            Jar sugar = new Jar("D4", "sugar");
            pantry.jars.put("D4", sugar);
            assertThat(sugar.shelf).as("putting sets the element's reference at once").isSameAs(pantry);
            pantry.jars.remove("B2");                     // an orphan: deleted at the flush
            pantry.jars.put("A1", new Jar("A1", "oats"));  // replaces the flour jar, which becomes an orphan
            s.commit();
        }
        assertThat(stored(engine, "pantry")).containsExactly(
                Map.entry("A1", "oats"), Map.entry("D4", "sugar"));
        try (Session s = Session.open(engine)) {
            assertThat(s.execute(select(Jar.class)).all()).extracting(j -> j.content)
                    .containsExactlyInAnyOrder("oats", "sugar", "nails");
        }
    }

    @EachDatabase
    void movingAJarToAnotherShelfRefilesIt(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            List<Shelf> shelves = s.execute(select(Shelf.class).orderBy(Shelf_.NAME).options(selectInLoad(Shelf_.JARS))).all();
            Shelf garage = shelves.get(0);
            Shelf pantry = shelves.get(1);
            Jar nails = garage.jars.get("C3");
            pantry.jars.put("C3", nails);                  // taken from the garage's map, not an orphan
            assertThat(garage.jars).doesNotContainKey("C3");
            s.commit();
        }
        assertThat(stored(engine, "pantry")).containsOnlyKeys("A1", "B2", "C3");
        assertThat(stored(engine, "garage")).isEmpty();
    }

    @EachDatabase
    void aKeyOtherThanTheElementsIsRefusedAndChangesNothing(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Shelf pantry = s.execute(select(Shelf.class).where(Shelf_.NAME.eq("pantry"))).one();
            Jar salt = new Jar("E5", "salt");
            assertThatThrownBy(() -> pantry.jars.put("A1", salt)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("under its slot, which is E5").hasMessageContaining("put it under E5");
            assertThat(salt.shelf).isNull();
            assertThat(pantry.jars.get("A1").content).isEqualTo("flour");
            Jar blank = new Jar("F6", "pepper");
            blank.slot = null;
            assertThatThrownBy(() -> pantry.jars.put(null, blank)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the field is null");
            s.commit();
        }
        assertThat(stored(engine, "pantry")).containsOnlyKeys("A1", "B2");
    }

    @EachDatabase
    void aPlainMapInTheFieldOfANewObjectIsTakenOver(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Shelf attic = new Shelf("attic");
            attic.jars = new java.util.HashMap<>(Map.of("Z9", new Jar("Z9", "buttons")));
            s.add(attic);
            assertThat(attic.jars).isInstanceOf(RelatedMap.class);
            assertThat(attic.jars.get("Z9").shelf).isSameAs(attic);
            s.commit();
        }
        assertThat(stored(engine, "attic")).containsExactly(Map.entry("Z9", "buttons"));
    }

    @EachDatabase
    void aDetachedMapIsMerged(TestDatabase db) {
        Engine engine = setUp(db);
        Shelf detached;
        try (Session s = Session.open(engine)) {
            detached = s.execute(select(Shelf.class).where(Shelf_.NAME.eq("pantry")).options(selectInLoad(Shelf_.JARS))).one();
        }
        detached.jars.remove("B2");
        detached.jars.get("A1").content = "wholemeal";
        Jar honey = new Jar("G7", "honey");
        detached.jars.put("G7", honey);
        try (Session s = Session.open(engine)) {
            Shelf merged = s.merge(detached);
            assertThat(merged.jars).containsOnlyKeys("A1", "G7");
            assertThat(merged.jars.get("G7")).isNotSameAs(honey);
            s.commit();
        }
        assertThat(stored(engine, "pantry")).containsExactly(Map.entry("A1", "wholemeal"), Map.entry("G7", "honey"));
    }

    @Test
    void mapMistakesAreRefusedAtStartUp() {
        assertThatThrownBy(() -> EntityMapping.of(NoKey.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("field items is a Map but names no mapKey");
        assertThatThrownBy(() -> Registry.of(WrongKey.class, ItemB.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("keyed by ItemB.colour, which is not a mapped field");
        assertThatThrownBy(() -> Registry.of(WrongType.class, ItemC.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("a Map with Integer keys but ItemC.code is a String");
        assertThatThrownBy(() -> EntityMapping.of(KeyOnList.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("names mapKey \"code\" but is a List");
    }

    @Entity
    static class NoKey {
        @Id @Generated Long id;
        @OneToMany(mappedBy = "a") Map<String, Object> items;
    }

    @Entity
    static class WrongKey {
        @Id @Generated Long id;
        @OneToMany(mappedBy = "b", mapKey = "colour") Map<String, ItemB> items;
    }

    @Entity
    static class ItemB {
        @Id @Generated Long id;
        String code;
        @ManyToOne WrongKey b;
    }

    @Entity
    static class WrongType {
        @Id @Generated Long id;
        @OneToMany(mappedBy = "c", mapKey = "code") Map<Integer, ItemC> items;
    }

    @Entity
    static class ItemC {
        @Id @Generated Long id;
        String code;
        @ManyToOne WrongType c;
    }

    @Entity
    static class KeyOnList {
        @Id @Generated Long id;
        @OneToMany(mappedBy = "d", mapKey = "code") List<ItemB> items;
    }
}
