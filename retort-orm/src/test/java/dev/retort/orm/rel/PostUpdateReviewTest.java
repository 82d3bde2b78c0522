package dev.retort.orm.rel;

import dev.retort.engine.Engine;
import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.Inheritance;
import dev.retort.orm.InheritanceStrategy;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.Registry;
import dev.retort.orm.Session;
import dev.retort.orm.StatementCaptureAccess;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.List;
import java.util.Map;

import static dev.retort.orm.OrmStatements.select;
import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Post-update references on existing rows and in JOINED hierarchies; the flush and rollback of JOINED objects. */
class PostUpdateReviewTest {

    @EachDatabase
    void anExistingRowWhoseOnlyChangeIsAReferenceToANewRowIsLinkedByThePostUpdate(TestDatabase db) {
        Engine engine = PostUpdateTest.setUp(db);
        Session.runInTransaction(engine, s -> s.add(new Member("ada")));
        try (Session s = Session.open(engine)) {
            Member ada = s.execute(select(Member.class).where(Member_.NAME.eq("ada"))).one();
            Member dan = new Member("dan");
            ada.buddy = dan;                   // ada's only change: a reference to a row not inserted yet
            s.add(dan);
            s.flush();
            assertThat(s.isModified(ada)).isFalse();
            assertThat(StatementCaptureAccess.during(engine, s::flush)).as("a second flush sends nothing").isEmpty();
            s.commit();
        }
        assertThat(PostUpdateTest.stored(engine)).containsExactly(
                Map.entry("ada", java.util.Arrays.asList("dan", null)),
                Map.entry("dan", java.util.Arrays.asList(null, null)));
    }

    /** The root of a JOINED hierarchy whose rows name a partner (a post-update reference in the root's table). */
    @Entity
    @Inheritance(strategy = InheritanceStrategy.JOINED, subclasses = {Pilot.class})
    @DiscriminatorValue("crew")
    static class Crew {
        @Id @Generated Long id;
        String name;
        @ManyToOne(postUpdate = true) Crew partner;

        Crew() {
        }
    }

    /** A JOINED subclass. */
    @Entity
    @DiscriminatorValue("pilot")
    static class Pilot extends Crew {
        String licence;

        Pilot() {
        }

        Pilot(String name) {
            this.name = name;
            this.licence = "L-" + name;
        }
    }

    static List<String> crew(Engine engine) {
        try (var c = engine.connect()) {
            return c.execute(text("SELECT c.name, p.name FROM crew c LEFT JOIN crew p ON p.id = c.partner_id ORDER BY c.name")).all()
                    .stream().map(r -> r.get(0) + "->" + r.get(1)).toList();
        }
    }

    @EachDatabase
    void subclassObjectsOfAJoinedHierarchyNamingEachOtherAreInsertedAndDeleted(TestDatabase db) {
        Engine engine = db.engine();
        Registry.of(Crew.class, Pilot.class).metadata().createAll(engine);
        try (Session s = Session.open(engine)) {
            Pilot ann = new Pilot("ann");
            Pilot ben = new Pilot("ben");
            ann.partner = ben;
            ben.partner = ann;
            s.addAll(List.of(ann, ben));
            s.flush();
            assertThat(StatementCaptureAccess.during(engine, s::flush)).as("a second flush sends nothing").isEmpty();
            ann.partner = ann;                 // an UPDATE of a row of the hierarchy, as usual
            ben.licence = "L-2";
            s.commit();
        }
        assertThat(crew(engine)).containsExactly("ann->ann", "ben->ann");
        try (Session s = Session.open(engine)) {
            List<Crew> all = s.execute(select(Crew.class)).all();
            assertThat(all).hasSize(2).allSatisfy(c -> assertThat(c).isInstanceOf(Pilot.class));
            all.forEach(s::delete);
            s.commit();
        }
        assertThat(crew(engine)).isEmpty();
    }

    /** Seats with unique codes, each naming the next (a post-update reference). */
    @Entity
    static class Seat {
        @Id @Generated Long id;
        @dev.retort.orm.Column(length = 10, unique = true) String code;
        @ManyToOne(postUpdate = true) Seat next;

        Seat() {
        }

        Seat(String code) {
            this.code = code;
        }
    }

    static List<String> seats(Engine engine) {
        try (var c = engine.connect()) {
            return c.execute(text("SELECT s.code, n.code FROM seat s LEFT JOIN seat n ON n.id = s.next_id ORDER BY s.code")).all()
                    .stream().map(r -> r.get(0) + "->" + r.get(1)).toList();
        }
    }

