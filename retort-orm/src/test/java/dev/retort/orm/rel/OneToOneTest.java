package dev.retort.orm.rel;

import dev.retort.engine.Engine;
import dev.retort.InvalidStateException;
import dev.retort.orm.ObjectState;
import dev.retort.orm.PendingRollbackException;
import dev.retort.orm.Registry;
import dev.retort.orm.Retort;
import dev.retort.orm.Session;
import dev.retort.orm.StatementCaptureAccess;
import dev.retort.reflect.Inspector;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.retort.orm.LoadOption.joinedLoad;
import static dev.retort.orm.LoadOption.noLoad;
import static dev.retort.orm.OrmStatements.select;
import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One-to-one relationships: the UNIQUE foreign key of the owning side, both sides kept in line in
 * memory, loading either side with exact statement counts, replacing and moving in one flush,
 * cascades and orphans.
 */
class OneToOneTest {
    static final Registry REGISTRY = Registry.of(Person.class, Passport.class, Clerk.class, Desk.class, Badge.class, Step.class);

    static Engine setUp(TestDatabase db) {
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        return engine;
    }

    /** Persons p0..p2, each with passport N0..N2, and p3 without one. */
    static void fillPersons(Engine engine) {
        Session.runInTransaction(engine, s -> {
            for (int i = 0; i < 4; i++) {
                Person p = new Person("p" + i);
                if (i < 3) {
                    p.passport = new Passport("N" + i);
                }
                s.add(p);
            }
        });
    }

    /** Clerks c1, c2 at desks d1, d2, and desk d3 free. */
    static void fillClerks(Engine engine) {
        Session.runInTransaction(engine, s -> {
            for (int i = 1; i <= 2; i++) {
                Desk d = new Desk("d" + i);
                d.clerk = new Clerk("c" + i);
                s.add(d);
            }
            s.add(new Desk("d3"));
        });
    }

    /** Each person with the number of the passport it holds ("p0 N0", "p1 null"), by name. */
    static List<String> passports(Engine engine) {
        return rows(engine, "SELECT p.name, x.number FROM person p LEFT OUTER JOIN passport x ON x.holder_id = p.id ORDER BY p.name");
    }

    /** Each desk with the name of its clerk ("d1 c1", "d3 null"), by label. */
    static List<String> desks(Engine engine) {
        return rows(engine, "SELECT d.label, c.name FROM desk d LEFT OUTER JOIN clerk c ON c.id = d.clerk_id ORDER BY d.label");
    }

