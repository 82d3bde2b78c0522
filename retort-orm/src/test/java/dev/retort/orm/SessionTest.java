package dev.retort.orm;

import dev.retort.InvalidStateException;
import dev.retort.UniqueViolationException;
import dev.retort.engine.Engine;
import dev.retort.orm.model.Account;
import dev.retort.orm.model.Author;
import dev.retort.orm.model.Author_;
import dev.retort.orm.model.Book;
import dev.retort.orm.model.Book_;
import dev.retort.orm.model.Category;
import dev.retort.orm.model.City;
import dev.retort.orm.model.Country;
import dev.retort.orm.model.LineItem;
import dev.retort.orm.model.Person;
import dev.retort.orm.model.Note;
import dev.retort.orm.model.Region;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.retort.orm.OrmStatements.select;
import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Session on every database: states, identity map, flush order, batching, keys, locking, failures. */
class SessionTest {

    static final Registry REGISTRY = Registry.of(Author.class, Book.class, Category.class, Region.class, Country.class,
            City.class, Account.class, LineItem.class, Person.class, Note.class);

    static Engine setUp(TestDatabase db) {
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        return engine;
    }

    @EachDatabase
    void objectStatesThroughEveryTransition(TestDatabase db) {
        Engine engine = setUp(db);
        Author ada = new Author("ada");
        try (Session s = Session.open(engine)) {
            assertThat(s.state(ada)).isEqualTo(ObjectState.TRANSIENT);
            s.add(ada);
            assertThat(s.state(ada)).isEqualTo(ObjectState.PENDING);
            assertThat(ada.id).isNull();
            s.flush();
            assertThat(s.state(ada)).isEqualTo(ObjectState.PERSISTENT);
            assertThat(ada.id).isNotNull();
            s.commit();
            assertThat(s.state(ada)).isEqualTo(ObjectState.PERSISTENT);
            assertThat(s.isExpired(ada)).isTrue();
            s.delete(ada);
            assertThat(s.state(ada)).isEqualTo(ObjectState.DELETED);
            s.flush();
            assertThat(s.state(ada)).isEqualTo(ObjectState.DELETED);
            s.rollback();                                   // the delete is undone
            assertThat(s.state(ada)).isEqualTo(ObjectState.PERSISTENT);
            assertThat(s.get(Author.class, ada.id)).isSameAs(ada);
            s.delete(ada);
            s.commit();
            assertThat(s.state(ada)).isEqualTo(ObjectState.DETACHED);
            assertThat(s.get(Author.class, ada.id)).isNull();
        }
        Author bob = new Author("bob");
        Author cy = new Author("cy");
        try (Session s = Session.open(engine)) {
            s.add(bob);
            s.add(cy);
            s.flush();
            s.delete(cy);                                  // pending delete of a flushed row
            s.rollback();                                  // bob and cy were inserted in this transaction
            assertThat(s.state(bob)).isEqualTo(ObjectState.TRANSIENT);
            assertThat(s.state(cy)).isEqualTo(ObjectState.TRANSIENT);
            assertThat(bob.id).as("a rolled-back generated key is cleared").isNull();
            s.add(bob);
            s.commit();
            assertThat(bob.id).isNotNull();
            Author again = s.get(Author.class, bob.id);
            assertThat(again).isSameAs(bob);
            s.expunge(bob);
            assertThat(s.state(bob)).isEqualTo(ObjectState.DETACHED);
        }
        assertThat(Session.open(engine).state(bob)).isEqualTo(ObjectState.DETACHED);
        try (Session s = Session.open(engine)) {
            bob.email = "bob@example.org";
            s.add(bob);                                    // re-attached: persistent, written at flush
            assertThat(s.state(bob)).isEqualTo(ObjectState.PERSISTENT);
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            Author loaded = s.get(Author.class, bob.id);
            assertThat(loaded).isNotSameAs(bob);
            assertThat(loaded.email).isEqualTo("bob@example.org");
            assertThat(countRows(s, "authors")).isEqualTo(1);
        }
    }

