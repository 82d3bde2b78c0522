package dev.retort.compliance;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.schema.Column;
import dev.retort.schema.MetaData;
import dev.retort.schema.Table;
import dev.retort.sql.DerivedTable;
import dev.retort.sql.Excluded;
import dev.retort.sql.Window;
import dev.retort.testkit.Chinook;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.math.BigDecimal;
import java.util.List;

import static dev.retort.sql.Functions.count;
import static dev.retort.sql.Functions.notExists;
import static dev.retort.sql.Functions.rank;
import static dev.retort.sql.Functions.sum;
import static dev.retort.sql.Statements.insert;
import static dev.retort.sql.Statements.select;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Realistic queries on the real Chinook database, written with the expression language over the
 * reflected tables, with the answers the dataset gives (checked against its README where it says).
 */
class ChinookQueriesTest {

    /** The reflected Chinook tables, with names in each database's flavour. */
    private static final class Db {
        final DatabaseKind kind;
        final MetaData md = new MetaData();

        Db(TestDatabase db) {
            this.kind = db.kind();
            Chinook.load(db);
            md.reflectAll(db.engine());
        }

        Table table(String pascal) {
            return md.table(Chinook.name(kind, pascal)).orElseThrow();
        }

        <T> Column<T> col(String table, String column, Class<T> type) {
            return table(table).column(Chinook.name(kind, column), type);
        }
    }

    @EachDatabase
    void joinsAggregatesAndAntiJoins(TestDatabase tdb) {
        Db db = new Db(tdb);
        Engine engine = tdb.engine();
        Table track = db.table("Track");
        Table genre = db.table("Genre");
        Column<String> genreName = db.col("Genre", "Name", String.class);
        try (Connection c = engine.connect()) {
            var top = c.execute(select(genreName, count().as("n")).from(track).join(genre).groupBy(genreName)
                    .orderBy(count().desc()).limit(3)).map(r -> r.get(genreName) + " " + r.getLong("n")).all();
            assertThat(top).containsExactly("Rock 1297", "Latin 579", "Metal 374");

            Table customer = db.table("Customer");
            Table invoice = db.table("Invoice");
            Column<Integer> customerId = db.col("Customer", "CustomerId", Integer.class);
            Column<BigDecimal> total = db.col("Invoice", "Total", BigDecimal.class);
            assertThat(c.execute(select(customerId).from(customer).join(invoice).groupBy(customerId)
                    .having(sum(total).gt(new BigDecimal("45")))).all()).hasSize(5);
            assertThat(c.execute(select(sum(total)).from(invoice)).scalar(BigDecimal.class)).isEqualByComparingTo("2328.60");

            Table artist = db.table("Artist");
            Column<Integer> artistId = db.col("Artist", "ArtistId", Integer.class);
            Column<Integer> albumArtist = db.col("Album", "ArtistId", Integer.class);
            assertThat(c.execute(select(count()).from(artist).where(notExists(select(albumArtist).where(albumArtist.eq(artistId)))))
                    .scalar(Long.class)).isEqualTo(71L);

            Column<String> repLastName = db.col("Employee", "LastName", String.class);
            assertThat(c.execute(select(repLastName, count(customerId).as("customers")).from(customer).join(db.table("Employee"))
                    .groupBy(repLastName).orderBy(repLastName)).map(r -> r.get(repLastName) + " " + r.getLong(1)).all())
                    .containsExactly("Johnson 18", "Park 20", "Peacock 21");
        }
    }

    @EachDatabase
    void windowRankingAndRecursiveHierarchy(TestDatabase tdb) {
        Db db = new Db(tdb);
        Column<Integer> invoiceId = db.col("Invoice", "InvoiceId", Integer.class);
        Column<Integer> invoiceCustomer = db.col("Invoice", "CustomerId", Integer.class);
        Column<BigDecimal> total = db.col("Invoice", "Total", BigDecimal.class);
        Table employee = db.table("Employee");
        Column<Integer> employeeId = db.col("Employee", "EmployeeId", Integer.class);
        Column<String> firstName = db.col("Employee", "FirstName", String.class);
        Column<Integer> reportsTo = db.col("Employee", "ReportsTo", Integer.class);
        try (Connection c = tdb.engine().connect()) {
            var r = rank().over(Window.partitionBy(invoiceCustomer).orderBy(total.desc())).as("r");
            assertThat(c.execute(select(invoiceId, r).where(invoiceCustomer.eq(1)).orderBy(total.desc(), invoiceId.asc()).limit(2))
                    .map(row -> row.get(invoiceId) + "#" + row.getLong("r")).all()).containsExactly("327#1", "382#2");

            DerivedTable chain = select(employeeId, firstName, reportsTo).where(employeeId.eq(8)).cte("chain", true)
                    .unionAll(self -> select(employeeId, firstName, reportsTo)
                            .from(employee.join(self, employeeId.eq(self.column(reportsTo)))));
            assertThat(c.execute(select(chain.column(firstName)).from(chain)).scalars(String.class).all())
                    .containsExactlyInAnyOrder("Laura", "Michael", "Andrew");
        }
    }

    @EachDatabase
    void upsertRenamesAnExistingGenre(TestDatabase tdb) {
        Db db = new Db(tdb);
        Table genre = db.table("Genre");
        Column<Integer> id = db.col("Genre", "GenreId", Integer.class);
        Column<String> name = db.col("Genre", "Name", String.class);
        try (Connection c = tdb.engine().connect()) {
            c.execute(insert(genre).value(id, 1).value(name, "Rock & Roll")
                    .onConflictDoUpdate(List.of(id), u -> u.set(name, Excluded.of(name))));
            c.execute(insert(genre).value(id, 26).value(name, "Polka")
                    .onConflictDoUpdate(List.of(id), u -> u.set(name, Excluded.of(name))));
            c.commit();
            assertThat(c.execute(select(name).where(id.in(List.of(1, 26))).orderBy(id)).scalars(String.class).all())
                    .containsExactly("Rock & Roll", "Polka");
            assertThat(c.execute(select(count()).from(genre)).scalar(Long.class)).isEqualTo(26L);
        }
    }
}
