package dev.retort.orm.rel;

import dev.retort.engine.Engine;
import dev.retort.orm.Retort;
import dev.retort.orm.Session;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.retort.orm.LoadOption.containsEager;
import static dev.retort.orm.LoadOption.joinedLoad;
import static dev.retort.orm.LoadOption.noLoad;
import static dev.retort.orm.OrmStatements.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code containsEager}: relationships loaded from the rows of a join the query already has (the
 * application's own, usually filtered), instead of a join or a query Retort adds.
 */
class ContainsEagerTest {

    @EachDatabase
    void aFilteredJoinFillsEachOwnersCollectionWithItsRowsOnly(TestDatabase db) {
        Engine engine = JoinedCollectionLoadingTest.setUp(db);
        try (Session s = Session.open(engine)) {
            List<Customer> customers = Retort.expectStatements(engine, 1, () -> s.execute(select(Customer.class)
                    .join(Customer_.INVOICES).where(Invoice_.NUMBER.in(List.of(21, 22, 41)))
                    .options(containsEager(Customer_.INVOICES).then(noLoad(Invoice_.LINES)))).all());
            assertThat(customers).extracting(c -> c.name).containsExactly("customer 2", "customer 4");
            Retort.expectStatements(engine, 0, () -> {
                assertThat(customers.get(0).invoices).extracting(i -> i.number).containsExactly(21, 22);
                assertThat(customers.get(1).invoices).extracting(i -> i.number).containsExactly(41);
                assertThat(customers.get(1).invoices.get(0).customer).isSameAs(customers.get(1));
            });
        }
    }

    @EachDatabase
    void aLimitCountsTheQuerysRowsAlsoWhenACollectionBelowThemIsAskedJoined(TestDatabase db) {
        Engine engine = JoinedCollectionLoadingTest.setUp(db);
        try (Session s = Session.open(engine)) {
            // Joining the lines too would repeat the rows the LIMIT counts: they load select-in.
            List<Customer> customers = Retort.expectStatements(engine, 2, () -> s.execute(select(Customer.class)
                    .join(Customer_.INVOICES).where(Invoice_.NUMBER.lt(3)).orderBy(Invoice_.NUMBER).limit(2)
                    .options(containsEager(Customer_.INVOICES).then(joinedLoad(Invoice_.LINES)))).all());
            Retort.expectStatements(engine, 0, () -> {
                assertThat(customers).extracting(c -> c.name + c.invoices.stream().map(i -> i.number).toList())
                        .as("the first two rows, as without the option below").containsExactly("customer 0[0, 1]");
                assertThat(customers.get(0).invoices.get(1).lines).hasSize(2);
            });
        }
    }

    @EachDatabase
    void theSqlSelectsTheJoinedTablesColumnsWithoutAnotherJoin(TestDatabase db) {
        Engine engine = JoinedCollectionLoadingTest.setUp(db);
        try (Session s = Session.open(engine)) {
            List<String> sql = JoinedCollectionLoadingTest.sqlOf(engine, () -> s.execute(select(Customer.class)
                    .join(Customer_.INVOICES).where(Invoice_.NUMBER.eq(41))
                    .options(containsEager(Customer_.INVOICES).then(noLoad(Invoice_.LINES)))).all());
            assertThat(sql).containsExactly("SELECT customer.id, customer.name, invoice.id, invoice.number, invoice.customer_id, "
                    + "invoice.total FROM customer JOIN invoice ON invoice.customer_id = customer.id WHERE invoice.number = ? "
                    + "ORDER BY customer.id ASC, invoice.number ASC");
        }
    }

    @EachDatabase
    void anOuterJoinGivesOwnersWithoutRowsAnEmptyLoadedCollection(TestDatabase db) {
        Engine engine = JoinedCollectionLoadingTest.setUp(db);
        try (Session s = Session.open(engine)) {
            List<Customer> customers = Retort.expectStatements(engine, 1, () -> s.execute(select(Customer.class)
                    .outerJoin(Customer_.INVOICES).where(Customer_.NAME.in(List.of("nobody", "customer 1")))
                    .options(containsEager(Customer_.INVOICES).then(noLoad(Invoice_.LINES)))).all());
            assertThat(customers).extracting(c -> c.name).containsExactlyInAnyOrder("customer 1", "nobody");
            Retort.expectStatements(engine, 0, () -> {
                Customer nobody = customers.stream().filter(c -> c.name.equals("nobody")).findFirst().orElseThrow();
                assertThat(nobody.invoices).isEmpty();
                Customer one = customers.stream().filter(c -> c.name.equals("customer 1")).findFirst().orElseThrow();
                assertThat(one.invoices).extracting(i -> i.number).containsExactly(10, 11, 12);
            });
        }
    }

    @EachDatabase
    void aReferenceLoadsFromTheQuerysJoin(TestDatabase db) {
        Engine engine = JoinedCollectionLoadingTest.setUp(db);
        try (Session s = Session.open(engine)) {
            List<Invoice> invoices = Retort.expectStatements(engine, 1, () -> s.execute(select(Invoice.class)
                    .join(Invoice_.CUSTOMER).where(Customer_.NAME.eq("customer 3")).orderBy(Invoice_.NUMBER)
                    .options(containsEager(Invoice_.CUSTOMER), noLoad(Invoice_.LINES))).all());
            assertThat(invoices).extracting(i -> i.number).containsExactly(30, 31, 32);
            assertThat(invoices).allSatisfy(i -> assertThat(i.customer).isSameAs(invoices.get(0).customer));
            assertThat(invoices.get(0).customer.name).isEqualTo("customer 3");
        }
    }

    @EachDatabase
    void withoutTheJoinTheQueryIsRefusedBeforeItRuns(TestDatabase db) {
        Engine engine = JoinedCollectionLoadingTest.setUp(db);
        try (Session s = Session.open(engine)) {
            List<String> sql = JoinedCollectionLoadingTest.sqlOf(engine, () -> assertThatThrownBy(() -> s.execute(
                    select(Customer.class).options(containsEager(Customer_.INVOICES))).all())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("does not join it").hasMessageContaining(".join(Customer_.INVOICES)"));
            assertThat(sql).isEmpty();
        }
    }

    @Test
    void manyToManyIsRefused() {
        assertThatThrownBy(() -> containsEager(Playlist_.TRACKS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("selectInLoad");
    }
}