    @EachDatabase
    void identityMapGivesOneObjectPerRow(TestDatabase db) {
        Engine engine = setUp(db);
        long id;
        try (Session s = Session.open(engine)) {
            Author a = new Author("ada");
            s.add(a);
            s.commit();
            id = a.id;
        }
        try (Session s = Session.open(engine)) {
            List<String> sql = StatementCapture.during(engine, () -> {
                Author first = s.get(Author.class, id);
                Author second = s.get(Author.class, (int) id);     // an Integer finds the Long key
                List<Author> all = s.execute(select(Author.class)).all();
                Author queried = s.execute(select(Author.class).where(Author_.NAME.eq("ada"))).one();
                assertThat(second).isSameAs(first);
                assertThat(all).containsExactly(first);
                assertThat(queried).isSameAs(first);
            });
            assertThat(sql).as("get() of a loaded object needs no query").hasSize(3);
        }
    }

    @EachDatabase
    void updatesWriteOnlyChangedColumns(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Author a = new Author("ada");
            a.email = "ada@old.example";
            s.add(a);
            s.flush();
            List<String> sql = StatementCapture.during(engine, () -> {
                a.email = "ada@new.example";
                s.flush();
            });
            assertThat(sql).containsExactly("UPDATE authors SET email = ? WHERE authors.id = ?");
            assertThat(StatementCapture.during(engine, s::flush)).as("nothing changed, nothing sent").isEmpty();
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            assertThat(s.execute(select(Author.class)).one().email).isEqualTo("ada@new.example");
        }
    }

    @EachDatabase
    void flushOrdersRowsByForeignKeys(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            // A chain of three tables, added child first.
            s.add(new City(100, "Lyon", 10));
            s.add(new Country(10, "France", 1));
            s.add(new Region(1, "Europe"));
            // A tree within one table, added leaves first.
            s.add(new Category(3, "Espresso", 2L));
            s.add(new Category(2, "Coffee", 1L));
            s.add(new Category(1, "Drinks", null));
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            assertThat(s.get(City.class, 100L).countryId).isEqualTo(10);
            assertThat(s.get(Category.class, 3L).parentId).isEqualTo(2L);
            // Deleting parents before children in the session: the flush deletes children first.
            List<Object> parentsFirst = List.of(s.get(Region.class, 1L), s.get(Country.class, 10L), s.get(City.class, 100L),
                    s.get(Category.class, 1L), s.get(Category.class, 2L), s.get(Category.class, 3L));
            parentsFirst.forEach(s::delete);
            s.commit();
            assertThat(countRows(s, "city") + countRows(s, "country") + countRows(s, "region") + countRows(s, "category")).isZero();
        }
    }

    @EachDatabase
    void statementsOfOneShapeAreBatched(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            List<Category> cats = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                cats.add(new Category(i, "c" + i, null));
            }
            s.addAll(cats);
            assertThat(StatementCapture.during(engine, s::flush)).as("one multi-row INSERT").hasSize(1);
            for (Category c : cats) {
                c.name = c.name.toUpperCase();
            }
            assertThat(StatementCapture.during(engine, s::flush)).as("one batched UPDATE").hasSize(1);
            cats.forEach(s::delete);
            assertThat(StatementCapture.during(engine, s::flush)).as("one batched DELETE").hasSize(1);
            s.commit();
            assertThat(countRows(s, "category")).isZero();
        }
    }

    @EachDatabase
    void generatedKeysOfAThousandObjectsAreSet(TestDatabase db) {
        Engine engine = setUp(db);
        List<Author> authors = new ArrayList<>();
        try (Session s = Session.open(engine)) {
            for (int i = 0; i < 1000; i++) {
                authors.add(new Author("author-" + i));
            }
            s.addAll(authors);
            s.commit();
        }
        assertThat(authors).allSatisfy(a -> assertThat(a.id).isNotNull());
        assertThat(authors.stream().map(a -> a.id).collect(Collectors.toSet())).hasSize(1000);
        try (var conn = engine.connect()) {
            Map<Long, String> stored = new java.util.HashMap<>();
            conn.execute(text("SELECT id, name FROM authors")).forEach(r -> stored.put(((Number) r.get(0)).longValue(), (String) r.get(1)));
            for (Author a : authors) {
                assertThat(stored.get(a.id)).as("the row with key %s", a.id).isEqualTo(a.name);
            }
        }
    }

    @EachDatabase
    void optimisticLockingDetectsAConcurrentChange(TestDatabase db) {
        Engine engine = setUp(db);
        long id;
        try (Session s = Session.open(engine)) {
            Account acc = new Account("ada", 100);
            s.add(acc);
            s.commit();
            id = acc.getId();
            assertThat(acc.getVersion()).isEqualTo(1);
        }
        // The second session reads the account and ends its transaction (so that SQLite, which
        // serialises writers, lets the first one write); it keeps the object, unexpired.
        try (Session second = Session.open(engine, SessionOptions.defaults().withExpireOnCommit(false))) {
            Account a2 = second.get(Account.class, id);
            second.commit();
            try (Session first = Session.open(engine)) {
                Account a1 = first.get(Account.class, id);
                a1.setBalance(150);
                first.commit();
                assertThat(a1.getVersion()).isEqualTo(2);
            }
            a2.setBalance(10);
            assertThatThrownBy(second::flush).isInstanceOf(StaleObjectException.class)
                    .hasMessageContaining("Account").hasMessageContaining("id " + id).hasMessageContaining("expected version 1")
                    .hasMessageContaining("has version 2");
            assertThatThrownBy(() -> second.get(Account.class, id)).isInstanceOf(PendingRollbackException.class)
                    .hasMessageContaining("rollback()");
            second.rollback();
            assertThat(a2.getBalance()).as("rollback restores the last committed values").isEqualTo(100);
            Account fresh = second.get(Account.class, id);
            assertThat(fresh).isSameAs(a2);
            assertThat(fresh.getBalance()).isEqualTo(150);
            assertThat(fresh.getVersion()).isEqualTo(2);
            second.delete(fresh);
            second.commit();
            assertThat(countRows(second, "account")).isZero();
        }
    }

    @EachDatabase
    void aConstraintViolationMidFlushLeavesDatabaseAndSessionConsistent(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            s.add(new Author("taken"));
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            Author fine = new Author("fine");
            Author clash = new Author("taken");
            Region region = new Region(7, "Oceania");
            s.add(region);
            s.flush();                                   // written in this transaction
            s.add(fine);
            s.add(clash);
            assertThatThrownBy(s::flush).isInstanceOf(UniqueViolationException.class);
            assertThat(s.state(fine)).isEqualTo(ObjectState.TRANSIENT);
            assertThat(s.state(clash)).isEqualTo(ObjectState.TRANSIENT);
            assertThat(s.state(region)).as("its INSERT was rolled back too").isEqualTo(ObjectState.TRANSIENT);
            assertThatThrownBy(() -> s.add(new Author("x"))).isInstanceOf(PendingRollbackException.class)
                    .hasMessageContaining("UniqueViolationException");
            s.rollback();
            assertThat(countRows(s, "authors")).isEqualTo(1);
            assertThat(countRows(s, "region")).isZero();
            s.add(fine);
            s.commit();
            assertThat(countRows(s, "authors")).isEqualTo(2);
        }
    }

    @EachDatabase
    void deleteAndAddWithTheSameUniqueKeyInOneFlush(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            s.add(new Author("ada"));
            s.add(new Category(1, "old", null));
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            Author old = s.execute(select(Author.class)).one();
            s.delete(old);
            s.add(new Author("ada"));                                // same unique name
            s.delete(s.get(Category.class, 1L));
            s.add(new Category(1, "new", null));                     // same primary key
            s.commit();
            assertThat(countRows(s, "authors")).isEqualTo(1);
            assertThat(s.get(Category.class, 1L).name).isEqualTo("new");
        }
    }

    @EachDatabase
    void swappingUniqueValuesIsRefusedWithAClearError(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Author a = new Author("a");
            Author b = new Author("b");
            s.addAll(List.of(a, b));
            s.commit();
            a.name = "b";
            b.name = "a";
            assertThatThrownBy(s::flush).isInstanceOf(InvalidStateException.class)
                    .hasMessageContaining("swap unique values").hasMessageContaining("authors");
            s.rollback();
            a.name = "c";                                   // a chain (not a cycle) is ordered: b takes a's old name
            b.name = "a";
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            assertThat(s.execute(select(Author.class).orderBy(Author_.NAME)).all()).extracting(x -> x.name).containsExactly("a", "c");
        }
    }

    @EachDatabase
    void compositeKeysEmbeddedValuesEnumsAndUuids(TestDatabase db) {
        Engine engine = setUp(db);
        Person p = new Person("Grace Hopper", new Person.Address("1 Navy Way", "Arlington", "22202"), Person.Level.PRINCIPAL);
        p.scratch = "not stored";
        try (Session s = Session.open(engine)) {
            s.add(new LineItem(7, 1, "tea", 2));
            s.add(new LineItem(7, 2, "cake", 1));
            s.add(p);
            assertThat(p.id).as("a UUID key is set when the object is added").isNotNull();
            Book book = new Book("Untitled", null);
            book.price = new BigDecimal("12.50");
            s.add(book);
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            LineItem line = s.get(LineItem.class, new LineItem.Key(7, 2));
            assertThat(line.product).isEqualTo("cake");
            assertThat(s.get(LineItem.class, new LineItem.Key(7, 3))).isNull();
            Person loaded = s.get(Person.class, p.id);
            assertThat(loaded.homeAddress).isEqualTo(new Person.Address("1 Navy Way", "Arlington", "22202"));
            assertThat(loaded.level).isEqualTo(Person.Level.PRINCIPAL);
            assertThat(loaded.scratch).isNull();
            Book book = s.execute(select(Book.class)).one();
            assertThat(book.price).isEqualByComparingTo("12.50");
            assertThat(book.status).isEqualTo(Book.Status.DRAFT);
            loaded.homeAddress = null;                       // all three columns become NULL
            s.commit();
            s.refresh(loaded);
            assertThat(loaded.homeAddress).isNull();
        }
    }

    @EachDatabase
    void rowsHoldEntitiesAndValuesTogether(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Author ada = new Author("ada");
            Author bob = new Author("bob");
            s.addAll(List.of(ada, bob));
            s.flush();
            s.addAll(List.of(new Book("one", ada.id), new Book("two", ada.id), new Book("three", bob.id)));
            var bookCount = dev.retort.sql.Functions.count(Book_.ID);
            List<EntityRow> rows = s.execute(select(Author.class, bookCount)
                    .join(Book_.TABLE, Book_.AUTHOR_ID.eq(Author_.ID))
                    .groupBy(Author_.ID, Author_.NAME, Author_.EMAIL)
                    .orderBy(Author_.NAME)).all();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).get(Author.class)).isSameAs(ada);
            assertThat(rows.get(0).get(bookCount)).isEqualTo(2L);
            assertThat(rows.get(1).get(Author.class)).isSameAs(bob);
            assertThat(rows.get(1).get(bookCount)).isEqualTo(1L);
            record NameOnly(String name) { }
            assertThat(s.execute(dev.retort.sql.Statements.select(Author_.NAME).orderBy(Author_.NAME)).into(NameOnly.class).all())
                    .containsExactly(new NameOnly("ada"), new NameOnly("bob"));
        }
    }

    @EachDatabase
    void autoflushMakesPendingObjectsVisibleToQueries(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            s.add(new Author("ada"));
            assertThat(s.execute(select(Author.class)).all()).hasSize(1);
        }
        try (Session s = Session.open(engine, SessionOptions.defaults().withAutoflush(false))) {
            s.add(new Author("ada"));
            assertThat(s.execute(select(Author.class)).all()).isEmpty();
            s.flush();
            assertThat(s.execute(select(Author.class)).all()).hasSize(1);
        }
    }

    @EachDatabase
    void expiredObjectsReloadWhatTheApplicationDidNotChange(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Author a = new Author("ada");
            s.add(a);
            s.commit();                                              // expired
            try (var conn = engine.connect()) {
                conn.execute(text("UPDATE authors SET email = 'set@elsewhere' WHERE id = :id").bind("id", a.id));
                conn.commit();
            }
            a.name = "ada lovelace";                                 // changed here, not flushed
            try (Session other = Session.open(engine, SessionOptions.defaults())) {
                assertThat(other.get(Author.class, a.id).email).isEqualTo("set@elsewhere");
            }
            assertThat(s.get(Author.class, a.id)).isSameAs(a);        // autoflush writes the name, then reloads
            assertThat(a.email).isEqualTo("set@elsewhere");
            assertThat(a.name).isEqualTo("ada lovelace");
            a.email = "mine";
            s.refresh(a);                                            // refresh discards the change
            assertThat(a.email).isEqualTo("set@elsewhere");
            s.commit();
        }
    }

    @EachDatabase
    void inTransactionCommitsOrRollsBack(TestDatabase db) {
        Engine engine = setUp(db);
        Author ada = Session.inTransaction(engine, s -> {
            Author a = new Author("ada");
            s.add(a);
            return a;
        });
        assertThat(ada.id).as("committed, so flushed").isNotNull();
        assertThatThrownBy(() -> Session.runInTransaction(engine, s -> {
            s.add(new Author("bob"));
            s.flush();
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        try (Session s = Session.open(engine)) {
            assertThat(s.execute(select(Author.class)).all()).extracting(a -> a.name).containsExactly("ada");
        }
    }

    @EachDatabase
    void aRollbackAfterDeletingAndReAddingAKeyRestoresTheIdentityMap(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            s.add(new Category(1, "old", null));
            s.commit();
            Category old = s.get(Category.class, 1L);
            s.delete(old);
            Category replacement = new Category(1, "new", null);
            s.add(replacement);
            s.flush();
            s.rollback();
            assertThat(s.state(old)).isEqualTo(ObjectState.PERSISTENT);
            assertThat(s.state(replacement)).isEqualTo(ObjectState.TRANSIENT);
            assertThat(s.get(Category.class, 1L)).isSameAs(old);
            assertThat(old.name).isEqualTo("old");

            s.delete(old);
            s.add(replacement);
            s.flush();
            s.expunge(old);                                  // must not take the replacement's entry
            assertThat(s.get(Category.class, 1L)).isSameAs(replacement);
            s.commit();
        }
    }

    @EachDatabase
    void keysOfRowsThatWereNeverCommittedAreCleared(TestDatabase db) {
        Engine engine = setUp(db);
        long taken;
        try (Session s = Session.open(engine)) {
            Author first = new Author("first");
            s.add(first);
            s.commit();
            taken = first.id;
            Author fine = new Author("fine");
            Book orphan = new Book("no such author", taken + 1000);   // its table comes after authors
            s.addAll(List.of(fine, orphan));
            assertThatThrownBy(s::flush).isInstanceOf(dev.retort.ForeignKeyViolationException.class);
            assertThat(fine.id).as("fine was inserted, then rolled back").isNull();
            assertThat(s.state(fine)).isEqualTo(ObjectState.TRANSIENT);
            s.rollback();
        }
        Author unsaved = new Author("closed without commit");
        try (Session s = Session.open(engine)) {
            s.add(unsaved);
            s.flush();
            assertThat(unsaved.id).isNotNull();
        }
        assertThat(unsaved.id).as("close rolled the INSERT back").isNull();
        try (Session s = Session.open(engine)) {
            assertThat(countRows(s, "authors")).isEqualTo(1);
            s.add(unsaved);
            s.commit();
            assertThat(unsaved.id).isNotEqualTo(taken);
            assertThat(countRows(s, "authors")).isEqualTo(2);
        }
    }

    @EachDatabase
    void closingUndoesWhatTheTransactionWroteAndLeavesUnflushedChangesAlone(TestDatabase db) {
        Engine engine = setUp(db);
        long flushedId;
        long untouchedId;
        try (Session s = Session.open(engine)) {
            s.addAll(List.of(new Author("flushed"), new Author("untouched"), new Author("edited")));
            s.commit();
        }
        Author flushed;
        Author untouched;
        Author edited;
        Author added = new Author("added");
        try (Session s = Session.open(engine)) {
            List<Author> all = s.execute(OrmStatements.select(Author.class).orderBy(Author_.ID)).all();
            flushed = all.get(0);
            untouched = all.get(1);
            edited = all.get(2);
            flushedId = flushed.id;
            untouchedId = untouched.id;
            flushed.email = "written@x";
            s.add(added);
            s.flush();                                       // UPDATE flushed, INSERT added: not committed
            edited.email = "never flushed@x";
        }
        assertThat(flushed.email).as("its UPDATE was rolled back").isNull();
        assertThat(added.id).as("its INSERT was rolled back").isNull();
        assertThat(edited.email).as("an unflushed change stays on the detached object").isEqualTo("never flushed@x");
        assertThat(untouched.email).isNull();
        try (Session s = Session.open(engine)) {
            assertThat(s.state(flushed)).isEqualTo(ObjectState.DETACHED);
            assertThat(s.state(edited)).isEqualTo(ObjectState.DETACHED);
            assertThat(s.state(added)).isEqualTo(ObjectState.TRANSIENT);
            assertThat(s.get(Author.class, flushedId).email).isNull();
            assertThat(s.get(Author.class, untouchedId).name).isEqualTo("untouched");
            assertThat(countRows(s, "authors")).isEqualTo(3);
        }
    }

    @EachDatabase
    void closingLeavesAReattachedObjectThatWasNeverFlushedAsItIs(TestDatabase db) {
        Engine engine = setUp(db);
        Author kept;
        Author written;
        try (Session s = Session.open(engine)) {
            s.addAll(List.of(new Author("kept"), new Author("written")));
            s.commit();
            kept = s.execute(OrmStatements.select(Author.class).where(Author_.NAME.eq("kept"))).one();
            written = s.execute(OrmStatements.select(Author.class).where(Author_.NAME.eq("written"))).one();
        }
        try (Session s = Session.open(engine)) {
            s.execute(OrmStatements.select(Author.class).where(Author_.NAME.eq("written"))).one();   // the transaction has begun
            s.add(kept);                                      // re-attached: its committed values are unknown
            assertThat(s.state(kept)).isEqualTo(ObjectState.PERSISTENT);
            kept.email = "edited after add@x";                // never flushed
        }
        try (Session s = Session.open(engine)) {
            s.add(written);
            written.email = "flushed@x";
            s.flush();                                        // UPDATE written: not committed
        }
        assertThat(kept.email).as("an unflushed change stays on the detached object").isEqualTo("edited after add@x");
        assertThat(written.email).as("its UPDATE was rolled back").isNull();
        try (Session s = Session.open(engine)) {
            assertThat(s.get(Author.class, kept.id).email).isNull();
            assertThat(s.get(Author.class, written.id).email).isNull();
        }
    }

    @EachDatabase
    void closingLeavesAReattachedObjectThatWasReloadedButNeverFlushedAsItIs(TestDatabase db) {
        Engine engine = setUp(db);
        Author ada;
        try (Session s = Session.open(engine)) {
            ada = new Author("ada");
            s.add(ada);
            s.commit();
            s.refresh(ada);
        }
        ada.email = "typed while detached@x";
        try (Session s = Session.open(engine)) {
            s.add(ada);                                       // re-attached: its committed values are unknown
            s.refresh(ada);                                   // the row's values: the detached change is discarded
            assertThat(ada.email).isNull();
            ada.name = "ada, edited after the refresh";       // never flushed
        }
        assertThat(ada.email).as("the refresh discarded it; nothing was written, so the close leaves the object alone").isNull();
        assertThat(ada.name).as("an unflushed change stays on the detached object").isEqualTo("ada, edited after the refresh");
        ada.email = "typed while detached again@x";
        try (Session s = Session.open(engine, SessionOptions.defaults().withAutoflush(false))) {
            s.add(ada);
            s.expire(ada);
            assertThat(s.get(Author.class, ada.id)).isSameAs(ada);   // reloaded (nothing flushed first): the row's values
            assertThat(ada.email).isNull();
        }
        assertThat(ada.email).as("after an expire and a reload, too").isNull();
        assertThat(ada.name).isEqualTo("ada");
        ada.name = "ada, edited while detached";
        try (Session s = Session.open(engine)) {
            s.add(ada);
            s.commit();                                       // writes every column of the re-attached object
        }
        try (Session s = Session.open(engine)) {
            Author stored = s.get(Author.class, ada.id);
            assertThat(stored.email).as("the discarded changes never reach the row").isNull();
            assertThat(stored.name).isEqualTo("ada, edited while detached");
        }
    }

    @EachDatabase
    void closingLeavesAnObjectDeletedButNeverFlushedAsItIs(TestDatabase db) {
        Engine engine = setUp(db);
        Author ada;
        try (Session s = Session.open(engine)) {
            s.add(new Author("ada"));
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            ada = s.execute(OrmStatements.select(Author.class).where(Author_.NAME.eq("ada"))).one();
            ada.email = "typed before the delete@x";
            s.delete(ada);                                    // never flushed: the transaction wrote nothing
        }
        assertThat(ada.email).as("an unflushed change stays on the detached object").isEqualTo("typed before the delete@x");
        try (Session s = Session.open(engine)) {
            assertThat(s.get(Author.class, ada.id).email).isNull();
        }
    }

    @EachDatabase
    void aReattachedObjectSurvivesARollback(TestDatabase db) {
        Engine engine = setUp(db);
        Account acc = new Account("ada", 1);
        try (Session s = Session.open(engine)) {
            s.add(acc);
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            acc.setBalance(5);
            s.add(acc);
            s.flush();
            assertThat(acc.getVersion()).isEqualTo(2);
            s.rollback();
            assertThat(acc.getVersion()).as("the version of the last commit").isEqualTo(1);
            acc.setBalance(6);
            s.commit();
            assertThat(acc.getVersion()).isEqualTo(2);
        }
        try (Session s = Session.open(engine)) {
            assertThat(s.get(Account.class, acc.getId()).getBalance()).isEqualTo(6);
        }
    }

    @EachDatabase
    void uniqueValuesChangingHandsAreOrderedWithTheirForeignKeys(TestDatabase db) {
        Engine engine = setUp(db);
        Author ada;
        Author bob;
        try (Session s = Session.open(engine)) {
            ada = new Author("ada");
            bob = new Author("bob");
            s.addAll(List.of(ada, bob));
            s.flush();
            s.addAll(List.of(new Book("b1", ada.id), new Book("b2", bob.id)));
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            // A DELETE that frees a unique name runs early, and the DELETEs of rows referring to it with it.
            Author oldAda = s.get(Author.class, ada.id);
            Book b1 = s.execute(select(Book.class).where(Book_.TITLE.eq("b1"))).one();
            s.delete(oldAda);
            s.delete(b1);
            s.add(new Author("ada"));
            // An UPDATE that gives a unique name up runs before the INSERT that takes it.
            Author oldBob = s.get(Author.class, bob.id);
            oldBob.name = "bob (old)";
            s.add(new Author("bob"));
            s.commit();
            assertThat(s.execute(select(Author.class).orderBy(Author_.NAME)).all()).extracting(a -> a.name)
                    .containsExactly("ada", "bob", "bob (old)");
            assertThat(countRows(s, "book")).isEqualTo(1);
        }
    }

    @EachDatabase
    void anUpdateMovingAwayFromAnEarlyDeletedRowIsExplained(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Author ada = new Author("ada");
            Author bob = new Author("bob");
            s.addAll(List.of(ada, bob));
            s.flush();
            Book book = new Book("b", ada.id);
            s.add(book);
            s.commit();
            s.delete(ada);
            s.add(new Author("ada"));
            book.authorId = bob.id;
            assertThatThrownBy(s::flush).isInstanceOf(InvalidStateException.class).hasMessageContaining("cannot order")
                    .hasMessageContaining("Book#");
            s.rollback();
        }
    }

    @EachDatabase
    void changesInsideAByteArrayAreSeen(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Note n = new Note("bytes");
            n.attachment = new byte[] {1, 2};
            s.add(n);
            s.commit();
            s.get(Note.class, n.id);                           // reloaded after commit
            n.attachment[0] = 9;
            assertThat(s.isModified(n)).isTrue();
            s.commit();
            try (Session other = Session.open(engine)) {
                assertThat(other.get(Note.class, n.id).attachment).containsExactly(9, 2);
            }
        }
    }

    @EachDatabase
    void aVersionedDeleteOfAChangedRowIsStale(TestDatabase db) {
        Engine engine = setUp(db);
        Account acc = new Account("ada", 1);
        try (Session s = Session.open(engine)) {
            s.add(acc);
            s.commit();
        }
        try (Session mine = Session.open(engine, SessionOptions.defaults().withExpireOnCommit(false))) {
            Account a = mine.get(Account.class, acc.getId());
            mine.commit();
            try (Session theirs = Session.open(engine)) {
                theirs.get(Account.class, acc.getId()).setBalance(2);
                theirs.commit();
            }
            mine.delete(a);
            assertThatThrownBy(mine::commit).isInstanceOf(StaleObjectException.class)
                    .hasMessageContaining("DELETE of Account with id " + acc.getId()).hasMessageContaining("has version 2");
            mine.rollback();
            assertThat(mine.state(a)).isEqualTo(ObjectState.PERSISTENT);
        }
    }

    @EachDatabase(only = {DatabaseKind.SQLITE_MEMORY, DatabaseKind.SQLITE_FILE})
    void aFailedCommitLeavesTheSessionAsAFailedFlushDoes(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            s.connection().execute(text("PRAGMA defer_foreign_keys = ON")).close();   // checked at COMMIT
            Book orphan = new Book("orphan", 999L);
            s.add(orphan);
            assertThatThrownBy(s::commit).isInstanceOf(dev.retort.ForeignKeyViolationException.class);
            assertThat(s.state(orphan)).isEqualTo(ObjectState.TRANSIENT);
            assertThat(orphan.id).isNull();
            assertThatThrownBy(() -> s.add(new Author("x"))).isInstanceOf(PendingRollbackException.class);
            s.rollback();
            assertThat(countRows(s, "book")).isZero();
        }
    }

    @EachDatabase
    void detachedObjectsAreToldFromNewOnesWithTheSameKey(TestDatabase db) {
        Engine engine = setUp(db);
        Category cat;
        Author first;
        try (Session s = Session.open(engine)) {
            cat = new Category(5, "assigned", null);
            first = new Author("first");
            s.addAll(List.of(cat, first));
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            assertThat(s.state(cat)).isEqualTo(ObjectState.DETACHED);
            Author impostor = new Author("impostor");
            impostor.id = first.id;                          // a new object with a stored row's key
            assertThat(s.state(impostor)).isEqualTo(ObjectState.TRANSIENT);
            s.add(impostor);
            assertThatThrownBy(s::flush).as("an INSERT, never an UPDATE of the other row")
                    .isInstanceOf(UniqueViolationException.class);
            s.rollback();
            cat.name = "renamed";
            s.add(cat);                                      // re-attached: written at flush
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            assertThat(s.get(Author.class, first.id).name).isEqualTo("first");
            assertThat(s.get(Category.class, 5L).name).isEqualTo("renamed");
        }
    }

    static long countRows(Session s, String table) {
        return ((Number) s.execute(text("SELECT COUNT(*) FROM " + table)).scalar()).longValue();
    }
}
