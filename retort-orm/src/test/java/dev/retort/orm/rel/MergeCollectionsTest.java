package dev.retort.orm.rel;

import dev.retort.engine.Engine;
import dev.retort.orm.Session;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.math.BigDecimal;
import java.util.List;

import static dev.retort.orm.LoadOption.selectInLoad;
import static dev.retort.orm.OrmStatements.select;
import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;

/** merge copies loaded collections (cascade MERGE): their elements merged, removals and additions written. */
class MergeCollectionsTest {

    /** number:total of a customer's invoices, read with plain SQL. */
    static List<String> invoices(Engine engine, String customer) {
        try (var c = engine.connect()) {
            return c.execute(text("SELECT i.number, i.total FROM invoice i JOIN customer c ON c.id = i.customer_id "
                    + "WHERE c.name = :n ORDER BY i.number").bind("n", customer)).all().stream()
                    .map(r -> ((Number) r.get(0)).intValue() + ":" + new BigDecimal(r.get(1).toString()).stripTrailingZeros().toPlainString())
                    .toList();
        }
    }

    @EachDatabase
    void aNewGraphFromAFormIsMergedWithItsCollection(TestDatabase db) {
        Engine engine = RelationshipTest.setUp(db);
        Customer form = new Customer("zed");
        Invoice first = new Invoice(901, new BigDecimal("5"));
        first.lines.add(new InvoiceLine("tea", 2));
        form.invoices.add(first);
        form.invoices.add(new Invoice(902, new BigDecimal("7")));
        try (Session s = Session.open(engine)) {
            Customer merged = s.merge(form);
            assertThat(merged).isNotSameAs(form);
            assertThat(merged.invoices).hasSize(2).allSatisfy(i -> assertThat(i.customer).isSameAs(merged));
            assertThat(merged.invoices.get(0)).isNotSameAs(first);
            s.commit();
        }
        assertThat(invoices(engine, "zed")).containsExactly("901:5", "902:7");
        assertThat(RelationshipTest.count(engine, "invoice_line")).isEqualTo(1);
        assertThat(form.invoices.get(0).customer).as("the form's own objects are not changed").isNull();
    }

    @EachDatabase
    void aDetachedLoadedCollectionsChangesAreWritten(TestDatabase db) {
        Engine engine = RelationshipTest.setUp(db);
        RelationshipTest.fill(engine);
        Customer detached;
        try (Session s = Session.open(engine)) {
            detached = s.execute(select(Customer.class).where(Customer_.NAME.eq("customer 3"))
                    .options(selectInLoad(Customer_.INVOICES).then(selectInLoad(Invoice_.LINES)))).one();
        }
        detached.invoices.remove(0);                                  // 30: an orphan once merged
        detached.invoices.get(0).total = new BigDecimal("99");       // 31 changed
        detached.invoices.add(new Invoice(33, new BigDecimal("1")));  // new
        try (Session s = Session.open(engine)) {
            Customer merged = s.merge(detached);
            assertThat(merged.invoices).extracting(i -> i.number).containsExactly(31, 32, 33);
            s.commit();
        }
        assertThat(invoices(engine, "customer 3")).containsExactly("31:99", "32:10", "33:1");
        assertThat(RelationshipTest.count(engine, "invoice")).as("30 deleted as an orphan, 33 inserted").isEqualTo(30);
        assertThat(RelationshipTest.count(engine, "invoice_line")).as("30's lines went with it").isEqualTo(58);
    }

    @EachDatabase
    void aCollectionTheDetachedObjectNeverLoadedIsLeftAlone(TestDatabase db) {
        Engine engine = RelationshipTest.setUp(db);
        RelationshipTest.fill(engine);
        Customer detached;
        try (Session s = Session.open(engine)) {
            detached = s.execute(select(Customer.class).where(Customer_.NAME.eq("customer 5"))).one();   // invoices lazy, unread
        }
        detached.name = "customer five";
        try (Session s = Session.open(engine)) {
            s.merge(detached);
            s.commit();
        }
        assertThat(invoices(engine, "customer five")).containsExactly("50:10", "51:10", "52:10");
    }

    @EachDatabase
    void manyToManyMembershipIsMerged(TestDatabase db) {
        Engine engine = ManyToManyTest.setUp(db);
        Playlist detached;
        try (Session s = Session.open(engine)) {
            detached = s.execute(select(Playlist.class).where(Playlist_.NAME.eq("morning"))
                    .options(selectInLoad(Playlist_.TRACKS))).one();
        }
        detached.tracks.remove(0);                        // a
        detached.tracks.add(new Track("d"));
        try (Session s = Session.open(engine)) {
            s.merge(detached);
            s.commit();
        }
        assertThat(ManyToManyTest.pairs(engine)).containsExactly("evening/b", "evening/c", "morning/b", "morning/d");
    }
}
