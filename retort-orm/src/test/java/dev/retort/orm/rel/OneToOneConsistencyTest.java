package dev.retort.orm.rel;

import dev.retort.engine.Engine;
import dev.retort.orm.ObjectState;
import dev.retort.orm.Session;
import dev.retort.orm.Synchronize;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.List;

import static dev.retort.orm.OrmStatements.delete;
import static dev.retort.orm.OrmStatements.select;
import static dev.retort.orm.OrmStatements.update;
import static dev.retort.orm.rel.OneToOneTest.fillClerks;
import static dev.retort.orm.rel.OneToOneTest.fillPersons;
import static dev.retort.orm.rel.OneToOneTest.desks;
import static dev.retort.orm.rel.OneToOneTest.passports;
import static dev.retort.orm.rel.OneToOneTest.rows;
import static dev.retort.orm.rel.OneToOneTest.setUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One-to-ones whose owning side changes under the session's feet (a synchronized bulk UPDATE or
 * DELETE, another session's change reloaded into an expired object): the remembered other sides
 * follow, so that a later delete cascade or orphan check acts on the right objects.
 */
class OneToOneConsistencyTest {

    @EachDatabase
    void aSynchronizedBulkUpdateOfTheOwningColumnMovesTheOtherSidesToo(TestDatabase db) {
        Engine engine = setUp(db);
        fillPersons(engine);
        try (Session s = Session.open(engine)) {
            List<Person> persons = s.execute(select(Person.class).orderBy(Person_.NAME)).all();
            Person p1 = persons.get(1);
            Person p3 = persons.get(3);
            Passport n1 = p1.passport;
            assertThat(n1.number).isEqualTo("N1");
            assertThat(p3.passport).isNull();
            // N1 now belongs to p3 in the database, and the session's passport is told so.
            s.execute(update(Passport.class).set(Passport_.HOLDER_ID, p3.id).where(Passport_.NUMBER.eq("N1")), Synchronize.FETCH);
            assertThat(n1.holder).isSameAs(p3);
            assertThat(p3.passport).as("p3's passport is N1 since the update").isSameAs(n1);
            assertThat(p1.passport).as("p1 no longer holds N1").isNull();
            s.delete(p1);                                      // cascades to p1's passport: it has none
            s.commit();
        }
        assertThat(passports(engine))
                .containsExactly("p0 N0", "p2 N2", "p3 N1");
    }

    @EachDatabase
    void anExpiredOwningSideReloadedWithAnotherTargetDoesNotLeaveTheOldOneHoldingIt(TestDatabase db) {
        Engine engine = setUp(db);
        fillPersons(engine);
        try (Session s = Session.open(engine)) {
            List<Person> persons = s.execute(select(Person.class).orderBy(Person_.NAME)).all();
            Person p1 = persons.get(1);
            Person p3 = persons.get(3);
            Passport n1 = p1.passport;
            s.commit();                                        // everything expired
            try (Session other = Session.open(engine)) {      // N1 goes to p3 elsewhere
                Passport x = other.execute(select(Passport.class).where(Passport_.NUMBER.eq("N1"))).one();
                x.holder = other.execute(select(Person.class).where(Person_.NAME.eq("p3"))).one();
                other.commit();
            }
            s.execute(select(Passport.class).where(Passport_.NUMBER.eq("N1"))).one();   // reloads N1 only
            assertThat(n1.holder).isSameAs(p3);
            assertThat(p1.passport).as("p1 no longer holds N1").isNotSameAs(n1);
            s.delete(p1);                                      // must not take N1, which is p3's now
            s.commit();
        }
        assertThat(passports(engine))
                .containsExactly("p0 N0", "p2 N2", "p3 N1");
    }

    @EachDatabase
    void aSynchronizedBulkDeleteOfTheOwningSideLeavesTheOtherSideEmpty(TestDatabase db) {
        Engine engine = setUp(db);
        fillClerks(engine);
        try (Session s = Session.open(engine)) {
            Clerk c1 = s.execute(select(Clerk.class).where(Clerk_.NAME.eq("c1"))).one();
            Desk d1 = c1.desk;
            s.execute(delete(Desk.class).where(Desk_.LABEL.eq("d1")), Synchronize.FETCH);
            assertThat(s.state(d1)).isNotEqualTo(ObjectState.PERSISTENT);
            assertThat(c1.desk).as("the deleted desk leaves the clerk, as a deleted child leaves a loaded collection").isNull();
            Desk d3 = s.execute(select(Desk.class).where(Desk_.LABEL.eq("d3"))).one();
            c1.desk = d3;
            s.commit();
        }
        assertThat(desks(engine))
                .containsExactly("d2 c2", "d3 c1");
    }