    static List<String> rows(Engine engine, String sql) {
        try (var c = engine.connect()) {
            return c.execute(text(sql)).all().stream().map(r -> {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.size(); i++) {
                    cells.add(String.valueOf(r.get(i)));
                }
                return String.join(" ", cells);
            }).toList();
        }
    }

    static Set<String> uniqueColumnSets(Engine engine, String table) {
        Set<String> out = new TreeSet<>();
        try (var c = engine.connect()) {
            Inspector inspector = c.inspector();
            inspector.uniqueConstraints(null, table).forEach(u -> out.add(String.join(",", u.columns())));
            inspector.indexes(null, table).stream().filter(ix -> ix.unique()).forEach(ix -> out.add(String.join(",", ix.columnNames())));
        }
        return out;
    }

    @EachDatabase
    void theOwningSideHasAUniqueForeignKeyColumn(TestDatabase db) {
        Engine engine = db.engine();
        List<String> ddl = StatementCaptureAccess.during(engine, () -> REGISTRY.metadata().createAll(engine));
        assertThat(ddl).filteredOn(sql -> sql.startsWith("CREATE TABLE passport")).singleElement().satisfies(sql -> {
            assertThat(sql).contains("holder_id BIGINT NOT NULL").contains("UNIQUE (holder_id)")
                    .contains("FOREIGN KEY (holder_id) REFERENCES person (id)");
        });
        assertThat(uniqueColumnSets(engine, "passport")).containsExactly("holder_id");
        assertThat(uniqueColumnSets(engine, "desk")).containsExactly("clerk_id");
        assertThat(uniqueColumnSets(engine, "badge")).containsExactly("holder_id");
        assertThat(uniqueColumnSets(engine, "person")).isEmpty();      // the other side has no column
        try (var c = engine.connect()) {
            assertThat(c.inspector().columns(null, "person")).extracting(col -> col.name()).containsExactly("id", "name");
            assertThat(c.inspector().foreignKeys(null, "desk")).singleElement()
                    .satisfies(fk -> assertThat(fk.referredTable()).isEqualTo("clerk"));
        }
    }

    @EachDatabase
    void addingEitherSideSetsTheOtherAndInsertsTheReferencedRowFirst(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Person ada = new Person("ada");
            Passport a1 = new Passport("A1");
            ada.passport = a1;                                   // the other side only
            s.add(ada);
            assertThat(a1.holder).as("the owning side follows at add").isSameAs(ada);
            assertThat(s.state(a1)).isEqualTo(ObjectState.PENDING);

            Passport b1 = new Passport("B1");
            Person bob = new Person("bob");
            b1.holder = bob;                                     // the owning side only
            s.add(b1);
            assertThat(bob.passport).as("the other side follows at add").isSameAs(b1);

            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).as("persons first (however batched), then passports")
                    .allSatisfy(q -> assertThat(q).matches("INSERT INTO (person|passport) .*"));
            int firstPassport = sql.indexOf(sql.stream().filter(q -> q.startsWith("INSERT INTO passport")).findFirst().orElseThrow());
            assertThat(sql.subList(0, firstPassport)).isNotEmpty().allSatisfy(q -> assertThat(q).startsWith("INSERT INTO person"));
            assertThat(sql.subList(firstPassport, sql.size())).allSatisfy(q -> assertThat(q).startsWith("INSERT INTO passport"));
            s.commit();
        }
        assertThat(rows(engine, "SELECT p.name, x.number FROM person p JOIN passport x ON x.holder_id = p.id ORDER BY p.name"))
                .containsExactly("ada A1", "bob B1");
    }

    @EachDatabase
    void eitherSideLoadsSelectInWithOneStatementAndAMissingOneIsNull(TestDatabase db) {
        Engine engine = setUp(db);
        fillPersons(engine);
        List<String> sql = new ArrayList<>();
        try (Session s = Session.open(engine)) {
            sql.addAll(StatementCaptureAccess.during(engine, () -> {
                List<Person> persons = Retort.expectStatements(engine, 2, () -> s.execute(select(Person.class)
                        .orderBy(Person_.NAME)).all());
                assertThat(persons).extracting(p -> p.passport == null ? null : p.passport.number)
                        .containsExactly("N0", "N1", "N2", null);
                assertThat(persons.get(1).passport.holder).as("the owning side, from the identity map").isSameAs(persons.get(1));
            }));
        }
        assertThat(sql.get(1).replaceAll("\\?(, \\?)+", "?, ...")).isEqualTo(
                "SELECT passport.id, passport.number, passport.holder_id FROM passport WHERE passport.holder_id IN (?, ...)");
        try (Session s = Session.open(engine)) {
            // The owning side loads the persons select-in; their passports are known from it: no third statement.
            List<Passport> passports = Retort.expectStatements(engine, 2, () -> s.execute(select(Passport.class)
                    .orderBy(Passport_.NUMBER)).all());
            assertThat(passports).extracting(x -> x.holder.name).containsExactly("p0", "p1", "p2");
            assertThat(passports).allSatisfy(x -> assertThat(x.holder.passport).isSameAs(x));
        }
        try (Session s = Session.open(engine)) {
            // The metamodel's foreign key column of the owning side, as for a many-to-one.
            assertThat(Passport_.HOLDER_ID.name()).isEqualTo("holder_id");
            Passport n1 = s.execute(select(Passport.class).where(Passport_.HOLDER_ID.isNotNull())
                    .where(Passport_.NUMBER.eq("N1"))).one();
            // get() loads the other side select-in too, and nothing once the session holds the object.
            Person p1 = Retort.expectStatements(engine, 0, () -> s.get(Person.class, n1.holder.id));
            assertThat(p1.passport).isSameAs(n1);
            s.expunge(n1);
            s.expunge(p1);
            Person again = Retort.expectStatements(engine, 2, () -> s.get(Person.class, p1.id));
            assertThat(again).isNotSameAs(p1);
            assertThat(again.passport.number).isEqualTo("N1");
            assertThat(again.passport.holder).isSameAs(again);
        }
        try (Session s = Session.open(engine)) {
            Person p3 = Retort.expectStatements(engine, 2, () -> s.execute(select(Person.class).where(Person_.NAME.eq("p3"))).one());
            assertThat(p3.passport).isNull();
            Person p0 = Retort.expectStatements(engine, 1, () -> s.execute(select(Person.class).where(Person_.NAME.eq("p0"))
                    .options(noLoad(Person_.PASSPORT))).one());
            assertThat(p0.passport).as("not loaded").isNull();
        }
    }

    @EachDatabase
    void eitherSideLoadsJoinedInTheSameStatement(TestDatabase db) {
        Engine engine = setUp(db);
        fillClerks(engine);
        List<String> sql = new ArrayList<>();
        try (Session s = Session.open(engine)) {
            sql.addAll(StatementCaptureAccess.during(engine, () -> {
                // Desk.clerk is JOINED by default; the clerks' desks are known from it.
                List<Desk> desks = Retort.expectStatements(engine, 1, () -> s.execute(select(Desk.class).orderBy(Desk_.LABEL)).all());
                assertThat(desks).extracting(d -> d.clerk == null ? null : d.clerk.name).containsExactly("c1", "c2", null);
                assertThat(desks.get(0).clerk.desk).isSameAs(desks.get(0));
            }));
        }
        try (Session s = Session.open(engine)) {
            sql.addAll(StatementCaptureAccess.during(engine, () -> {
                List<Clerk> clerks = Retort.expectStatements(engine, 1, () -> s.execute(select(Clerk.class)
                        .options(joinedLoad(Clerk_.DESK)).orderBy(Clerk_.NAME)).all());
                assertThat(clerks).extracting(c -> c.desk.label).containsExactly("d1", "d2");
                assertThat(clerks.get(1).desk.clerk).isSameAs(clerks.get(1));
            }));
        }
        assertThat(sql).containsExactly(
                "SELECT desk.id, desk.label, desk.clerk_id, j0_clerk.id, j0_clerk.name FROM desk "
                        + "LEFT OUTER JOIN clerk AS j0_clerk ON j0_clerk.id = desk.clerk_id ORDER BY desk.label ASC",
                "SELECT clerk.id, clerk.name, j0_desk.id, j0_desk.label, j0_desk.clerk_id FROM clerk "
                        + "LEFT OUTER JOIN desk AS j0_desk ON j0_desk.clerk_id = clerk.id ORDER BY clerk.name ASC");
    }

    @EachDatabase
    void replacingTheOtherSideDeletesTheOrphanOrUnlinksTheOldObject(TestDatabase db) {
        Engine engine = setUp(db);
        fillPersons(engine);
        fillClerks(engine);
        try (Session s = Session.open(engine)) {
            Person p0 = s.execute(select(Person.class).where(Person_.NAME.eq("p0"))).one();
            Passport old = p0.passport;
            p0.passport = new Passport("N0-renewed");           // delete-orphan: the old passport goes
            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).hasSize(2);
            assertThat(sql.get(0)).as("the DELETE frees holder_id for the INSERT").startsWith("DELETE FROM passport");
            assertThat(sql.get(1)).startsWith("INSERT INTO passport");
            assertThat(s.state(old)).isEqualTo(ObjectState.DELETED);
            assertThat(p0.passport.holder).isSameAs(p0);

            Clerk c1 = s.execute(select(Clerk.class).where(Clerk_.NAME.eq("c1"))).one();
            Desk d1 = c1.desk;
            Desk d3 = s.execute(select(Desk.class).where(Desk_.LABEL.eq("d3"))).one();
            c1.desk = d3;                                        // no orphans: d1 stays, without a clerk
            sql = StatementCaptureAccess.during(engine, s::flush);
            // One batch of two rows, d1 (giving up clerk_id) before d3 (taking it): the database checks each row.
            assertThat(sql).containsExactly("UPDATE desk SET clerk_id = ? WHERE desk.id = ?");
            assertThat(d1.clerk).isNull();
            assertThat(d3.clerk).isSameAs(c1);
            s.commit();
        }
        assertThat(rows(engine, "SELECT p.name, x.number FROM person p JOIN passport x ON x.holder_id = p.id ORDER BY p.name"))
                .containsExactly("p0 N0-renewed", "p1 N1", "p2 N2");
        assertThat(desks(engine))
                .containsExactly("d1 null", "d2 c2", "d3 c1");
    }

    @EachDatabase
    void movingAOneToOneToAnotherOwnerInOneFlushFromEitherSide(TestDatabase db) {
        Engine engine = setUp(db);
        fillClerks(engine);
        try (Session s = Session.open(engine)) {
            List<Clerk> clerks = s.execute(select(Clerk.class).orderBy(Clerk_.NAME)).all();
            Clerk c1 = clerks.get(0);
            Clerk c2 = clerks.get(1);
            Desk d1 = c1.desk;
            Desk d2 = c2.desk;
            c2.desk = d1;                                        // the other side: d1 moves from c1 to c2
            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(c1.desk).as("c1 lost it in memory").isNull();
            assertThat(d1.clerk).isSameAs(c2);
            assertThat(d2.clerk).as("c2's old desk is free").isNull();
            // One batch: d2 gives up clerk_id (NULL), then d1 takes c2's key.
            assertThat(sql).containsExactly("UPDATE desk SET clerk_id = ? WHERE desk.id = ?");
            s.commit();
            assertThat(desks(engine))
                    .containsExactly("d1 c2", "d2 null", "d3 null");

            d1.clerk = c1;                                       // the owning side: d1 moves from c2 to c1
            sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).containsExactly("UPDATE desk SET clerk_id = ? WHERE desk.id = ?");
            assertThat(c1.desk).isSameAs(d1);
            assertThat(c2.desk).isNull();
            s.commit();
        }
        assertThat(desks(engine))
                .containsExactly("d1 c1", "d2 null", "d3 null");
    }

    @EachDatabase
    void swappingTwoOwnersIsTheUnitOfWorksCannotBeOrderedError(TestDatabase db) {
        Engine engine = setUp(db);
        fillClerks(engine);
        try (Session s = Session.open(engine)) {
            List<Clerk> clerks = s.execute(select(Clerk.class).orderBy(Clerk_.NAME)).all();
            Desk d1 = clerks.get(0).desk;
            Desk d2 = clerks.get(1).desk;
            clerks.get(0).desk = d2;
            clerks.get(1).desk = d1;
            assertThat(d1.clerk).isSameAs(clerks.get(0));        // nothing changes before the flush
            assertThatThrownBy(s::flush).isInstanceOf(InvalidStateException.class)
                    .hasMessageContaining("The flush cannot order the UPDATEs of desk").hasMessageContaining("swap unique values");
            assertThatThrownBy(() -> s.get(Desk.class, d1.id)).isInstanceOf(PendingRollbackException.class);
            s.rollback();
        }
        try (Session s = Session.open(engine)) {
            List<Desk> desks = s.execute(select(Desk.class).orderBy(Desk_.LABEL)).all();
            Clerk c1 = desks.get(0).clerk;
            desks.get(1).clerk = c1;                             // two owning sides claim c1: not guessed
            desks.get(2).clerk = c1;
            assertThatThrownBy(s::flush).isInstanceOf(InvalidStateException.class)
                    .hasMessageMatching("Desk\\[d[23]\\] and Desk\\[d[23]\\] both refer to Clerk\\[c1\\] through the one-to-one "
                            + "Desk.clerk, set since the last flush.*");
            s.rollback();
        }
        assertThat(desks(engine))
                .containsExactly("d1 c1", "d2 c2", "d3 null");
    }

    @EachDatabase
    void deletingCascadesToTheOtherSideOrUnlinksIt(TestDatabase db) {
        Engine engine = setUp(db);
        fillPersons(engine);
        fillClerks(engine);
        try (Session s = Session.open(engine)) {
            Person p0 = s.execute(select(Person.class).where(Person_.NAME.eq("p0"))).one();
            Passport n0 = p0.passport;
            s.delete(p0);
            assertThat(s.state(n0)).isEqualTo(ObjectState.DELETED);
            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).hasSize(2);
            assertThat(sql.get(0)).startsWith("DELETE FROM passport");
            assertThat(sql.get(1)).startsWith("DELETE FROM person");

            // Not loaded: the delete loads the passport to delete it (one statement).
            Person p1 = s.execute(select(Person.class).where(Person_.NAME.eq("p1")).options(noLoad(Person_.PASSPORT))).one();
            assertThat(p1.passport).isNull();
            List<String> loads = StatementCaptureAccess.during(engine, () -> s.delete(p1));
            assertThat(loads).singleElement().satisfies(q -> assertThat(q).startsWith("SELECT passport.id"));

            Clerk c1 = s.execute(select(Clerk.class).where(Clerk_.NAME.eq("c1"))).one();
            Desk d1 = c1.desk;
            s.delete(c1);                                        // no delete cascade: the desk stays, without its clerk
            assertThat(d1.clerk).isNull();
            sql = StatementCaptureAccess.during(engine, s::flush);     // p1's deletes were autoflushed by the query
            assertThat(sql).containsExactly("UPDATE desk SET clerk_id = ? WHERE desk.id = ?", "DELETE FROM clerk WHERE clerk.id = ?");
            s.commit();
        }
        assertThat(rows(engine, "SELECT p.name FROM person p ORDER BY p.name")).containsExactly("p2", "p3");
        assertThat(rows(engine, "SELECT x.number FROM passport x")).containsExactly("N2");
        assertThat(desks(engine))
                .containsExactly("d1 null", "d2 c2", "d3 null");
    }

    @EachDatabase
    void settingTheOtherSideToNullDeletesTheOrphan(TestDatabase db) {
        Engine engine = setUp(db);
        fillPersons(engine);
        try (Session s = Session.open(engine)) {
            Person p2 = s.execute(select(Person.class).where(Person_.NAME.eq("p2"))).one();
            Passport n2 = p2.passport;
            p2.passport = null;
            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).singleElement().satisfies(q -> assertThat(q).startsWith("DELETE FROM passport"));
            assertThat(s.state(n2)).isEqualTo(ObjectState.DELETED);
            s.commit();
        }
        assertThat(rows(engine, "SELECT x.number FROM passport x ORDER BY x.number")).containsExactly("N0", "N1");
    }

    @EachDatabase
    void aUniqueKeyViolatedByTheApplicationIsTheUsualConstraintErrorAndNeedsARollback(TestDatabase db) {
        Engine engine = setUp(db);
        fillClerks(engine);
        try (Session s = Session.open(engine)) {
            Clerk c1 = s.execute(select(Clerk.class).where(Clerk_.NAME.eq("c1"))).one();
            s.add(new Badge("B-1", c1));
            s.commit();
            Badge second = new Badge("B-2", c1);                 // Badge.holder has no other side to keep it one-to-one
            s.add(second);
            assertThatThrownBy(s::flush).isInstanceOf(dev.retort.UniqueViolationException.class);
            assertThat(s.state(second)).isEqualTo(ObjectState.TRANSIENT);
            assertThatThrownBy(() -> s.add(new Clerk("c9"))).isInstanceOf(PendingRollbackException.class)
                    .hasMessageContaining("UniqueViolationException");
            s.rollback();
        }
        assertThat(rows(engine, "SELECT b.code FROM badge b")).containsExactly("B-1");
    }

    @EachDatabase
    void existsAndJoinsGoAlongEitherSide(TestDatabase db) {
        Engine engine = setUp(db);
        fillPersons(engine);
        try (Session s = Session.open(engine)) {
            List<Person> withN1 = s.execute(select(Person.class).where(Person_.PASSPORT.has(Passport_.NUMBER.eq("N1")))
                    .options(noLoad(Person_.PASSPORT))).all();
            assertThat(withN1).extracting(p -> p.name).containsExactly("p1");
            List<Passport> ofP2 = s.execute(select(Passport.class).where(Passport_.HOLDER.has(Person_.NAME.eq("p2")))).all();
            assertThat(ofP2).extracting(x -> x.number).containsExactly("N2");
            List<Person> joined = s.execute(select(Person.class).join(Person_.PASSPORT).where(Passport_.NUMBER.ge("N1"))
                    .orderBy(Person_.NAME)).all();
            assertThat(joined).extracting(p -> p.name).containsExactly("p1", "p2");
        }
    }

    @EachDatabase
    void anUnloadedOtherSideIsLoadedWhenEitherSideIsSetToAnotherObject(TestDatabase db) {
        Engine engine = setUp(db);
        fillPersons(engine);
        try (Session s = Session.open(engine)) {
            Person p0 = s.execute(select(Person.class).where(Person_.NAME.eq("p0")).options(noLoad(Person_.PASSPORT))).one();
            p0.passport = new Passport("N0-bis");
            // The old passport must go before the new one takes holder_id: the flush reads it first.
            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).hasSize(3);
            assertThat(sql.get(0)).startsWith("SELECT passport.id, passport.number, passport.holder_id FROM passport "
                    + "WHERE passport.holder_id IN (");
            assertThat(sql.get(1)).startsWith("DELETE FROM passport");
            assertThat(sql.get(2)).startsWith("INSERT INTO passport");
            s.commit();
        }
        assertThat(rows(engine, "SELECT x.number FROM passport x ORDER BY x.number")).containsExactly("N0-bis", "N1", "N2");
        fillClerks(engine);
        try (Session s = Session.open(engine)) {
            Clerk c1 = s.execute(select(Clerk.class).where(Clerk_.NAME.eq("c1")).options(noLoad(Clerk_.DESK))).one();
            Desk d9 = new Desk("d9");
            d9.clerk = c1;                                       // the owning side takes c1, whose desk was not loaded
            List<String> sql = StatementCaptureAccess.during(engine, () -> s.add(d9));
            assertThat(sql).as("adding reads c1's desk, to unlink it").singleElement()
                    .satisfies(q -> assertThat(q).startsWith("SELECT desk.id, desk.label, desk.clerk_id FROM desk WHERE desk.clerk_id IN ("));
            assertThat(c1.desk).isSameAs(d9);
            sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).hasSize(2);
            assertThat(sql.get(0)).as("d1 gives up clerk_id before d9 takes it").isEqualTo("UPDATE desk SET clerk_id = ? WHERE desk.id = ?");
            assertThat(sql.get(1)).startsWith("INSERT INTO desk");
            s.commit();
        }
        assertThat(desks(engine))
                .containsExactly("d1 null", "d2 c2", "d3 null", "d9 c1");
    }

    @EachDatabase
    void expiryReloadsTheOtherSideAndRollbackAndRefreshPutItBack(TestDatabase db) {
        Engine engine = setUp(db);
        fillClerks(engine);
        try (Session s = Session.open(engine)) {
            Clerk c1 = s.execute(select(Clerk.class).where(Clerk_.NAME.eq("c1"))).one();
            Desk d1 = c1.desk;
            s.commit();                                          // expired; c1.desk stays d1 meanwhile
            assertThat(c1.desk).isSameAs(d1);
            try (Session other = Session.open(engine)) {        // d1 goes to nobody elsewhere
                other.execute(select(Desk.class).where(Desk_.LABEL.eq("d1"))).one().clerk = null;
                other.commit();
            }
            Retort.expectStatements(engine, 2, () -> s.execute(select(Clerk.class).where(Clerk_.NAME.eq("c1"))).one());
            assertThat(c1.desk).as("loaded again").isNull();

            Desk d3 = s.execute(select(Desk.class).where(Desk_.LABEL.eq("d3"))).one();
            c1.desk = d3;
            s.refresh(c1);
            assertThat(c1.desk).as("refresh puts back what was loaded").isNull();
            assertThat(d3.clerk).isNull();
            assertThat(StatementCaptureAccess.during(engine, s::flush)).isEmpty();

            c1.desk = d3;
            s.flush();
            assertThat(d3.clerk).isSameAs(c1);
            s.rollback();
            assertThat(c1.desk).as("unknown after a rollback").isNull();
            assertThat(d3.clerk).isNull();
            assertThat(StatementCaptureAccess.during(engine, s::flush)).isEmpty();
            Clerk again = s.execute(select(Clerk.class).where(Clerk_.NAME.eq("c1"))).one();
            assertThat(again).isSameAs(c1);
            assertThat(c1.desk).as("loaded again by the query").isNull();
            Clerk c2 = s.execute(select(Clerk.class).where(Clerk_.NAME.eq("c2"))).one();
            assertThat(c2.desk.label).isEqualTo("d2");
        }
    }

    @EachDatabase
    void addingADeletedObjectBackRestoresTheOtherSide(TestDatabase db) {
        Engine engine = setUp(db);
        fillClerks(engine);
        try (Session s = Session.open(engine)) {
            Clerk c1 = s.execute(select(Clerk.class).where(Clerk_.NAME.eq("c1"))).one();
            Desk d1 = c1.desk;
            s.delete(d1);
            assertThat(c1.desk).isNull();
            s.add(d1);
            assertThat(c1.desk).isSameAs(d1);
            s.delete(c1);
            assertThat(d1.clerk).isNull();
            s.add(c1);
            assertThat(d1.clerk).isSameAs(c1);
            assertThat(StatementCaptureAccess.during(engine, s::flush)).isEmpty();
        }
    }

    @EachDatabase
    void aOneToOneOfAnEntityWithItselfStoresAndLoadsAChain(TestDatabase db) {
        Engine engine = setUp(db);
        assertThat(uniqueColumnSets(engine, "step")).containsExactly("next_id");
        try (Session s = Session.open(engine)) {
            Step a = new Step("a");
            Step b = new Step("b");
            Step c = new Step("c");
            c.previous = b;                                      // the other side ...
            b.previous = a;
            s.add(c);                                            // ... reaches a and b, whose next follow
            assertThat(a.next).isSameAs(b);
            assertThat(b.next).isSameAs(c);
            s.commit();
        }
        assertThat(rows(engine, "SELECT s.name, n.name FROM step s LEFT OUTER JOIN step n ON n.id = s.next_id ORDER BY s.name"))
                .containsExactly("a b", "b c", "c null");
        try (Session s = Session.open(engine)) {
            // Every next is in the identity map; only a's previous (nobody's next) needs its select-in.
            List<Step> steps = Retort.expectStatements(engine, 2, () -> s.execute(select(Step.class).orderBy(Step_.NAME)).all());
            assertThat(steps).extracting(x -> x.previous == null ? null : x.previous.name).containsExactly(null, "a", "b");
            assertThat(steps).extracting(x -> x.next == null ? null : x.next.name).containsExactly("b", "c", null);
            Step a = steps.get(0);
            Step c = steps.get(2);
            a.next = c;                                          // b loses its previous; c's previous is a
            s.commit();
            assertThat(steps.get(1).previous).isNull();
            assertThat(c.previous).isSameAs(a);
        }
        assertThat(rows(engine, "SELECT s.name, n.name FROM step s LEFT OUTER JOIN step n ON n.id = s.next_id ORDER BY s.name"))
                .containsExactly("a c", "b null", "c null");
    }

    @EachDatabase
    void movingToANewOwnerInsertsItBeforeTheUpdateThatRefersToIt(TestDatabase db) {
        Engine engine = setUp(db);
        fillPersons(engine);
        try (Session s = Session.open(engine)) {
            Person p0 = s.execute(select(Person.class).where(Person_.NAME.eq("p0"))).one();
            Passport n0 = p0.passport;
            Person heir = new Person("heir");
            heir.passport = n0;                                  // taken from p0, not an orphan
            s.add(heir);
            assertThat(n0.holder).isSameAs(heir);
            assertThat(p0.passport).isNull();
            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).hasSize(2);
            assertThat(sql.get(0)).startsWith("INSERT INTO person");
            assertThat(sql.get(1)).isEqualTo("UPDATE passport SET holder_id = ? WHERE passport.id = ?");
            assertThat(s.state(n0)).isEqualTo(ObjectState.PERSISTENT);
            s.commit();
        }
        assertThat(passports(engine))
                .containsExactly("heir N0", "p0 null", "p1 N1", "p2 N2", "p3 null");
    }

    @EachDatabase
    void streamedObjectsLeaveBothSidesUnloadedAndMergeKeepsTheForeignKey(TestDatabase db) {
        Engine engine = setUp(db);
        Session.runInTransaction(engine, s -> {
            Desk desk = new Desk("D1");
            desk.clerk = new Clerk("ada");
            s.add(desk);
        });
        List<Clerk> clerks = new ArrayList<>();
        List<Desk> desks = new ArrayList<>();
        try (Session s = Session.open(engine)) {
            try (var stream = s.stream(select(Clerk.class))) {
                stream.forEach(clerks::add);
            }
            try (var stream = s.stream(select(Desk.class))) {
                stream.forEach(desks::add);
            }
        }
        assertThat(clerks).singleElement().satisfies(c -> {
            assertThat(c.name).isEqualTo("ada");
            assertThat(c.desk).as("the other side is not loaded on a streamed object").isNull();
        });
        assertThat(desks).singleElement().satisfies(d -> assertThat(d.clerk).isNull());
        Desk desk = desks.get(0);
        desk.label = "D2";
        try (Session s = Session.open(engine)) {
            s.merge(desk);
            s.commit();
            Desk back = s.execute(select(Desk.class)).one();
            assertThat(back.label).isEqualTo("D2");
            assertThat(back.clerk).as("merging the streamed desk kept its clerk_id").isNotNull();
            assertThat(back.clerk.name).isEqualTo("ada");
        }
        Clerk clerk = clerks.get(0);
        clerk.name = "ada2";
        try (Session s = Session.open(engine)) {
            s.add(clerk);                  // re-attached with its other side never loaded
            s.commit();
            Desk back = s.execute(select(Desk.class)).one();
            assertThat(back.clerk).as("an unloaded other side does not unlink the desk").isSameAs(clerk);
            assertThat(clerk.name).isEqualTo("ada2");
        }
    }
}
