package dev.retort.orm;

import dev.retort.InvalidStateException;
import dev.retort.engine.Engine;
import dev.retort.engine.EngineOptions;
import dev.retort.engine.ListenerRegistration;
import dev.retort.engine.StatementEvent;
import dev.retort.engine.StatementListener;
import dev.retort.orm.inherit.Department;
import dev.retort.orm.inherit.Director;
import dev.retort.orm.inherit.Employee_;
import dev.retort.orm.inherit.Engineer;
import dev.retort.orm.inherit.Manager;
import dev.retort.orm.inherit.Project;
import dev.retort.orm.model.Author;
import dev.retort.orm.model.Author_;
import dev.retort.orm.model.Note;
import dev.retort.orm.model.Note_;
import dev.retort.orm.rel.Customer;
import dev.retort.orm.rel.Customer_;
import dev.retort.orm.rel.Invoice;
import dev.retort.orm.rel.InvoiceLine;
import dev.retort.orm.rel.Invoice_;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.retort.orm.LoadOption.joinedLoad;
import static dev.retort.orm.LoadOption.noLoad;
import static dev.retort.orm.LoadOption.raiseLoad;
import static dev.retort.orm.LoadOption.selectInLoad;
import static dev.retort.orm.OrmStatements.select;
import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code Session.stream} on every database: the rows of the query in order, one statement, the
 * session's own objects for rows it holds and detached objects it does not keep for the others,
 * relationships left unloaded, hooks, hierarchies, and the result closed by the consumer, by an
 * exception and by the end of the session's transaction.
 */
class StreamTest {
    static final Registry AUTHORS = Registry.of(Author.class, Note.class);
    static final Registry INVOICES = Registry.of(Customer.class, Invoice.class, InvoiceLine.class);
    static final Registry STAFF = Registry.of(Department.class, dev.retort.orm.inherit.Employee.class, Engineer.class,
            Manager.class, Director.class, Project.class);

    /** An engine with the authors "author 000" ... up to {@code n - 1}, ids 1..n in name order. */
    static Engine authors(TestDatabase db, int n) {
        Engine engine = db.engine();
        AUTHORS.metadata().createAll(engine);
        fillAuthors(engine, n);
        return engine;
    }