    @EachDatabase
    void deletingAnExpiredOtherSideCascadesToWhatTheDatabaseHoldsNow(TestDatabase db) {
        Engine engine = setUp(db);
        fillPersons(engine);
        try (Session s = Session.open(engine)) {
            Person p1 = s.execute(select(Person.class).where(Person_.NAME.eq("p1"))).one();
            assertThat(p1.passport.number).isEqualTo("N1");
            s.commit();                                        // expired: p1's passport loads again when met
            try (Session other = Session.open(engine)) {      // p1's passport is replaced elsewhere
                Person p = other.execute(select(Person.class).where(Person_.NAME.eq("p1"))).one();
                p.passport = new Passport("N1-new");
                other.commit();
            }
            s.delete(p1);                                      // DELETE cascades to the passport it has now
            s.commit();
        }
        assertThat(passports(engine))
                .containsExactly("p0 N0", "p2 N2", "p3 null");
        assertThat(rows(engine, "SELECT x.number FROM passport x ORDER BY x.number")).containsExactly("N0", "N2");
    }

    @EachDatabase
    void deletingAnExpiredOtherSideUnlinksWhatRefersToItNow(TestDatabase db) {
        Engine engine = setUp(db);
        fillClerks(engine);
        try (Session s = Session.open(engine)) {
            Clerk c1 = s.execute(select(Clerk.class).where(Clerk_.NAME.eq("c1"))).one();
            assertThat(c1.desk.label).isEqualTo("d1");
            s.commit();
            try (Session other = Session.open(engine)) {      // c1 moves from d1 to d3 elsewhere
                Clerk c = other.execute(select(Clerk.class).where(Clerk_.NAME.eq("c1"))).one();
                c.desk = other.execute(select(Desk.class).where(Desk_.LABEL.eq("d3"))).one();
                other.commit();
            }
            s.delete(c1);                                      // d3's clerk_id is set to NULL first
            s.commit();
        }
        assertThat(desks(engine))
                .containsExactly("d1 null", "d2 c2", "d3 null");
    }

    @EachDatabase
    void aLoadedOwningRowTellsAnOtherSideKnownEmptyThatItIsTakenNow(TestDatabase db) {
        Engine engine = setUp(db);
        fillClerks(engine);
        try (Session s = Session.open(engine)) {
            Clerk c3 = new Clerk("c3");
            s.add(c3);
            s.flush();
            assertThat(c3.desk).isNull();                      // known: no desk
            // d3 (not in the session) takes c3 in the database; the bulk UPDATE has no object of the session to update.
            s.execute(update(Desk.class).set(Desk_.CLERK_ID, c3.id).where(Desk_.LABEL.eq("d3")), Synchronize.FETCH);
            Desk d3 = s.execute(select(Desk.class).where(Desk_.LABEL.eq("d3"))).one();
            assertThat(d3.clerk).isSameAs(c3);
            assertThat(c3.desk).as("the row read says d3 is c3's desk (its clerk_id is UNIQUE)").isSameAs(d3);
            c3.desk = new Desk("d9");                          // d3 must give c3 up before d9 takes it
            s.commit();
        }
        assertThat(desks(engine))
                .containsExactly("d1 c1", "d2 c2", "d3 null", "d9 c3");
    }

