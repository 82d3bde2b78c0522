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
            List<String> sql = new ArrayList<>();
            Retort.expectStatements(engine, 3, () -> s.flush());   // one INSERT per table, parents first
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
            assertThat(mentor.reports).as("its collection was loaded empty when added, then not synchronised from the reference")
                    .isEmpty();
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
            assertThat(s.get(Employee.class, dev.id).manager).isSameAs(loaded);
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
}
