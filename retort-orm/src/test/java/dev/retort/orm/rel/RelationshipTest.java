package dev.retort.orm.rel;

import dev.retort.engine.Engine;
import dev.retort.orm.ObjectState;
import dev.retort.orm.Registry;
import dev.retort.orm.RelatedList;
import dev.retort.orm.Retort;
import dev.retort.orm.Session;
import dev.retort.orm.UnloadedRelationshipException;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static dev.retort.orm.LoadOption.joinedLoad;
import static dev.retort.orm.LoadOption.noLoad;
import static dev.retort.orm.LoadOption.raiseLoad;
import static dev.retort.orm.LoadOption.selectInLoad;
import static dev.retort.orm.OrmStatements.select;
import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Many-to-one and one-to-many relationships: cascades, flush order, loading strategies, statement counts. */
class RelationshipTest {
    static final Registry REGISTRY = Registry.of(Customer.class, Invoice.class, InvoiceLine.class, Employee.class);

    static Engine setUp(TestDatabase db) {
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        return engine;
    }

    @EachDatabase
    void addAllOfAnotherOwnersCollectionMovesEveryElement(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine);
        try (Session s = Session.open(engine)) {
            List<Customer> cs = s.execute(select(Customer.class).where(Customer_.NAME.in(List.of("customer 0", "customer 1")))
                    .orderBy(Customer_.NAME).options(selectInLoad(Customer_.INVOICES))).all();
            cs.get(1).invoices.addAll(cs.get(0).invoices);       // each add takes the invoice out of the argument
            assertThat(cs.get(0).invoices).isEmpty();
            assertThat(cs.get(1).invoices).hasSize(6).allSatisfy(i -> assertThat(i.customer).isSameAs(cs.get(1)));
            Employee ada = new Employee("ada");
            Employee bob = new Employee("bob");
            s.addAll(List.of(ada, bob));
            for (String n : List.of("x", "y", "z")) {
                ada.reports.add(new Employee(n));
            }
            bob.reports.addAll(ada.reports);                     // a set: the same
            assertThat(ada.reports).isEmpty();
            assertThat(bob.reports).extracting(e -> e.name).containsExactlyInAnyOrder("x", "y", "z");
            s.commit();
        }
        try (var c = engine.connect()) {
            assertThat(((Number) c.execute(text("SELECT COUNT(*) FROM invoice i JOIN customer c ON c.id = i.customer_id "
                    + "WHERE c.name = 'customer 1'")).scalar()).intValue()).isEqualTo(6);
            assertThat(((Number) c.execute(text("SELECT COUNT(*) FROM employee e JOIN employee m ON m.id = e.manager_id "
                    + "WHERE m.name = 'bob'")).scalar()).intValue()).isEqualTo(3);
        }
    }

    /** Ten customers with three invoices of two lines each, added through the customers alone. */
    static void fill(Engine engine) {
        Session.runInTransaction(engine, s -> {
            for (int c = 0; c < 10; c++) {
                Customer customer = new Customer("customer " + c);
                for (int i = 0; i < 3; i++) {
                    Invoice invoice = new Invoice(c * 10 + i, new BigDecimal("10.00"));
                    invoice.lines.add(new InvoiceLine("tea", 1));
                    invoice.lines.add(new InvoiceLine("cake", 2));
                    customer.invoices.add(invoice);
                }
                s.add(customer);
            }
        });
    }

    static long count(Engine engine, String table) {
        try (var c = engine.connect()) {
            return ((Number) c.execute(text("SELECT COUNT(*) FROM " + table)).scalar()).longValue();
        }
    }

    @EachDatabase
    void addingTheRootCascadesAndForeignKeysComeFromTheObjects(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Customer ada = new Customer("ada");
            Invoice inv = new Invoice(1, new BigDecimal("12.50"));
            inv.lines.add(new InvoiceLine("tea", 3));
            ada.invoices.add(inv);
            s.add(ada);
            assertThat(ada.invoices).isInstanceOf(RelatedList.class);
            assertThat(inv.customer).as("the collection set the reference back").isSameAs(ada);
            assertThat(s.state(inv.lines.get(0))).isEqualTo(ObjectState.PENDING);
            List<String> sql = dev.retort.orm.StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).as("one INSERT per table, parents first").hasSize(3);
            assertThat(sql.get(0)).startsWith("INSERT INTO customer");
            assertThat(sql.get(2)).startsWith("INSERT INTO invoice_line");
            s.commit();
            assertThat(inv.lines.get(0).invoice).isSameAs(inv);
        }
        try (var c = engine.connect()) {
            assertThat(c.execute(text("SELECT c.name, i.number, l.product FROM customer c JOIN invoice i ON i.customer_id = c.id "
                    + "JOIN invoice_line l ON l.invoice_id = i.id")).all())
                    .singleElement().satisfies(r -> {
                        assertThat(r.get(0)).isEqualTo("ada");
                        assertThat(((Number) r.get(1)).intValue()).isEqualTo(1);
                        assertThat(r.get(2)).isEqualTo("tea");
                    });
        }
    }

    @EachDatabase
    void lazyCollectionsLoadOnFirstAccessAndSelectInLoadsAllOwnersAtOnce(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine);
        try (Session s = Session.open(engine)) {
            List<Customer> customers = Retort.expectStatements(engine, 1, () -> s.execute(select(Customer.class)).all());
            RelatedList<Invoice> invoices = (RelatedList<Invoice>) customers.get(0).invoices;
            assertThat(invoices.isLoaded()).isFalse();
            // Lazy: one query for the invoices; their lines come select-in (the relationship's default): one more.
            int lines = Retort.expectStatements(engine, 2, () -> invoices.stream().mapToInt(i -> i.lines.size()).sum());
            assertThat(lines).isEqualTo(6);
            assertThat(invoices).extracting(i -> i.number).containsExactly(0, 1, 2);
            assertThat(invoices.get(0).customer).isSameAs(customers.get(0));
        }
        try (Session s = Session.open(engine)) {
            // select-in along a path: customers, their invoices, the invoices' lines: three statements for 90 lines.
            List<Customer> customers = Retort.expectStatements(engine, 3, () -> s.execute(select(Customer.class)
                    .options(selectInLoad(Customer_.INVOICES).then(selectInLoad(Invoice_.LINES)))).all());
            int lines = Retort.expectStatements(engine, 0, () ->
                    customers.stream().flatMap(c -> c.invoices.stream()).mapToInt(i -> i.lines.size()).sum());
            assertThat(lines).isEqualTo(60);
        }
    }

    @EachDatabase
    void referencesLoadSelectInJoinedOrNotAtAll(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine);
        try (Session s = Session.open(engine)) {
            // The default of Invoice.customer is select-in: one query for 30 invoices' customers.
            List<Invoice> invoices = Retort.expectStatements(engine, 2, () -> s.execute(select(Invoice.class)
                    .options(noLoad(Invoice_.LINES))).all());
            assertThat(invoices).hasSize(30).allSatisfy(i -> assertThat(i.customer).isNotNull());
            assertThat(invoices.get(0).customer).isSameAs(invoices.get(1).customer);
        }
        try (Session s = Session.open(engine)) {
            List<Invoice> invoices = Retort.expectStatements(engine, 1, () -> s.execute(select(Invoice.class)
                    .where(Invoice_.NUMBER.lt(20)).options(joinedLoad(Invoice_.CUSTOMER), noLoad(Invoice_.LINES))
                    .orderBy(Invoice_.NUMBER)).all());
            assertThat(invoices).hasSize(6);
            assertThat(invoices.get(5).customer.name).isEqualTo("customer 1");
        }
        try (Session s = Session.open(engine)) {
            Invoice one = s.execute(select(Invoice.class).where(Invoice_.NUMBER.eq(11))
                    .options(noLoad(Invoice_.CUSTOMER), noLoad(Invoice_.LINES))).one();
            assertThat(one.customer).isNull();
            one.total = new BigDecimal("99.00");
            List<String> sql = new ArrayList<>();
            engine.addListener(new dev.retort.engine.StatementListener() {
                @Override
                public void beforeExecute(dev.retort.engine.StatementEvent event) {
                    sql.add(event.sql());
                }
            });
            s.commit();
            assertThat(sql).as("an unloaded reference is not written as NULL").containsExactly("UPDATE invoice SET total = ? WHERE invoice.id = ?");
        }
    }

    @EachDatabase
    void raiseAndDetachedAccessExplainThemselves(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine);
        Customer detached;
        try (Session s = Session.open(engine)) {
            Customer c = s.execute(select(Customer.class).where(Customer_.NAME.eq("customer 3"))
                    .options(raiseLoad(Customer_.INVOICES))).one();
            assertThatThrownBy(() -> c.invoices.size()).isInstanceOf(UnloadedRelationshipException.class)
                    .hasMessageContaining("Customer.invoices").hasMessageContaining("Load.RAISE").hasMessageContaining("selectInLoad");
            detached = s.execute(select(Customer.class).where(Customer_.NAME.eq("customer 4"))).one();
        }
        assertThatThrownBy(() -> detached.invoices.isEmpty()).isInstanceOf(UnloadedRelationshipException.class)
                .hasMessageContaining("Customer.invoices").hasMessageContaining("detached").hasMessageContaining("session.add");
    }

    @EachDatabase
    void collectionsKeepBothSidesInStep(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine);
        try (Session s = Session.open(engine)) {
            List<Customer> cs = s.execute(select(Customer.class).orderBy(Customer_.NAME)
                    .options(selectInLoad(Customer_.INVOICES))).all();
            Customer first = cs.get(0);
            Customer second = cs.get(1);
            Invoice moved = first.invoices.get(0);
            second.invoices.add(moved);
            assertThat(moved.customer).isSameAs(second);
            assertThat(first.invoices).doesNotContain(moved).hasSize(2);
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            Customer second = s.execute(select(Customer.class).where(Customer_.NAME.eq("customer 1"))).one();
            assertThat(second.invoices).hasSize(4);
        }
    }

    @EachDatabase
    void deleteCascadesAndOrphansAreDeleted(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine);
        try (Session s = Session.open(engine)) {
            Customer c = s.execute(select(Customer.class).where(Customer_.NAME.eq("customer 0"))).one();
            Invoice orphan = c.invoices.remove(2);
            assertThat(orphan.customer).isNull();
            s.commit();
            assertThat(s.state(orphan)).isEqualTo(ObjectState.DETACHED);
            assertThat(count(engine, "invoice")).isEqualTo(29);
            assertThat(count(engine, "invoice_line")).isEqualTo(58);
            s.delete(s.execute(select(Customer.class).where(Customer_.NAME.eq("customer 1"))).one());
            s.commit();
            assertThat(count(engine, "customer")).isEqualTo(9);
            assertThat(count(engine, "invoice")).isEqualTo(26);
            assertThat(count(engine, "invoice_line")).isEqualTo(52);
        }
    }

    @EachDatabase
    void aTreeOfNewObjectsIsInsertedParentsFirst(TestDatabase db) {
        Engine engine = setUp(db);
        Employee boss = new Employee("boss");
        try (Session s = Session.open(engine)) {
            Employee lead = new Employee("lead");
            Employee dev = new Employee("dev");
            lead.reports.add(dev);                        // plain sets: linked back when their owner is added
            boss.reports.add(lead);
            s.add(boss);
            assertThat(dev.manager).isSameAs(lead);
            assertThat(s.state(dev)).isEqualTo(ObjectState.PENDING);
            Employee intern = new Employee("intern");
            Employee mentor = new Employee("mentor");
            intern.manager = mentor;
            s.add(intern);                                // a reference to a new object adds it too
            assertThat(s.state(mentor)).isEqualTo(ObjectState.PENDING);
            s.commit();
            assertThat(mentor.reports).as("commit expired the collection: it loads again, with the intern")
                    .extracting(e -> e.name).containsExactly("intern");
        }
        try (Session s = Session.open(engine)) {
            Employee loaded = s.get(Employee.class, boss.id);
            assertThat(loaded.manager).isNull();
            Employee lead = loaded.reports.iterator().next();
            assertThat(lead.name).isEqualTo("lead");
            assertThat(lead.reports).extracting(e -> e.name).containsExactly("dev");
            Employee dev = lead.reports.iterator().next();
            dev.manager = loaded;                         // reassigned: an UPDATE of its key
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            Employee dev = s.execute(select(Employee.class).where(Employee_.NAME.eq("dev"))).one();
            assertThat(dev.manager.name).isEqualTo("boss");
            assertThat(s.execute(select(Employee.class).where(Employee_.NAME.eq("intern"))).one().manager.name).isEqualTo("mentor");
        }
    }

    @EachDatabase
    void theSqlOfSelectInAndJoinedLoading(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine);
        List<String> sql = new ArrayList<>();
        try (Session s = Session.open(engine); var reg = engine.addListener(new dev.retort.engine.StatementListener() {
            @Override
            public void beforeExecute(dev.retort.engine.StatementEvent event) {
                sql.add(event.sql().replaceAll("\\?(, \\?)+", "?, ..."));
            }
        })) {
            s.execute(select(Customer.class).options(selectInLoad(Customer_.INVOICES).then(selectInLoad(Invoice_.LINES)))).all();
            s.execute(select(Invoice.class).options(joinedLoad(Invoice_.CUSTOMER), noLoad(Invoice_.LINES))).all();
        }
        assertThat(sql).containsExactly(
                "SELECT customer.id, customer.name FROM customer",
                "SELECT invoice.id, invoice.number, invoice.customer_id, invoice.total FROM invoice "
                        + "WHERE invoice.customer_id IN (?, ...) ORDER BY invoice.number ASC",
                "SELECT invoice_line.id, invoice_line.invoice_id, invoice_line.product, invoice_line.quantity FROM invoice_line "
                        + "WHERE invoice_line.invoice_id IN (?, ...) ORDER BY invoice_line.id ASC",
                "SELECT invoice.id, invoice.number, invoice.customer_id, invoice.total, j0_customer.id, j0_customer.name "
                        + "FROM invoice LEFT OUTER JOIN customer AS j0_customer ON j0_customer.id = invoice.customer_id");
    }

    @EachDatabase
    void joinsAndExistsAlongRelationships(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine);
        try (Session s = Session.open(engine)) {
            Invoice big = s.execute(select(Invoice.class).where(Invoice_.NUMBER.eq(41))).one();
            big.total = new BigDecimal("99.00");
            s.commit();
            assertThat(s.execute(select(Customer.class).where(Customer_.INVOICES.any(Invoice_.TOTAL.gt(new BigDecimal("50"))))).all())
                    .extracting(c -> c.name).containsExactly("customer 4");
            assertThat(s.execute(select(Invoice.class).where(Invoice_.CUSTOMER.has(Customer_.NAME.eq("customer 2")))
                    .orderBy(Invoice_.NUMBER)).all()).extracting(i -> i.number).containsExactly(20, 21, 22);
            assertThat(s.execute(select(Customer.class).join(Customer_.INVOICES).where(Invoice_.NUMBER.in(List.of(21, 22)))
                    .distinct()).all()).extracting(c -> c.name).containsExactly("customer 2");
            assertThat(s.execute(select(Customer.class).where(Customer_.INVOICES.any().not())).all()).isEmpty();
            assertThatThrownBy(() -> Employee_.REPORTS.any()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("to itself").hasMessageContaining("alias");
        }
    }

    @EachDatabase
    void rollbackRestoresReferencesAndCollections(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine);
        try (Session s = Session.open(engine)) {
            Customer c0 = s.execute(select(Customer.class).where(Customer_.NAME.eq("customer 0"))).one();
            Customer c1 = s.execute(select(Customer.class).where(Customer_.NAME.eq("customer 1"))).one();
            Invoice moved = c0.invoices.get(0);
            Invoice removed = c0.invoices.get(1);
            c1.invoices.add(moved);                       // moved to c1
            c0.invoices.remove(removed);                  // an orphan
            c0.invoices.add(new Invoice(99, BigDecimal.ONE));
            s.flush();
            s.rollback();
            assertThat(moved.customer).isSameAs(c0);
            assertThat(c0.invoices).extracting(i -> i.number).containsExactly(0, 1, 2);
            assertThat(c1.invoices).extracting(i -> i.number).containsExactly(10, 11, 12);
            s.commit();                                   // nothing left to write
            assertThat(count(engine, "invoice")).isEqualTo(30);
        }
        try (Session s = Session.open(engine)) {
            Employee boss = new Employee("boss");
            Employee worker = new Employee("worker");
            boss.reports.add(worker);
            s.add(boss);
            s.commit();
            s.delete(boss);                               // no DELETE cascade: the worker's reference is cleared
            assertThat(worker.manager).isNull();
            s.rollback();
            assertThat(worker.manager).isSameAs(boss);
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            Employee worker = s.execute(select(Employee.class).where(Employee_.NAME.eq("worker"))).one();
            assertThat(worker.manager.name).isEqualTo("boss");
            Employee boss = worker.manager;
            s.delete(boss);
            assertThat(worker.manager).isNull();
            s.add(boss);                                  // undoes the delete and what it did to the reports
            assertThat(worker.manager).isSameAs(boss);
            s.commit();
            assertThat(count(engine, "employee")).isEqualTo(2);
        }
    }

    @EachDatabase
    void reloadsFollowChangesMadeElsewhere(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine);
        try (Session mine = Session.open(engine)) {
            Invoice i = mine.execute(select(Invoice.class).where(Invoice_.NUMBER.eq(0))).one();
            Customer c0 = i.customer;
            int before = c0.invoices.size();
            mine.commit();                                // everything expired
            try (Session theirs = Session.open(engine)) {
                Invoice same = theirs.execute(select(Invoice.class).where(Invoice_.NUMBER.eq(0))).one();
                same.customer = theirs.execute(select(Customer.class).where(Customer_.NAME.eq("customer 5"))).one();
                theirs.commit();
            }
            mine.execute(select(Invoice.class).where(Invoice_.NUMBER.eq(0))).one();    // reloads i
            assertThat(i.customer.name).as("the reference follows the new key").isEqualTo("customer 5");
            assertThat(c0.invoices).as("the expired collection loads again").hasSize(before - 1);
            i.total = BigDecimal.TEN;
            mine.commit();                                // must not write the old customer back
        }
        try (Session s = Session.open(engine)) {
            assertThat(s.execute(select(Invoice.class).where(Invoice_.NUMBER.eq(0))).one().customer.name).isEqualTo("customer 5");
        }
    }

    @EachDatabase
    void movingAChildIntoAnUnloadedCollectionKeepsIt(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine);
        try (Session s = Session.open(engine)) {
            Customer a = s.execute(select(Customer.class).where(Customer_.NAME.eq("customer 0"))).one();
            Customer b = s.execute(select(Customer.class).where(Customer_.NAME.eq("customer 1"))).one();
            Invoice i = a.invoices.remove(0);             // an orphan for a moment (delete-orphan cascade)
            b.invoices.add(i);                            // b's collection loads here: no flush, no delete
            s.commit();
            assertThat(s.state(i)).isEqualTo(ObjectState.PERSISTENT);
        }
        try (Session s = Session.open(engine)) {
            assertThat(s.execute(select(Customer.class).where(Customer_.NAME.eq("customer 1"))).one().invoices).hasSize(4);
        }
        assertThat(count(engine, "invoice_line")).isEqualTo(60);
    }

    @EachDatabase
    void aPersistentRowPointingAtANewRowOfItsTableGetsItsKey(TestDatabase db) {
        Engine engine = setUp(db);
        Long workerId;
        try (Session s = Session.open(engine)) {
            Employee w = new Employee("worker");
            Employee old = new Employee("old boss");
            w.manager = old;
            Employee loner = new Employee("loner");
            s.addAll(List.of(w, loner));
            s.commit();
            workerId = w.id;
            w.manager = new Employee("new boss");         // persistent row -> new row of the same table
            loner.manager = new Employee("first boss");   // NULL -> a new row
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            assertThat(s.get(Employee.class, workerId).manager.name).isEqualTo("new boss");
            assertThat(s.execute(select(Employee.class).where(Employee_.NAME.eq("loner"))).one().manager.name).isEqualTo("first boss");
        }
    }

    @EachDatabase
    void unloadedThingsAreNeitherWrittenAsNullNorDeletedBlindly(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine);
        Invoice detached;
        try (Session s = Session.open(engine)) {
            detached = s.execute(select(Invoice.class).where(Invoice_.NUMBER.eq(21))
                    .options(noLoad(Invoice_.CUSTOMER), noLoad(Invoice_.LINES))).one();
        }
        try (Session s = Session.open(engine)) {
            detached.total = new BigDecimal("5.00");
            s.add(detached);                              // re-attached with its reference still unloaded
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            Invoice again = s.execute(select(Invoice.class).where(Invoice_.NUMBER.eq(21))).one();
            assertThat(again.customer.name).isEqualTo("customer 2");
            assertThat(again.total).isEqualByComparingTo("5.00");
            Customer c = s.execute(select(Customer.class).where(Customer_.NAME.eq("customer 3"))
                    .options(noLoad(Customer_.INVOICES))).one();
            assertThat(c.invoices).as("noLoad reads as empty").isEmpty();
            s.delete(c);                                  // the cascade loads for real
            s.commit();
            assertThat(count(engine, "invoice")).isEqualTo(27);
        }
    }

    @EachDatabase
    void joinedLoadingWithAMissingRowAndNestedDefaults(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine);
        try (Session s = Session.open(engine)) {
            Employee top = new Employee("top");
            s.add(top);
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            Employee top = Retort.expectStatements(engine, 1, () -> s.execute(select(Employee.class)
                    .options(joinedLoad(Employee_.MANAGER))).one());
            assertThat(top.manager).isNull();
            // A joined line's invoice brings its own select-in defaults: its customer and its lines.
            List<InvoiceLine> lines = s.execute(select(InvoiceLine.class).where(InvoiceLine_.PRODUCT.eq("tea"))
                    .options(joinedLoad(InvoiceLine_.INVOICE))).all();
            assertThat(lines).hasSize(30).allSatisfy(l -> assertThat(l.invoice.customer).isNotNull());
        }
    }

    @EachDatabase
    void selectInSplitsLongKeyLists(TestDatabase db) {
        Engine engine = setUp(db);
        Session.runInTransaction(engine, s -> {
            List<Customer> many = new ArrayList<>();
            for (int c = 0; c < 5_100; c++) {
                Customer customer = new Customer("c" + c);
                customer.invoices.add(new Invoice(c, BigDecimal.ONE));
                many.add(customer);
            }
            s.addAll(many);
        });
        try (Session s = Session.open(engine)) {
            List<String> sql = dev.retort.orm.StatementCaptureAccess.during(engine, () -> s.execute(select(Customer.class)
                    .options(selectInLoad(Customer_.INVOICES).then(noLoad(Invoice_.LINES)))).all());
            // 5,000 keys per statement (all three databases take that many parameters): 1 + 2 statements
            assertThat(sql).as("1 + ceil(5100 / 5000) statements").hasSize(3);
            assertThat(sql.get(1)).contains(" IN (");
            assertThat(s.execute(select(Customer.class)).all()).allSatisfy(c -> assertThat(c.invoices).hasSize(1));
        }
    }
}