    @EachDatabase
    void aBulkUpdateThatExpiresTheOwningSideExpiresWhatTheOtherSideKnows(TestDatabase db) {
        Engine engine = setUp(db);
        fillPersons(engine);
        try (Session s = Session.open(engine)) {
            List<Person> persons = s.execute(select(Person.class).orderBy(Person_.NAME)).all();
            Person p1 = persons.get(1);
            Person p3 = persons.get(3);
            Passport n1 = p1.passport;
            // N1 goes to p3; the session's passports are expired, the persons are not touched.
            s.execute(update(Passport.class).set(Passport_.HOLDER_ID, p3.id).where(Passport_.NUMBER.eq("N1")), Synchronize.EXPIRE);
            assertThat(s.isExpired(n1)).isTrue();
            s.delete(p1);                                      // must not take N1, which is p3's now
            s.commit();
        }
        assertThat(passports(engine))
                .containsExactly("p0 N0", "p2 N2", "p3 N1");
    }

    @EachDatabase
    void expiringTheOwningSideAloneReloadsTheOtherSideWhenAQueryMeetsIt(TestDatabase db) {
        Engine engine = setUp(db);
        fillClerks(engine);
        try (Session s = Session.open(engine)) {
            List<Clerk> clerks = s.execute(select(Clerk.class).orderBy(Clerk_.NAME)).all();
            Clerk c1 = clerks.get(0);
            Desk d1 = c1.desk;
            s.execute(update(Desk.class).set(Desk_.CLERK_ID, (Long) null).where(Desk_.LABEL.eq("d1")), Synchronize.EXPIRE);
            s.execute(select(Clerk.class).where(Clerk_.NAME.eq("c1"))).one();
            assertThat(c1.desk).as("d1 was expired: what c1 knows of it is read again").isNull();
            assertThat(s.execute(select(Desk.class).where(Desk_.LABEL.eq("d1"))).one()).isSameAs(d1);
            assertThat(d1.clerk).isNull();
            assertThat(c1.desk).isNull();
        }
    }

    @EachDatabase
    void anExpungedOwningSideIsNotWhatTheOtherSideReplacesAtTheNextFlush(TestDatabase db) {
        Engine engine = setUp(db);
        fillClerks(engine);
        try (Session s = Session.open(engine)) {
            Clerk c1 = s.execute(select(Clerk.class).where(Clerk_.NAME.eq("c1"))).one();
            Desk d1 = c1.desk;
            s.expunge(d1);                                     // the session no longer holds d1; its row still names c1
            Desk d3 = s.execute(select(Desk.class).where(Desk_.LABEL.eq("d3"))).one();
            c1.desk = d3;                                      // d1's row must give c1 up before d3 takes it
            s.commit();
        }
        assertThat(desks(engine))
                .containsExactly("d1 null", "d2 c2", "d3 c1");
    }

    @EachDatabase
    void aFlushFailingAfterAnOrphanDeleteRollsBackToConsistentSides(TestDatabase db) {
        Engine engine = setUp(db);
        fillPersons(engine);
        fillClerks(engine);
        try (Session s = Session.open(engine)) {
            Person p0 = s.execute(select(Person.class).where(Person_.NAME.eq("p0"))).one();
            Passport n0 = p0.passport;
            Clerk c1 = s.execute(select(Clerk.class).where(Clerk_.NAME.eq("c1"))).one();
            Desk d1 = c1.desk;
            Desk d3 = s.execute(select(Desk.class).where(Desk_.LABEL.eq("d3"))).one();
            p0.passport = new Passport("X0");                  // N0 is an orphan: DELETE, then INSERT X0
            c1.desk = d3;                                      // d1 gives c1 up, d3 takes it
            s.add(new Badge("b1", c1));
            s.add(new Badge("b2", c1));                        // the UNIQUE holder_id of badge fails the flush
            assertThatThrownBy(s::flush).isInstanceOf(dev.retort.UniqueViolationException.class);
            s.rollback();
            assertThat(s.state(n0)).isEqualTo(ObjectState.PERSISTENT);
            assertThat(n0.holder).isSameAs(p0);
            assertThat(d1.clerk).isSameAs(c1);
            assertThat(d3.clerk).isNull();
            assertThat(dev.retort.orm.rel.OneToOneTest.rows(engine, "SELECT 1 FROM badge")).isEmpty();
            s.execute(select(Person.class).where(Person_.NAME.eq("p0"))).one();
            s.execute(select(Clerk.class).where(Clerk_.NAME.eq("c1"))).one();
            assertThat(p0.passport).isSameAs(n0);
            assertThat(c1.desk).isSameAs(d1);
            c1.desk = d3;                                      // the same move again, without the badges
            s.commit();
        }
        assertThat(passports(engine))
                .containsExactly("p0 N0", "p1 N1", "p2 N2", "p3 null");
        assertThat(desks(engine))
                .containsExactly("d1 null", "d2 c2", "d3 c1");
    }