    @EachDatabase
    void aReferenceToANewRowIsDeferredWhenItsUpdateRunsBeforeTheInserts(TestDatabase db) {
        Engine engine = db.engine();
        Registry.of(Seat.class).metadata().createAll(engine);
        Session.runInTransaction(engine, s -> s.addAll(List.of(new Seat("A"), new Seat("B"))));
        try (Session s = Session.open(engine)) {
            List<Seat> all = s.execute(select(Seat.class).orderBy(PostUpdateReviewTest_Seat_.CODE)).all();
            Seat a = all.get(0);
            Seat b = all.get(1);
            Seat c = new Seat("B");            // takes the code b gives up: b's UPDATE runs before the INSERT
            b.code = "X";
            a.next = c;                        // a's only change: a reference to the row not inserted yet
            s.add(c);
            s.flush();
            assertThat(StatementCaptureAccess.during(engine, s::flush)).as("a second flush sends nothing").isEmpty();
            s.commit();
        }
        assertThat(seats(engine)).containsExactly("A->B", "B->null", "X->null");
    }

    @EachDatabase
    void aRollbackPutsBackTheColumnsOfEveryTableOfAJoinedObject(TestDatabase db) {
        Engine engine = db.engine();
        Registry.of(Crew.class, Pilot.class).metadata().createAll(engine);
        Session.runInTransaction(engine, s -> s.add(new Pilot("ann")));
        try (Session s = Session.open(engine)) {
            Pilot ann = (Pilot) s.execute(select(Crew.class)).one();
            ann.name = "anna";                 // a column of the root's table (written first)
            ann.licence = "L-2";               // a column of the subclass's table
            s.flush();
            s.rollback();
            assertThat(ann.name).as("the root table's column as committed").isEqualTo("ann");
            assertThat(ann.licence).isEqualTo("L-ann");
            s.refresh(ann);
            assertThat(ann.name).isEqualTo("ann");
            ann.name = "anna";
            s.commit();
        }
        assertThat(crew(engine)).containsExactly("anna->null");
    }

    @EachDatabase
    void deletingRowsThatNameEachOtherWhenOneIsAlreadyGoneDeletesTheOther(TestDatabase db) {
        Engine engine = PostUpdateTest.setUp(db);
        try (Session s = Session.open(engine)) {
            Member ada = new Member("ada");
            Member bob = new Member("bob");
            ada.buddy = bob;
            bob.buddy = ada;
            s.addAll(List.of(ada, bob));
            s.commit();
            engine.runInTransaction(c -> {     // someone else removes ada's row
                c.execute(text("UPDATE member SET buddy_id = NULL"));
                c.execute(text("DELETE FROM member WHERE name = 'ada'"));
            });
            s.delete(ada);                     // the row is gone either way, as for a DELETE that matches no row
            s.delete(bob);
            s.commit();
        }
        assertThat(PostUpdateTest.stored(engine)).isEmpty();
    }

    @EachDatabase
    void mergingObjectsThatNameEachOtherCopiesEachOnce(TestDatabase db) {
        Engine engine = PostUpdateTest.setUp(db);
        Member ada = new Member("ada");
        Member bob = new Member("bob");
        ada.buddy = bob;
        bob.buddy = ada;                       // a cycle of new objects, built outside any session
        try (Session s = Session.open(engine)) {
            Member merged = s.merge(ada);      // cascades MERGE to bob, whose buddy is ada again
            assertThat(merged).isNotSameAs(ada);
            assertThat(merged.buddy).isNotSameAs(bob);
            assertThat(merged.buddy.name).isEqualTo("bob");
            assertThat(merged.buddy.buddy).as("one copy per object").isSameAs(merged);
            s.commit();
            ada = merged;
        }
        assertThat(PostUpdateTest.stored(engine)).containsExactly(
                Map.entry("ada", java.util.Arrays.asList("bob", null)),
                Map.entry("bob", java.util.Arrays.asList("ada", null)));
        ada.name = "ada2";                     // detached now, with its detached buddy
        ada.buddy.name = "bob2";
        try (Session s = Session.open(engine)) {
            Member merged = s.merge(ada);
            assertThat(merged.buddy.buddy).isSameAs(merged);
            s.commit();
        }
        assertThat(PostUpdateTest.stored(engine)).containsExactly(
                Map.entry("ada2", java.util.Arrays.asList("bob2", null)),
                Map.entry("bob2", java.util.Arrays.asList("ada2", null)));
    }
}
