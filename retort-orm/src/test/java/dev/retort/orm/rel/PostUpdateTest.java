package dev.retort.orm.rel;

import dev.retort.InvalidStateException;
import dev.retort.engine.Engine;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.MappingException;
import dev.retort.orm.Registry;
import dev.retort.orm.Session;
import dev.retort.orm.mapping.EntityMapping;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.retort.orm.OrmStatements.select;
import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows of one table that refer to each other in a cycle, through a post-update reference: the
 * INSERTs leave the column NULL and one batched UPDATE sets it; a DELETE of such rows clears it
 * first. Foreign keys are enforced on every database (SQLite with foreign_keys=ON).
 */
class PostUpdateTest {
    static final Registry REGISTRY = Registry.of(Member.class);

    static Engine setUp(TestDatabase db) {
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        return engine;
    }

    /** name -> [buddy name, sponsor name], read with plain SQL. */
    static Map<String, List<String>> stored(Engine engine) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (var c = engine.connect()) {
            c.execute(text("SELECT m.name, b.name, s.name FROM member m LEFT JOIN member b ON b.id = m.buddy_id "
                    + "LEFT JOIN member s ON s.id = m.sponsor_id ORDER BY m.name")).all()
                    .forEach(r -> out.put((String) r.get(0), java.util.Arrays.asList((String) r.get(1), (String) r.get(2))));
        }
        return out;
    }

    @EachDatabase
    void newRowsNamingEachOtherAreInsertedThenLinkedByOneBatchedUpdate(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Member ada = new Member("ada");
            Member bob = new Member("bob");
            Member cy = new Member("cy");
            ada.buddy = bob;
            bob.buddy = ada;                   // a cycle of two rows
            cy.buddy = cy;                     // a row naming itself
            cy.sponsor = ada;                  // an ordinary reference still orders the INSERTs
            s.addAll(List.of(cy, bob, ada));
            List<String> sql = dev.retort.orm.StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).as(String.join("\n", sql)).hasSizeGreaterThanOrEqualTo(2);
            assertThat(sql.subList(0, sql.size() - 1)).allSatisfy(q -> assertThat(q).startsWith("INSERT INTO member"));
            assertThat(sql.get(sql.size() - 1)).as("one batch sets every buddy")
                    .matches("UPDATE [`\"]?member[`\"]? SET [`\"]?buddy_id[`\"]? = \\? WHERE [`\"]?member[`\"]?\\.[`\"]?id[`\"]? = \\?");
            assertThat(s.isModified(ada)).as("the snapshot holds the buddy written by the UPDATE").isFalse();
            s.commit();
        }
        assertThat(stored(engine)).containsExactly(
                Map.entry("ada", java.util.Arrays.asList("bob", null)),
                Map.entry("bob", java.util.Arrays.asList("ada", null)),
                Map.entry("cy", List.of("cy", "ada")));
        try (Session s = Session.open(engine)) {
            Member ada = s.execute(select(Member.class).where(Member_.NAME.eq("ada"))).one();
            assertThat(ada.buddy.buddy).isSameAs(ada);
        }
    }

    @EachDatabase
    void changingAReferenceToANewRowWaitsForItsInsert(TestDatabase db) {
        Engine engine = setUp(db);
        Session.runInTransaction(engine, s -> s.addAll(List.of(new Member("ada"), new Member("bob"))));
        try (Session s = Session.open(engine)) {
            Member ada = s.execute(select(Member.class).where(Member_.NAME.eq("ada"))).one();
            Member dan = new Member("dan");
            dan.buddy = ada;
            ada.buddy = dan;                   // ada's UPDATE cannot name dan before dan's INSERT
            ada.name = "ada2";
            s.add(dan);
            s.commit();
        }
        assertThat(stored(engine)).containsExactly(
                Map.entry("ada2", java.util.Arrays.asList("dan", null)),
                Map.entry("bob", java.util.Arrays.asList(null, null)),
                Map.entry("dan", java.util.Arrays.asList("ada2", null)));
    }

    @EachDatabase
    void rowsNamingEachOtherAreDeletedAfterTheirReferencesAreCleared(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Member ada = new Member("ada");
            Member bob = new Member("bob");
            Member eve = new Member("eve");
            ada.buddy = bob;
            bob.buddy = ada;
            eve.buddy = ada;
            s.addAll(List.of(ada, bob, eve));
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            List<Member> all = s.execute(select(Member.class).orderBy(Member_.NAME)).all();
            Member eve = all.get(2);
            eve.buddy = null;                  // eve stays; she no longer names ada
            s.delete(all.get(0));
            s.delete(all.get(1));
            List<String> sql = dev.retort.orm.StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql.get(0)).as(String.join("\n", sql)).startsWith("UPDATE");
            assertThat(sql).anySatisfy(q -> assertThat(q).startsWith("DELETE FROM member"));
            s.commit();
        }
        assertThat(stored(engine)).containsExactly(Map.entry("eve", java.util.Arrays.asList(null, null)));
    }

    @EachDatabase
    void aBulkDeleteOfRowsNamingEachOtherClearsTheirReferencesFirst(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Member ada = new Member("ada");
            Member bob = new Member("bob");
            Member cy = new Member("cy");
            Member dan = new Member("dan");
            ada.buddy = bob;
            bob.buddy = ada;
            cy.buddy = dan;
            dan.buddy = cy;
            s.addAll(List.of(ada, bob, cy, dan));
            s.commit();
            Member held = s.execute(select(Member.class).where(Member_.NAME.eq("ada"))).one();
            long deleted = s.execute(dev.retort.orm.OrmStatements.delete(Member.class)
                    .where(Member_.NAME.in(List.of("ada", "bob"))), dev.retort.orm.Synchronize.FETCH);
            assertThat(deleted).isEqualTo(2);
            assertThat(s.state(held)).as("the session's object follows").isEqualTo(dev.retort.orm.ObjectState.DELETED);
            long more = s.execute(dev.retort.orm.OrmStatements.delete(Member.class)
                    .where(Member_.BUDDY_ID.isNotNull()), dev.retort.orm.Synchronize.NONE);   // filters on the column it clears
            assertThat(more).isEqualTo(2);
            s.commit();
        }
        assertThat(stored(engine)).isEmpty();
    }

    @EachDatabase
    void withoutPostUpdateTheSameCycleIsAClearError(TestDatabase db) {
        Engine engine = db.engine();
        Registry.of(Pair.class).metadata().createAll(engine);
        try (Session s = Session.open(engine)) {
            Pair a = new Pair();
            Pair b = new Pair();
            a.other = b;
            b.other = a;
            s.addAll(List.of(a, b));
            assertThatThrownBy(s::flush).isInstanceOf(InvalidStateException.class)
                    .hasMessageContaining("refer to each other in a cycle")
                    .hasMessageContaining("Insert one with a NULL reference");
        }
    }

    @Test
    void aPostUpdateReferenceMustBeOptionalAndMayPointAtAnotherTable() {
        assertThatThrownBy(() -> EntityMapping.of(Required.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining(Required.class.getName()).hasMessageContaining("field other")
                .hasMessageContaining("postUpdate = true but optional = false");
        assertThat(EntityMapping.of(Elsewhere.class).relationship("member").isPostUpdate())
                .as("tables that refer to each other: see CrossTablePostUpdateTest").isTrue();
    }

    /** The same cycle without post-update. */
    @Entity
    static class Pair {
        @Id @Generated Long id;
        @ManyToOne Pair other;
    }

    @Entity
    static class Required {
        @Id @Generated Long id;
        @ManyToOne(postUpdate = true, optional = false) Required other;
    }

    @Entity
    static class Elsewhere {
        @Id @Generated Long id;
        @ManyToOne(postUpdate = true) Member member;
    }
}
