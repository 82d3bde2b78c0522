package dev.retort.orm.rel;

import dev.retort.engine.Engine;
import dev.retort.orm.Retort;
import dev.retort.orm.Session;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static dev.retort.orm.LoadOption.joinedLoad;
import static dev.retort.orm.LoadOption.noLoad;
import static dev.retort.orm.LoadOption.selectInLoad;
import static dev.retort.orm.OrmStatements.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One-to-many collections loaded through a LEFT OUTER JOIN: one statement, each owner once, each
 * collection in its order, and LIMIT/OFFSET counting owners (chosen in a subquery), never rows.
 */
class JoinedCollectionLoadingTest {

    static Engine setUp(TestDatabase db) {
        Engine engine = RelationshipTest.setUp(db);
        RelationshipTest.fill(engine);
        Session.runInTransaction(engine, s -> s.add(new Customer("nobody")));   // an owner without invoices
        return engine;
    }

    static List<String> sqlOf(Engine engine, Runnable work) {
        List<String> sql = new ArrayList<>();
        try (var reg = engine.addListener(new dev.retort.engine.StatementListener() {
            @Override
            public void beforeExecute(dev.retort.engine.StatementEvent event) {
                sql.add(event.sql());
            }
        })) {
            work.run();
        }
        return sql;
    }

