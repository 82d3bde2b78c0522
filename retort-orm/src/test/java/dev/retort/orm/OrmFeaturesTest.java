package dev.retort.orm;

import dev.retort.InvalidStateException;
import dev.retort.dialect.Capability;
import dev.retort.engine.Engine;
import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.model.Account;
import dev.retort.orm.model.Account_;
import dev.retort.orm.model.Author;
import dev.retort.orm.model.Author_;
import dev.retort.orm.model.Currency;
import dev.retort.orm.model.Enrollment;
import dev.retort.orm.model.Note;
import dev.retort.orm.model.Person;
import dev.retort.orm.model.Seat;
import dev.retort.orm.model.Ticket;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.retort.orm.OrmStatements.delete;
import static dev.retort.orm.OrmStatements.select;
import static dev.retort.orm.OrmStatements.update;
import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Defaults, hooks, validators, merge, read-only entities, sequences, bulk statements and the statement budget. */
class OrmFeaturesTest {
    static final Registry REGISTRY = Registry.of(Note.class, Currency.class, Author.class, Account.class, Person.class);

    static Engine setUp(TestDatabase db) {
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        return engine;
    }

    @EachDatabase
    void clientAndServerDefaultsHooksAndValidators(TestDatabase db) {
        Engine engine = setUp(db);
        Note.Clock.now = LocalDateTime.of(2024, 1, 1, 9, 0);
        List<String> heard = new ArrayList<>();
        try (Session s = Session.open(engine)) {
            s.addListener((event, entity) -> heard.add(event + " " + entity.getClass().getSimpleName()));
            Note n = new Note("  buy milk  ");
            s.add(n);
            assertThat(n.body).as("the validator runs at add").isEqualTo("buy milk");
            s.flush();
            assertThat(n.createdAt).isEqualTo(LocalDateTime.of(2024, 1, 1, 9, 0));
            assertThat(n.updatedAt).isNull();
            assertThat(n.status).as("fetched server default").isEqualTo("new");
            assertThat(n.priority).as("a server default not asked for stays unknown").isNull();
            assertThat(n.events).containsExactly("before insert null", "after insert " + n.id);
            Note.Clock.now = LocalDateTime.of(2024, 1, 2, 10, 30);
            n.body = " buy oat milk ";
            s.flush();
            assertThat(n.body).isEqualTo("buy oat milk");
            assertThat(n.updatedAt).isEqualTo(LocalDateTime.of(2024, 1, 2, 10, 30));
            n.body = " ";
            assertThatThrownBy(s::flush).isInstanceOf(IllegalArgumentException.class).hasMessage("a note needs a body");
            s.rollback();
            assertThat(s.state(n)).as("inserted in the rolled-back transaction").isEqualTo(ObjectState.TRANSIENT);
            n.body = "again";
            s.add(n);
            s.commit();
            s.refresh(n);
            assertThat(n.priority).isEqualTo(7);
            s.delete(n);
            s.commit();
            assertThat(n.events).contains("before update", "after update", "after load", "before delete", "after delete");
        }
        assertThat(heard).contains("BEFORE_INSERT Note", "AFTER_INSERT Note", "BEFORE_UPDATE Note", "AFTER_UPDATE Note",
                "AFTER_LOAD Note", "BEFORE_DELETE Note", "AFTER_DELETE Note");
    }

    @EachDatabase
    void mergeCopiesADetachedObjectOntoTheSessionsOne(TestDatabase db) {
        Engine engine = setUp(db);
        Account detached;
        try (Session s = Session.open(engine)) {
            detached = new Account("ada", 10);
            s.add(detached);
            s.commit();
        }
        detached.setBalance(99);
        try (Session s = Session.open(engine)) {
            Account mine = s.get(Account.class, detached.getId());
            Account merged = s.merge(detached);
            assertThat(merged).isSameAs(mine).isNotSameAs(detached);
            assertThat(mine.getBalance()).isEqualTo(99);
            assertThat(s.state(detached)).isEqualTo(ObjectState.DETACHED);
            s.commit();
            assertThat(mine.getVersion()).isEqualTo(2);
        }
        try (Session s = Session.open(engine)) {
            assertThatThrownBy(() -> s.merge(detached)).as("the detached copy still has version 1")
                    .isInstanceOf(StaleObjectException.class).hasMessageContaining("version 2").hasMessageContaining("version 1");
            Author fresh = new Author("new via merge");
            Author copy = s.merge(fresh);
            assertThat(s.state(copy)).isEqualTo(ObjectState.PENDING);
            assertThat(s.state(fresh)).isEqualTo(ObjectState.TRANSIENT);
            s.commit();
            assertThat(copy.id).isNotNull();
        }
    }