    static void fillAuthors(Engine engine, int n) {
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(Map.of("name", String.format("author %05d", i), "email", "a" + i + "@example.org"));
        }
        Session.runInTransaction(engine, s -> s.bulkInsert(Author.class, rows));
    }

    /** Counts the results an engine closes, and the rows each had fetched. */
    static final class ClosedResults implements StatementListener {
        final List<Long> fetched = new ArrayList<>();

        @Override
        public void resultClosed(StatementEvent event, long rowsFetched) {
            fetched.add(rowsFetched);
        }
    }

    static long count(Session s, String table) {
        return ((Number) s.execute(text("SELECT COUNT(*) FROM " + table)).scalar()).longValue();
    }

    @EachDatabase
    void streamsTheQueryRowsInOrderInOneStatement(TestDatabase db) {
        Engine engine = authors(db, 30);
        try (Session s = Session.open(engine)) {
            List<String> names = new ArrayList<>();
            List<String> sql = StatementCapture.during(engine, () -> {
                try (Stream<Author> stream = s.stream(select(Author.class).where(Author_.NAME.like("author 0001%"))
                        .orderBy(Author_.NAME.desc()).limit(4))) {
                    stream.forEach(a -> names.add(a.name + " " + a.email));
                }
            });
            assertThat(names).containsExactly("author 00019 a19@example.org", "author 00018 a18@example.org",
                    "author 00017 a17@example.org", "author 00016 a16@example.org");
            assertThat(sql).containsExactly("SELECT authors.id, authors.name, authors.email FROM authors "
                    + "WHERE authors.name LIKE ? ORDER BY authors.name DESC LIMIT ?");

            try (Stream<Author> all = s.stream(select(Author.class).orderBy(Author_.ID), 7)) {
                assertThat(all.map(a -> a.id)).containsExactlyElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, 30).boxed().toList());
            }
            try (Stream<Author> none = s.stream(select(Author.class).where(Author_.NAME.eq("nobody")))) {
                assertThat(none.toList()).isEmpty();
            }
        }
    }

    @EachDatabase
    void objectsTheSessionHoldsComeBackAsThemselves(TestDatabase db) {
        Engine engine = authors(db, 5);
        try (Session s = Session.open(engine, SessionOptions.defaults().withAutoflush(false))) {
            Author held = s.get(Author.class, 2L);
            held.email = "changed in memory";
            List<Author> streamed;
            try (Stream<Author> stream = s.stream(select(Author.class).orderBy(Author_.ID))) {
                streamed = stream.toList();
            }
            assertThat(streamed).hasSize(5);
            assertThat(streamed.get(1)).isSameAs(held);
            assertThat(held.email).as("the held object is not overwritten").isEqualTo("changed in memory");
            assertThat(s.state(held)).isEqualTo(ObjectState.PERSISTENT);
            for (Author other : List.of(streamed.get(0), streamed.get(2), streamed.get(3), streamed.get(4))) {
                assertThat(s.contains(other)).isFalse();
                assertThat(s.state(other)).isEqualTo(ObjectState.DETACHED);
            }
            assertThat(s.identityMapSize()).isEqualTo(1);
            assertThat(s.get(Author.class, 1L)).as("a query after the stream makes the session's own object")
                    .isNotSameAs(streamed.get(0));
            s.rollback();
        }
        try (Session s = Session.open(engine)) {
            Author expired = s.get(Author.class, 3L);
            s.commit();                                    // expires it
            try (Session other = Session.open(engine)) {
                other.get(Author.class, 3L).email = "changed elsewhere";
                other.commit();
            }
            assertThat(s.isExpired(expired)).isTrue();
            try (Stream<Author> stream = s.stream(select(Author.class).where(Author_.ID.eq(3L)))) {
                assertThat(stream.toList()).containsExactly(expired);
            }
            assertThat(expired.email).as("an expired object is reloaded from the streamed row").isEqualTo("changed elsewhere");
            assertThat(s.isExpired(expired)).isFalse();
        }
    }

    @EachDatabase
    void streamedObjectsAreDetachedAndTheSessionKeepsNone(TestDatabase db) {
        Engine engine = authors(db, 10_000);
        try (Session s = Session.open(engine)) {
            long[] seen = {0, 0};
            try (Stream<Author> stream = s.stream(select(Author.class).orderBy(Author_.ID))) {
                stream.forEach(a -> {
                    seen[0]++;
                    seen[1] += a.id;
                    if (seen[0] % 1_000 == 0) {
                        assertThat(s.identityMapSize()).isZero();
                        assertThat(s.contains(a)).isFalse();
                        assertThat(s.state(a)).isEqualTo(ObjectState.DETACHED);
                    }
                });
            }
            assertThat(seen[0]).isEqualTo(10_000);
            assertThat(seen[1]).isEqualTo(10_000L * 10_001 / 2);
            assertThat(s.identityMapSize()).isZero();

            Author changed;
            try (Stream<Author> stream = s.stream(select(Author.class).where(Author_.ID.eq(7L)))) {
                changed = stream.findFirst().orElseThrow();
            }
            changed.email = "not flushed";
            s.commit();
            assertThat(s.execute(text("SELECT email FROM authors WHERE id = 7")).scalar()).isEqualTo("a6@example.org");

            Author merged = s.merge(changed);               // the session's object, with the streamed one's values
            assertThat(merged).isNotSameAs(changed);
            s.commit();
            assertThat(s.execute(text("SELECT email FROM authors WHERE id = 7")).scalar()).isEqualTo("not flushed");

            Author again;
            try (Stream<Author> stream = s.stream(select(Author.class).where(Author_.ID.eq(8L)))) {
                again = stream.findFirst().orElseThrow();
            }
            again.email = "attached again";
            s.add(again);                                   // a detached object joins the session again
            assertThat(s.state(again)).isEqualTo(ObjectState.PERSISTENT);
            s.commit();
            assertThat(s.execute(text("SELECT email FROM authors WHERE id = 8")).scalar()).isEqualTo("attached again");
        }
    }

    /** Two customers with two invoices of one line each. */
    static Engine invoices(TestDatabase db) {
        Engine engine = db.engine();
        INVOICES.metadata().createAll(engine);
        Session.runInTransaction(engine, s -> {
            for (int c = 0; c < 2; c++) {
                Customer customer = new Customer("customer " + c);
                for (int i = 0; i < 2; i++) {
                    Invoice invoice = new Invoice(c * 10 + i, new BigDecimal("10.00"));
                    invoice.lines.add(new InvoiceLine("tea", 1));
                    customer.invoices.add(invoice);
                }
                s.add(customer);
            }
        });
        return engine;
    }

    @EachDatabase
    void relationshipsOfStreamedObjectsAreNotLoaded(TestDatabase db) {
        Engine engine = invoices(db);
        try (Session s = Session.open(engine)) {
            List<Invoice> invoices = new ArrayList<>();
            List<String> sql = StatementCapture.during(engine, () -> {
                try (Stream<Invoice> stream = s.stream(select(Invoice.class).orderBy(Invoice_.NUMBER))) {
                    stream.forEach(invoices::add);
                }
            });
            assertThat(sql).as("no select-in load of Invoice.lines, whose default is SELECT_IN").hasSize(1);
            assertThat(invoices).extracting(i -> i.number).containsExactly(0, 1, 10, 11);
            Invoice first = invoices.get(0);
            assertThat(first.customer).as("a reference is left unloaded").isNull();
            assertThatThrownBy(() -> first.lines.size())
                    .isInstanceOf(UnloadedRelationshipException.class)
                    .hasMessageContaining("Invoice.lines is not loaded: this Invoice came from session.stream(...)")
                    .hasMessageContaining("session.merge(invoice)");

            first.total = new BigDecimal("12.00");
            Invoice merged = s.merge(first);                // the unloaded reference keeps its key
            assertThat(merged.customer).isNotNull();
            assertThat(merged.customer.name).isEqualTo("customer 0");
            assertThat(merged.lines).extracting(l -> l.product).containsExactly("tea");

            Invoice attached = invoices.get(3);
            attached.total = new BigDecimal("13.00");
            s.add(attached);                                // its customer key is kept, not written as NULL
            assertThat(attached.lines).as("attached: the collection loads through the session").hasSize(1);
            s.commit();
            assertThat(s.execute(text("SELECT i.total, c.name FROM invoice i JOIN customer c ON c.id = i.customer_id "
                    + "ORDER BY i.number")).all()).extracting(r -> new BigDecimal(r.get(0).toString()).setScale(2) + " " + r.get(1))
                    .containsExactly("12.00 customer 0", "10.00 customer 0", "10.00 customer 1", "13.00 customer 1");
        }
    }

    @EachDatabase
    void loadOptionsThatWouldHoldRelatedObjectsAreRefused(TestDatabase db) {
        Engine engine = invoices(db);
        try (Session s = Session.open(engine)) {
            List<String> sql = StatementCapture.during(engine, () -> {
                assertThatThrownBy(() -> s.stream(select(Invoice.class).options(selectInLoad(Invoice_.LINES))))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("session.stream(...) of Invoice cannot honour the option SELECT_IN Invoice.lines: "
                                + "streamed objects the session does not already hold are returned detached with their "
                                + "relationships not loaded, so that the session keeps nothing of them. Remove the option "
                                + "(noLoad and raiseLoad are accepted), or use session.scalars(...) in pages to load "
                                + "relationships with the objects");
                assertThatThrownBy(() -> s.stream(select(Invoice.class).options(joinedLoad(Invoice_.CUSTOMER))))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JOINED Invoice.customer");
            });
            assertThat(sql).as("refused before anything runs").isEmpty();

            List<Customer> customers;
            try (Stream<Customer> stream = s.stream(select(Customer.class).options(raiseLoad(Customer_.INVOICES))
                    .orderBy(Customer_.NAME))) {
                customers = stream.toList();
            }
            assertThatThrownBy(() -> customers.get(0).invoices.isEmpty())
                    .isInstanceOf(UnloadedRelationshipException.class).hasMessageContaining("marked Load.RAISE");
            try (Stream<Customer> stream = s.stream(select(Customer.class).options(noLoad(Customer_.INVOICES)))) {
                assertThat(stream.map(c -> c.invoices.size())).containsExactly(0, 0);
            }
        }
    }

    @EachDatabase
    void afterLoadHooksAndListenersRunForEachStreamedObject(TestDatabase db) {
        Engine engine = db.engine();
        AUTHORS.metadata().createAll(engine);
        Session.runInTransaction(engine, s -> {
            s.add(new Note("one"));
            s.add(new Note("two"));
        });
        try (Session s = Session.open(engine)) {
            List<String> events = new ArrayList<>();
            s.addListener((event, entity) -> events.add(event + " " + ((Note) entity).body));
            List<Note> notes;
            try (Stream<Note> stream = s.stream(select(Note.class).orderBy(Note_.BODY))) {
                notes = stream.toList();
            }
            assertThat(events).containsExactly("AFTER_LOAD one", "AFTER_LOAD two");
            assertThat(notes).allSatisfy(n -> assertThat(n.events).containsExactly("after load"));
            assertThat(notes.get(0).status).isEqualTo("new");
        }
    }

    @EachDatabase
    void eachRowOfAHierarchyBecomesItsOwnClass(TestDatabase db) {
        Engine engine = db.engine();
        STAFF.metadata().createAll(engine);
        Session.runInTransaction(engine, s -> s.addAll(List.of(new dev.retort.orm.inherit.Employee("Ada"),
                new Engineer("Linus", "C"), new Manager("Grace", 1000), new Director("Alan", 5000, "Bentley"))));
        try (Session s = Session.open(engine)) {
            try (Stream<dev.retort.orm.inherit.Employee> stream = s.stream(select(dev.retort.orm.inherit.Employee.class)
                    .orderBy(Employee_.NAME))) {
                assertThat(stream.map(e -> e.getClass().getSimpleName() + " " + e.name()))
                        .containsExactly("Employee Ada", "Director Alan", "Manager Grace", "Engineer Linus");
            }
            List<Manager> managers;
            try (Stream<Manager> stream = s.stream(select(Manager.class).orderBy(Employee_.NAME))) {
                managers = stream.toList();
            }
            assertThat(managers).extracting(m -> m.getClass().getSimpleName() + " " + m.name() + " " + m.budget())
                    .containsExactly("Director Alan 5000", "Manager Grace 1000");
            assertThat(s.state(managers.get(0))).isEqualTo(ObjectState.DETACHED);
            assertThat(s.state(managers.get(1))).isEqualTo(ObjectState.DETACHED);
            assertThat(s.identityMapSize()).isZero();
        }
    }

    @EachDatabase
    void rowsOfAJoinedHierarchyComeFromTheirTablesAsTheirOwnClasses(TestDatabase db) {
        Engine engine = db.engine();
        Registry.of(dev.retort.orm.joined.School.class, dev.retort.orm.joined.Course.class, dev.retort.orm.joined.Person.class,
                dev.retort.orm.joined.Student.class, dev.retort.orm.joined.Teacher.class, dev.retort.orm.joined.Professor.class)
                .metadata().createAll(engine);
        Session.runInTransaction(engine, s -> s.addAll(List.of(new dev.retort.orm.joined.Person("Ada"),
                new dev.retort.orm.joined.Student("Bea", "Girton"), new dev.retort.orm.joined.Teacher("Cy", "maths"),
                new dev.retort.orm.joined.Professor("Di", "logic", "Lucasian"))));
        try (Session s = Session.open(engine)) {
            try (Stream<dev.retort.orm.joined.Person> stream = s.stream(select(dev.retort.orm.joined.Person.class)
                    .orderBy(dev.retort.orm.joined.Person_.NAME))) {
                assertThat(stream.map(p -> p.getClass().getSimpleName()))
                        .containsExactly("Person", "Student", "Teacher", "Professor");
            }
            List<dev.retort.orm.joined.Teacher> teachers;
            try (Stream<dev.retort.orm.joined.Teacher> stream = s.stream(select(dev.retort.orm.joined.Teacher.class)
                    .orderBy(dev.retort.orm.joined.Person_.NAME))) {
                teachers = stream.toList();
            }
            assertThat(teachers).extracting(t -> t.getClass().getSimpleName()).containsExactly("Teacher", "Professor");
            assertThat(dev.retort.orm.mapping.EntityMapping.of(dev.retort.orm.joined.Professor.class)
                    .read((dev.retort.orm.joined.Professor) teachers.get(1))).contains("Di", "logic", "Lucasian");
            assertThat(s.identityMapSize()).isZero();
        }
    }

    @EachDatabase
    void closingTheStreamClosesTheResultAndFreesTheConnection(TestDatabase db) {
        Engine engine = authors(db, 100);
        ClosedResults closed = new ClosedResults();
        try (Session s = Session.open(engine); ListenerRegistration reg = engine.addListener(closed)) {
            Stream<Author> stream = s.stream(select(Author.class).orderBy(Author_.ID), 10);
            Iterator<Author> it = stream.iterator();
            assertThat(it.next().id).isEqualTo(1L);
            assertThat(it.next().id).isEqualTo(2L);
            assertThat(closed.fetched).isEmpty();
            if (db.kind() == DatabaseKind.POSTGRESQL) {
                assertThat(openPortals(s)).as("the rows come through a cursor").isEqualTo(1L);
                closed.fetched.clear();                     // the result of that query
            }
            stream.close();
            assertThat(closed.fetched).hasSize(1);
            assertThat(closed.fetched.get(0)).as("rows read before the close").isLessThan(100L);
            assertThatThrownBy(it::next).isInstanceOf(InvalidStateException.class)
                    .hasMessage("This stream of Author is closed; run the query again for a new stream");
            if (db.kind() == DatabaseKind.POSTGRESQL) {
                assertThat(openPortals(s)).isZero();
                closed.fetched.remove(1);
            }
            assertThat(count(s, "authors")).as("the connection runs the next statement").isEqualTo(100L);
            stream.close();                                 // again: nothing happens
            assertThat(closed.fetched).hasSize(2);          // the closed result of count(...)

            try (Stream<Author> whole = s.stream(select(Author.class))) {
                assertThat(whole.count()).isEqualTo(100L);
                assertThat(closed.fetched).as("reading to the end closed the result").hasSize(3);
                assertThat(closed.fetched.get(2)).isEqualTo(100L);
            }
            assertThat(closed.fetched).hasSize(3);
            s.commit();
        }
    }

    /** The named portals (cursors) open in the session's PostgreSQL transaction. */
    private static long openPortals(Session s) {
        return ((Number) s.execute(text("SELECT COUNT(*) FROM pg_cursors WHERE name <> ''")).scalar()).longValue();
    }

    @EachDatabase
    void anExceptionInTheMiddleClosesTheStream(TestDatabase db) {
        Engine engine = authors(db, 50);
        ClosedResults closed = new ClosedResults();
        try (Session s = Session.open(engine); ListenerRegistration reg = engine.addListener(closed)) {
            int[] loaded = {0};
            s.addListener((event, entity) -> {
                if (++loaded[0] == 3) {
                    throw new IllegalStateException("a hook failed on the third author");
                }
            });
            Stream<Author> failing = s.stream(select(Author.class).orderBy(Author_.ID), 10);
            List<Long> ids = new ArrayList<>();
            assertThatThrownBy(() -> failing.forEach(a -> ids.add(a.id)))
                    .isInstanceOf(IllegalStateException.class).hasMessage("a hook failed on the third author");
            assertThat(ids).containsExactly(1L, 2L);
            assertThat(closed.fetched).as("closed without try-with-resources").hasSize(1);
            assertThat(count(s, "authors")).isEqualTo(50L);

            List<Long> consumed = new ArrayList<>();
            assertThatThrownBy(() -> {
                try (Stream<Author> stream = s.stream(select(Author.class).where(Author_.ID.gt(10L)).orderBy(Author_.ID), 10)) {
                    stream.forEach(a -> {
                        if (a.id == 13L) {
                            throw new IllegalArgumentException("the consumer failed at 13");
                        }
                        consumed.add(a.id);
                    });
                }
            }).isInstanceOf(IllegalArgumentException.class).hasMessage("the consumer failed at 13");
            assertThat(consumed).containsExactly(11L, 12L);
            assertThat(closed.fetched).hasSize(3);
            assertThat(closed.fetched.get(2)).isLessThan(40L);
            assertThat(count(s, "authors")).isEqualTo(50L);
            s.commit();
        }
    }

    @EachDatabase
    void theEndOfTheTransactionClosesAStreamLeftOpen(TestDatabase db) {
        Engine engine = authors(db, 50);
        ClosedResults closed = new ClosedResults();
        try (ListenerRegistration reg = engine.addListener(closed)) {
            for (String end : List.of("committed", "rolled back", "was closed")) {
                Session s = Session.open(engine);
                Iterator<Author> it = s.stream(select(Author.class).orderBy(Author_.ID), 10).iterator();
                assertThat(it.next().id).isEqualTo(1L);
                int before = closed.fetched.size();
                switch (end) {
                    case "committed" -> s.commit();
                    case "rolled back" -> s.rollback();
                    default -> s.close();
                }
                assertThat(closed.fetched).as("the result closed at the end of the transaction").hasSize(before + 1);
                assertThatThrownBy(it::next).isInstanceOf(InvalidStateException.class)
                        .hasMessage("This stream of Author was closed because its session " + end
                                + "; read a stream to its end (or close it) before commit(), rollback() or close()");
                s.close();
                assertThatThrownBy(() -> s.stream(select(Author.class))).isInstanceOf(InvalidStateException.class)
                        .hasMessage("This session is closed; open a new one");
            }
        }
    }

    @EachDatabase
    void streamsInsideTheSessionsTransactionAndInAutocommitMode(TestDatabase db) {
        Engine engine = authors(db, 20);
        try (Session s = Session.open(engine)) {
            s.add(new Author("zz unflushed"));
            Author deleted = s.get(Author.class, 1L);
            s.delete(deleted);
            try (Stream<Author> stream = s.stream(select(Author.class).orderBy(Author_.NAME))) {
                List<String> names = stream.map(a -> a.name).toList();
                assertThat(names).as("autoflush ran first: the stream sees the transaction's writes").hasSize(20)
                        .doesNotContain("author 00000").endsWith("zz unflushed");
            }
            s.rollback();
            assertThat(count(s, "authors")).isEqualTo(20L);
        }
        Engine autocommit = db.engine(EngineOptions.builder().autocommit(true).build());
        if (db.kind() == DatabaseKind.SQLITE_MEMORY) {      // another engine is another database
            AUTHORS.metadata().createAll(autocommit);
            fillAuthors(autocommit, 20);
        }
        try (Session s = Session.open(autocommit)) {
            List<Long> ids = new ArrayList<>();
            try (Stream<Author> stream = s.stream(select(Author.class).orderBy(Author_.ID), 5)) {
                Iterator<Author> it = stream.iterator();
                ids.add(it.next().id);
                if (db.kind() == DatabaseKind.POSTGRESQL) {
                    assertThat(openPortals(s)).as("a cursor, in the transaction the stream opened").isEqualTo(1L);
                }
                it.forEachRemaining(a -> ids.add(a.id));
            }
            assertThat(ids).hasSize(20).startsWith(1L, 2L).endsWith(20L);
            assertThat(s.connection().inTransaction()).as("the stream's own transaction ended with it").isFalse();
        }
    }
}