    @EachDatabase
    void aDeleteFreeingTheUniqueKeyRunsBeforeTheUpdateTakingIt(TestDatabase db) {
        Engine engine = setUp(db);
        fillClerks(engine);
        fillPersons(engine);
        try (Session s = Session.open(engine)) {
            Clerk c1 = s.execute(select(Clerk.class).where(Clerk_.NAME.eq("c1"))).one();
            Desk d3 = s.execute(select(Desk.class).where(Desk_.LABEL.eq("d3"))).one();
            s.delete(c1.desk);                                 // d1 goes, and with it its clerk_id
            d3.clerk = c1;                                     // d3 takes c1 in the same flush
            Person p0 = s.execute(select(Person.class).where(Person_.NAME.eq("p0"))).one();
            Passport n1 = s.execute(select(Passport.class).where(Passport_.NUMBER.eq("N1"))).one();
            Person p1 = n1.holder;
            s.delete(p0.passport);                             // N0 goes ...
            n1.holder = p0;                                    // ... and N1 moves to p0 (p1 keeps none)
            s.commit();
            assertThat(p1.passport).isNull();
        }
        assertThat(desks(engine))
                .containsExactly("d2 c2", "d3 c1");
        assertThat(passports(engine))
                .containsExactly("p0 N1", "p1 null", "p2 N2", "p3 null");
    }

    @EachDatabase
    void afterARollbackOfAMoveEveryOtherSideReadsNullUntilLoadedAgain(TestDatabase db) {
        Engine engine = setUp(db);
        fillClerks(engine);
        try (Session s = Session.open(engine)) {
            List<Clerk> clerks = s.execute(select(Clerk.class).orderBy(Clerk_.NAME)).all();
            Clerk c1 = clerks.get(0);
            Clerk c2 = clerks.get(1);
            Desk d1 = c1.desk;
            Desk d2 = c2.desk;
            Desk d3 = s.execute(select(Desk.class).where(Desk_.LABEL.eq("d3"))).one();
            c1.desk = d3;                                      // d1 gives c1 up
            d2.clerk = null;                                   // c2 loses d2
            s.flush();
            s.rollback();                                      // the references go back to the last commit ...
            assertThat(d1.clerk).isSameAs(c1);
            assertThat(d2.clerk).isSameAs(c2);
            assertThat(d3.clerk).isNull();
            // ... and the other sides are unknown, whichever objects the rollback met first.
            assertThat(c1.desk).isNull();
            assertThat(c2.desk).isNull();
            s.execute(select(Clerk.class)).all();
            assertThat(c1.desk).isSameAs(d1);
            assertThat(c2.desk).isSameAs(d2);
        }
    }

    @EachDatabase
    void aRowReferringToItselfKeepsBothSidesWhenLoaded(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Step loop = new Step("loop");
            loop.next = loop;                                  // a one-step cycle: next_id is its own id
            s.add(loop);
            assertThat(loop.previous).isSameAs(loop);
            assertThatThrownBy(s::flush).isInstanceOf(dev.retort.InvalidStateException.class)
                    .hasMessageContaining("[Step@").hasMessageContaining("].next refers to the object itself")
                    .hasMessageContaining("Insert it with a NULL reference, flush, then set the reference")
                    .hasMessageNotContaining("not in the session");
            s.rollback();
        }
        try (Session s = Session.open(engine)) {
            Step loop = new Step("loop");
            s.add(loop);
            s.flush();
            loop.next = loop;
            s.flush();
            assertThat(loop.previous).isSameAs(loop);
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            Step loop = s.execute(select(Step.class)).one();
            assertThat(loop.next).isSameAs(loop);
            assertThat(loop.previous).isSameAs(loop);
            s.commit();                                        // nothing changed
        }
        assertThat(rows(engine, "SELECT s.name, n.name FROM step s LEFT OUTER JOIN step n ON n.id = s.next_id")).containsExactly("loop loop");
    }
}