    @EachDatabase
    void readOnlyEntitiesAreLoadedButNeverWritten(TestDatabase db) {
        Engine engine = setUp(db);
        try (var conn = engine.connect()) {
            conn.execute(text("INSERT INTO currencies (code, name) VALUES ('EUR', 'Euro')"));
            conn.commit();
        }
        try (Session s = Session.open(engine)) {
            Currency eur = s.get(Currency.class, "EUR");
            assertThat(eur.name).isEqualTo("Euro");
            eur.name = "Euro (changed)";
            assertThatThrownBy(s::flush).isInstanceOf(InvalidStateException.class)
                    .hasMessageContaining(Currency.class.getName()).hasMessageContaining("read-only");
            s.rollback();
            assertThat(eur.name).isEqualTo("Euro");
            s.add(new Currency("USD", "Dollar"));
            assertThatThrownBy(s::flush).hasMessageContaining("cannot insert");
            s.rollback();
        }
    }

    @EachDatabase(requires = Capability.SEQUENCES)
    void sequenceKeysAreReadBack(TestDatabase db) {
        Engine engine = db.engine();
        Registry.of(Ticket.class).metadata().createAll(engine);
        try (Session s = Session.open(engine)) {
            Ticket a = new Ticket("a");
            Ticket b = new Ticket("b");
            s.addAll(List.of(a, b));
            s.commit();
            assertThat(a.number).isEqualTo(1L);
            assertThat(b.number).isEqualTo(2L);
        }
    }

    @EachDatabase
    void bulkInsertUpdateAndDeleteSynchroniseTheSession(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            List<Object> rows = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                rows.add(Map.of("owner", "owner-" + (i % 3), "balance", (long) i));
            }
            long inserted = Retort.expectStatements(engine, 1, () -> s.bulkInsert(Account.class, rows));
            assertThat(inserted).isEqualTo(300);
            assertThat(s.bulkInsert(Account.class, List.of(new Account("obj", 5)))).isEqualTo(1);
            List<Account> zeros = s.execute(select(Account.class).where(Account_.OWNER.eq("owner-0"))).all();
            assertThat(zeros).hasSize(100).allSatisfy(a -> assertThat(a.getVersion()).isEqualTo(1));
            Account first = zeros.get(0);
            long before = first.getBalance();

            long changed = s.execute(update(Account.class).set(Account_.BALANCE, Account_.BALANCE.plus(1000L))
                    .where(Account_.OWNER.eq("owner-0")), Synchronize.FETCH);
            assertThat(changed).isEqualTo(100);
            assertThat(first.getBalance()).as("the loaded object took the new value").isEqualTo(before + 1000);
            assertThat(s.isModified(first)).isFalse();

            s.execute(update(Account.class).set(Account_.BALANCE, 0L).where(Account_.OWNER.eq("owner-0")), Synchronize.EXPIRE);
            assertThat(s.isExpired(first)).isTrue();
            assertThat(s.get(Account.class, first.getId()).getBalance()).isZero();

            Account one = s.execute(select(Account.class).where(Account_.OWNER.eq("owner-1"))).first().orElseThrow();
            s.execute(delete(Account.class).where(Account_.ID.eq(one.getId())), Synchronize.EXPIRE);
            assertThat(s.get(Account.class, one.getId())).as("its row is gone: the object leaves the session").isNull();
            assertThat(s.state(one)).isEqualTo(ObjectState.DETACHED);