    @EachDatabase
    void oneStatementLoadsOwnersAndTheirCollections(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            List<Customer> customers = Retort.expectStatements(engine, 1, () -> s.execute(select(Customer.class)
                    .orderBy(Customer_.NAME.desc())
                    .options(joinedLoad(Customer_.INVOICES).then(noLoad(Invoice_.LINES)))).all());
            assertThat(customers).as("each owner once, in the query's order").extracting(c -> c.name)
                    .containsExactly("nobody", "customer 9", "customer 8", "customer 7", "customer 6", "customer 5",
                            "customer 4", "customer 3", "customer 2", "customer 1", "customer 0");
            Retort.expectStatements(engine, 0, () -> {
                assertThat(customers.get(0).invoices).isEmpty();
                assertThat(customers.get(1).invoices).extracting(i -> i.number).containsExactly(90, 91, 92);
                assertThat(customers.get(10).invoices).extracting(i -> i.number).containsExactly(0, 1, 2);
                assertThat(customers.get(1).invoices.get(0).customer).isSameAs(customers.get(1));
            });
            assertThat(s.execute(select(Invoice.class).where(Invoice_.NUMBER.eq(91))).one())
                    .as("one object per row").isSameAs(customers.get(1).invoices.get(1));
        }
    }

    @EachDatabase
    void theSqlJoinsTheCollectionAndOrdersByOwnerThenElement(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            List<String> sql = sqlOf(engine, () -> s.execute(select(Customer.class).where(Customer_.NAME.like("customer%"))
                    .options(joinedLoad(Customer_.INVOICES).then(noLoad(Invoice_.LINES)))).all());
            assertThat(sql).containsExactly("SELECT customer.id, customer.name, c0_invoice.id, c0_invoice.number, "
                    + "c0_invoice.customer_id, c0_invoice.total FROM customer LEFT OUTER JOIN invoice AS c0_invoice "
                    + "ON c0_invoice.customer_id = customer.id WHERE customer.name LIKE ? "
                    + "ORDER BY customer.id ASC, c0_invoice.number ASC");
        }
    }

    @EachDatabase
    void limitAndOffsetCountOwnersNotJoinedRows(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            List<String> sql = new ArrayList<>();
            List<Customer> page = new ArrayList<>();
            sql.addAll(sqlOf(engine, () -> page.addAll(s.execute(select(Customer.class)
                    .where(Customer_.NAME.like("customer%"))
                    .orderBy(Customer_.NAME).limit(3).offset(2)
                    .options(joinedLoad(Customer_.INVOICES).then(noLoad(Invoice_.LINES)))).all())));
            assertThat(page).extracting(c -> c.name).containsExactly("customer 2", "customer 3", "customer 4");
            assertThat(page).allSatisfy(c -> assertThat(c.invoices).hasSize(3));
            assertThat(page.get(2).invoices).extracting(i -> i.number).containsExactly(40, 41, 42);
            assertThat(sql).containsExactly("SELECT customer.id, customer.name, c0_invoice.id, c0_invoice.number, "
                    + "c0_invoice.customer_id, c0_invoice.total FROM customer LEFT OUTER JOIN invoice AS c0_invoice "
                    + "ON c0_invoice.customer_id = customer.id WHERE customer.name LIKE ? AND customer.id IN "
                    + "(SELECT owners_page.id FROM (SELECT customer.id FROM customer WHERE customer.name LIKE ? "
                    + "ORDER BY customer.name ASC LIMIT ? OFFSET ?) AS owners_page) "
                    + "ORDER BY customer.name ASC, customer.id ASC, c0_invoice.number ASC");
        }
    }

    @EachDatabase
    void collectionsBelowAJoinedCollectionJoinTheirOwnersAliasInTheSameStatement(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            List<String> sql = sqlOf(engine, () -> {
                List<Customer> customers = Retort.expectStatements(engine, 1, () -> s.execute(select(Customer.class)
                        .orderBy(Customer_.NAME).limit(3)
                        .options(joinedLoad(Customer_.INVOICES).then(joinedLoad(Invoice_.LINES)))).all());
                assertThat(customers).extracting(c -> c.name).containsExactly("customer 0", "customer 1", "customer 2");
                Retort.expectStatements(engine, 0, () -> {
                    assertThat(customers.get(1).invoices).extracting(i -> i.number).containsExactly(10, 11, 12);
                    assertThat(customers.get(1).invoices.get(2).lines).extracting(l -> l.product + " x" + l.quantity)
                            .containsExactly("tea x1", "cake x2");
                    assertThat(customers.get(1).invoices.get(2).lines.get(0).invoice).isSameAs(customers.get(1).invoices.get(2));
                    assertThat(customers.stream().flatMap(c -> c.invoices.stream()).mapToInt(i -> i.lines.size()).sum())
                            .isEqualTo(18);
                });
            });
            assertThat(sql).singleElement().satisfies(q -> assertThat(q)
                    .contains("LEFT OUTER JOIN invoice AS c0_invoice ON c0_invoice.customer_id = customer.id "
                            + "LEFT OUTER JOIN invoice_line AS c1_invoice_line ON c1_invoice_line.invoice_id = c0_invoice.id")
                    .contains("(SELECT customer.id FROM customer ORDER BY customer.name ASC LIMIT ?")
                    .endsWith("ORDER BY customer.name ASC, customer.id ASC, c0_invoice.number ASC, c1_invoice_line.id ASC"));
        }
    }

    @EachDatabase
    void aLazyCollectionForgetsTheQuerysPathWhenItIsExpired(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Customer c = s.execute(select(Customer.class).where(Customer_.NAME.eq("customer 1"))
                    .options(dev.retort.orm.LoadOption.lazyLoad(Customer_.INVOICES).then(dev.retort.orm.LoadOption.raiseLoad(Invoice_.LINES))))
                    .one();
            assertThatThrownBy(() -> c.invoices.get(0).lines.size()).as("the path applies to the lazy load")
                    .isInstanceOf(dev.retort.orm.UnloadedRelationshipException.class);
            s.expire(c);
            List.copyOf(c.invoices).forEach(s::expunge);        // the next load makes new invoices
            s.expire(c);
            assertThat(c.invoices.get(0).lines).as("after expiry the relationship's default (select-in) again").hasSize(2);
        }
    }

    /** The yardstick: 100 customers with invoices with lines; lazy is 1 + 100 + N, select-in 3, joined 1. */
    @EachDatabase
    void everyStrategyRunsTheNumberOfStatementsItPromises(TestDatabase db) {
        Engine engine = RelationshipTest.setUp(db);
        Session.runInTransaction(engine, s -> {
            for (int c = 0; c < 100; c++) {
                Customer customer = new Customer("customer " + c);
                for (int i = 0; i < 2; i++) {
                    Invoice invoice = new Invoice(c * 10 + i, BigDecimal.TEN);
                    invoice.lines.add(new InvoiceLine("tea", i + 1));
                    invoice.lines.add(new InvoiceLine("cake", i + 2));
                    customer.invoices.add(invoice);
                }
                s.add(customer);
            }
        });
        record Strategy(String name, int statements, dev.retort.orm.LoadOption option) {
        }
        for (Strategy st : List.of(
                new Strategy("lazy", 1 + 100 + 200, dev.retort.orm.LoadOption.lazyLoad(Customer_.INVOICES)
                        .then(dev.retort.orm.LoadOption.lazyLoad(Invoice_.LINES))),
                new Strategy("select-in", 3, selectInLoad(Customer_.INVOICES).then(selectInLoad(Invoice_.LINES))),
                new Strategy("joined", 1, joinedLoad(Customer_.INVOICES).then(joinedLoad(Invoice_.LINES))))) {
            try (Session s = Session.open(engine)) {
                int lines = Retort.expectStatements(engine, st.statements(), () -> s.execute(select(Customer.class)
                        .options(st.option())).all().stream().flatMap(c -> c.invoices.stream())
                        .mapToInt(i -> i.lines.stream().mapToInt(l -> l.quantity).sum()).sum());
                assertThat(lines).as(st.name()).isEqualTo(100 * (1 + 2 + 2 + 3));
                List<String> ran = sqlOf(engine, () -> s.execute(select(Customer.class).options(st.option())).all()
                        .forEach(c -> c.invoices.forEach(i -> i.lines.size())));
                assertThat(ran).as(st.name() + ": all loaded the first time, none the second").isEqualTo(List.of(ran.get(0)));
            }
            try (Session s = Session.open(engine)) {
                List<String> ran = sqlOf(engine, () -> s.execute(select(Customer.class).options(st.option())).all()
                        .forEach(c -> c.invoices.forEach(i -> i.lines.size())));
                assertThat(ran).as(st.name()).hasSize(st.statements());
            }
        }
    }

    @EachDatabase
    void aSelectInLoadWhoseElementsJoinTheirOwnCollectionsReadsEachElementOnce(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            List<Customer> customers = Retort.expectStatements(engine, 2, () -> s.execute(select(Customer.class)
                    .options(selectInLoad(Customer_.INVOICES).then(joinedLoad(Invoice_.LINES)))).all());
            Retort.expectStatements(engine, 0, () -> {
                assertThat(customers.stream().mapToInt(c -> c.invoices.size()).sum()).as("no invoice twice").isEqualTo(30);
                assertThat(customers.get(0).invoices.get(0).lines).extracting(l -> l.product).containsExactly("tea", "cake");
            });
        }
    }

    @EachDatabase
    void objectsAlreadyInTheSessionKeepTheirLoadedCollectionsAndUnflushedChanges(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Customer two = s.execute(select(Customer.class).where(Customer_.NAME.eq("customer 2"))
                    .options(selectInLoad(Customer_.INVOICES))).one();
            Invoice extra = new Invoice(29, new BigDecimal("1.00"));
            two.invoices.add(extra);                  // pending: autoflush writes it before the query
            List<Customer> all = s.execute(select(Customer.class).options(joinedLoad(Customer_.INVOICES))).all();
            assertThat(all).contains(two);
            assertThat(two.invoices).extracting(i -> i.number).containsExactly(20, 21, 22, 29);
            assertThat(two.invoices.get(3)).isSameAs(extra);
        }
    }

    @EachDatabase
    void manyToManyCollectionsJoinTheAssociationAndTheRelatedTable(TestDatabase db) {
        Engine engine = ManyToManyTest.setUp(db);
        try (Session s = Session.open(engine)) {
            List<String> sql = new ArrayList<>();
            List<Playlist> playlists = new ArrayList<>();
            sql.addAll(sqlOf(engine, () -> playlists.addAll(s.execute(select(Playlist.class).orderBy(Playlist_.NAME)
                    .options(joinedLoad(Playlist_.TRACKS))).all())));
            assertThat(sql).hasSize(1);
            assertThat(sql.get(0)).contains("LEFT OUTER JOIN playlist_track AS l0_playlist_track ON l0_playlist_track.playlist_id = playlist.id",
                    "LEFT OUTER JOIN track AS c0_track ON c0_track.id = l0_playlist_track.track_id");
            assertThat(playlists).extracting(p -> p.name).containsExactly("evening", "morning");
            Retort.expectStatements(engine, 0, () -> {
                assertThat(playlists.get(0).tracks).extracting(t -> t.title).containsExactly("b", "c");
                assertThat(playlists.get(1).tracks).extracting(t -> t.title).containsExactly("a", "b");
                assertThat(playlists.get(0).tracks.get(0)).as("one object per row").isSameAs(playlists.get(1).tracks.get(1));
            });
            playlists.get(0).tracks.remove(0);          // the joined load knows evening's association rows
            s.commit();
        }
        assertThat(ManyToManyTest.pairs(engine)).containsExactly("evening/c", "morning/a", "morning/b");
        try (Session s = Session.open(engine)) {
            List<Playlist> first = Retort.expectStatements(engine, 1, () -> s.execute(select(Playlist.class)
                    .orderBy(Playlist_.NAME).limit(1).options(joinedLoad(Playlist_.TRACKS))).all());
            assertThat(first).singleElement().satisfies(p -> assertThat(p.tracks).extracting(t -> t.title).containsExactly("c"));
        }
    }

    /**
     * FOR UPDATE with joined loading: PostgreSQL refuses to lock the nullable side of the LEFT OUTER
     * JOIN, so only the query's own tables are locked there; the owners' rows are locked.
     */
    @EachDatabase(requires = dev.retort.dialect.Capability.ROW_LOCKING)
    void aLockingQueryWithAJoinedCollectionLocksTheOwners(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine); dev.retort.engine.Connection other = engine.connect()) {
            List<Customer> all = s.execute(select(Customer.class).where(Customer_.NAME.like("customer%")).forUpdate()
                    .options(joinedLoad(Customer_.INVOICES).then(noLoad(Invoice_.LINES)))).all();
            assertThat(all).hasSize(10).allSatisfy(c -> assertThat(c.invoices).hasSize(3));
            List<Customer> page = s.execute(select(Customer.class).orderBy(Customer_.NAME.desc()).offset(1).limit(2).forUpdate()
                    .options(joinedLoad(Customer_.INVOICES).then(noLoad(Invoice_.LINES)))).all();
            assertThat(page).extracting(c -> c.name).containsExactly("customer 9", "customer 8");
            assertThat(page.get(1).invoices).extracting(i -> i.number).containsExactly(80, 81, 82);
            assertThatThrownBy(() -> other.execute(dev.retort.sql.Statements.select(Customer_.NAME).from(Customer_.TABLE)
                    .where(Customer_.ID.eq(page.get(0).id)).forUpdate(dev.retort.sql.Lock.Wait.NOWAIT)).all())
                    .as("the owner's row is locked").isInstanceOf(dev.retort.LockTimeoutException.class);
            other.rollback();
            List<Invoice> invoices = s.execute(select(Invoice.class).where(Invoice_.NUMBER.lt(3)).forUpdate()
                    .options(joinedLoad(Invoice_.CUSTOMER), noLoad(Invoice_.LINES))).all();
            assertThat(invoices).extracting(i -> i.customer.name).containsOnly("customer 0");
            s.rollback();
        }
    }
}