            long deleted = s.execute(delete(Account.class).where(Account_.OWNER.eq("owner-0")), Synchronize.FETCH);
            assertThat(deleted).isEqualTo(100);
            assertThat(s.state(first)).isEqualTo(ObjectState.DELETED);
            assertThat(s.get(Account.class, first.getId())).isNull();
            s.commit();
            assertThat(s.state(first)).isEqualTo(ObjectState.DETACHED);
            assertThat(SessionTest.countRows(s, "account")).isEqualTo(200);
            assertThat(s.bulkInsert(Person.class, List.of(Map.of("fullName", "bulk"), Map.of("fullName", "loaded"))))
                    .as("UUID keys are generated").isEqualTo(2);
            assertThat(s.execute(select(Person.class)).all()).extracting(p -> p.id).doesNotContainNull().doesNotHaveDuplicates();
            assertThatThrownBy(() -> s.execute(update(Account.class).set(Author_.NAME, "x").whereAll(), Synchronize.NONE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to authors");
            assertThatThrownBy(() -> s.bulkInsert(Account.class, List.of(Map.of("ownr", "x"))))
                    .hasMessageContaining("has key ownr").hasMessageContaining("owner");
        }
    }

    @EachDatabase
    void theStatementBudgetListsWhatRan(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            for (int i = 0; i < 3; i++) {
                s.add(new Author("a" + i));
            }
            s.commit();
            List<Long> ids = s.execute(select(Author.class)).all().stream().map(a -> a.id).toList();
            s.expireAll();
            assertThatThrownBy(() -> Retort.expectStatements(engine, 2, () -> {
                for (Long id : ids) {
                    s.get(Author.class, id);
                }
            })).isInstanceOf(Retort.StatementBudgetExceeded.class)
                    .hasMessageContaining("Expected at most 2 statements but 3 ran")
                    .hasMessageContaining("-- get(Author, " + ids.get(2) + ")");
            Author a = s.get(Author.class, ids.get(0));
            a.email = "x@example.org";
            Retort.StatementBudgetExceeded e = org.junit.jupiter.api.Assertions.assertThrows(Retort.StatementBudgetExceeded.class,
                    () -> Retort.expectStatements(engine, 1, () -> s.execute(select(Author.class).where(Author_.EMAIL.isNotNull())).all()));
            assertThat(e.statements()).hasSize(2);
            assertThat(e.statements().get(0)).startsWith("UPDATE authors SET email = ?").contains("-- flush: UPDATE of 1 Author");
            assertThat(e.statements().get(1)).contains("-- query of Author");
        }
    }

    @EachDatabase
    void tableLevelUniqueConstraintsAndIndexes(TestDatabase db) {
        Engine engine = db.engine();
        Registry.of(Enrollment.class).metadata().createAll(engine);
        try (Session s = Session.open(engine)) {
            var inspector = s.connection().inspector();
            assertThat(inspector.uniqueConstraints(null, "enrollment")).singleElement()
                    .satisfies(u -> assertThat(u.columns()).containsExactly("student_id", "course"));
            assertThat(inspector.indexes(null, "enrollment")).anySatisfy(ix -> {
                assertThat(ix.name()).isEqualTo("ix_enrollment_term");
                assertThat(ix.elements()).extracting(e -> e.column()).containsExactly("term_year", "term_season");
            });
            s.add(new Enrollment(1, "math", new Enrollment.Term(2024, "fall")));
            s.add(new Enrollment(1, "math", new Enrollment.Term(2025, "spring")));
            assertThatThrownBy(s::flush).isInstanceOf(dev.retort.UniqueViolationException.class);
            s.rollback();
        }
        assertThatThrownBy(() -> EntityMapping.of(BadUnique.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("@Unique names cours, which is no mapped field").hasMessageContaining("course");
    }

    @dev.retort.orm.Entity
    @dev.retort.orm.Unique(fields = "cours")
    static class BadUnique {
        @dev.retort.orm.Id long id;
        String course;
    }

    @EachDatabase(requires = Capability.DEFERRABLE_UNIQUE)
    void rowsSwapValuesOfAUniqueConstraintCheckedAtCommit(TestDatabase db) {
        Engine engine = db.engine();
        Registry.of(Seat.class).metadata().createAll(engine);
        try (Session s = Session.open(engine)) {
            Seat a = new Seat(1, "A1");
            Seat b = new Seat(2, "B2");
            s.addAll(List.of(a, b));
            s.commit();
            a.code = "B2";
            b.code = "A1";
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            assertThat(s.get(Seat.class, 1L).code).isEqualTo("B2");
            assertThat(s.get(Seat.class, 2L).code).isEqualTo("A1");
        }
    }
}
