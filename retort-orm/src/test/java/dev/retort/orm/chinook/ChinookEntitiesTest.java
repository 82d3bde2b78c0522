package dev.retort.orm.chinook;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Row;
import dev.retort.orm.EntityRow;
import dev.retort.orm.ObjectState;
import dev.retort.orm.Registry;
import dev.retort.orm.Retort;
import dev.retort.orm.Session;
import dev.retort.orm.StatementCaptureAccess;
import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.MappedColumn;
import dev.retort.schema.Table;
import dev.retort.sql.Expression;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.function.Function;

import static dev.retort.orm.LoadOption.joinedLoad;
import static dev.retort.orm.LoadOption.noLoad;
import static dev.retort.orm.LoadOption.selectInLoad;
import static dev.retort.orm.OrmStatements.select;
import static dev.retort.sql.Functions.sum;
import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Chinook dataset as entities: realistic reads and writes on the real data, each answer checked
 * against an SQL query of the same data written by hand. The dataset is loaded once per database
 * for the class; tests that write put the data back (or roll back), so their order does not matter.
 *
 * <p>Runs on every database. The entities map the PascalCase names of the SQLite and MariaDB
 * scripts; PostgreSQL's script names tables and columns in snake case
 * ({@code invoice_line.invoice_line_id}), so there {@link ChinookFixture} loads it, creates the
 * entities' own tables from the mapping and copies the rows across (see docs/relationships.md,
 * "Chinook as entities"). The hand-written queries name tables and columns as {@code {Name}},
 * checked against the mapping and quoted for the database, so they read the tables the entities
 * use on each database.
 */
class ChinookEntitiesTest {
    static final Registry REGISTRY = Registry.of(Artist.class, Album.class, Track.class, Genre.class, MediaType.class,
            Playlist.class, Employee.class, Customer.class, Invoice.class, InvoiceLine.class);
    private static final Set<TestDatabase> LOADED = Collections.newSetFromMap(new WeakHashMap<>());

    /** The class's database with Chinook in it, loaded at the first test on it. */
    private static Engine chinook(TestDatabase db) {
        synchronized (LOADED) {
            if (LOADED.add(db)) {
                ChinookFixture.load(db, REGISTRY);
            }
        }
        return db.engine();
    }

    /**
     * The rows of a hand-written query, each turned into text; {@code {Name}} in the SQL is that
     * table or column of the entities' tables, quoted as the engine needs.
     */
    private static List<String> sql(Engine engine, String sql, Map<String, ?> params, Function<Row, String> row) {
        try (Connection c = engine.connect()) {
            return c.execute(text(ChinookFixture.sql(engine, REGISTRY, sql)).bindAll(params)).map(row::apply).all();
        }
    }

    private static String q(Engine engine, String name) {
        return engine.dialect().identifierPreparer().quote(name);
    }

    @EachDatabase(perClass = true)
    void theEntitiesTablesHoldEveryRowOfTheDataset(TestDatabase db) {
        Engine engine = chinook(db);
        // The counts the dataset's README gives; on PostgreSQL they check the copy into the mapped tables.
        Map<String, Long> expected = Map.ofEntries(Map.entry("Album", 347L), Map.entry("Artist", 275L),
                Map.entry("Customer", 59L), Map.entry("Employee", 8L), Map.entry("Genre", 25L), Map.entry("Invoice", 412L),
                Map.entry("InvoiceLine", 2240L), Map.entry("MediaType", 5L), Map.entry("Playlist", 18L),
                Map.entry("PlaylistTrack", 8715L), Map.entry("Track", 3503L));
        Map<String, Long> counted = new TreeMap<>();
        for (Table table : REGISTRY.metadata().tables()) {
            counted.put(table.name(), Long.parseLong(sql(engine, "SELECT COUNT(*) FROM {" + table.name() + "}", Map.of(),
                    r -> r.getString(0)).get(0)));
        }
        assertThat(counted).isEqualTo(expected);
        assertThat(sql(engine, "SELECT SUM({Total}) FROM {Invoice}", Map.of(),
                r -> r.getBigDecimal(0).setScale(2, RoundingMode.HALF_UP).toPlainString())).containsExactly("2328.60");
    }

    @EachDatabase(perClass = true)
    void anArtistsAlbumsWithTheirTracksLoadInThreeSelects(TestDatabase db) {
        Engine engine = chinook(db);
        List<String> loaded = new ArrayList<>();
        try (Session s = Session.open(engine)) {
            List<String> statements = StatementCaptureAccess.during(engine, () -> Retort.expectStatements(engine, 3, () -> {
                // The tracks' genre and media type come with the tracks' query (joined), so a page
                // showing them needs no fourth and fifth SELECT.
                Artist acdc = s.execute(select(Artist.class).where(Artist_.NAME.eq("AC/DC"))
                        .options(selectInLoad(Artist_.ALBUMS).then(selectInLoad(Album_.TRACKS)
                                .then(joinedLoad(Track_.GENRE), joinedLoad(Track_.MEDIA_TYPE))))).one();
                for (Album album : acdc.albums) {
                    assertThat(album.artist).isSameAs(acdc);
                    for (Track track : album.tracks) {
                        assertThat(track.album).isSameAs(album);
                        loaded.add(album.title + " / " + track.name + " / " + track.genre.name + " / " + track.mediaType.name
                                + " / " + track.milliseconds + " / " + track.unitPrice);
                    }
                }
            }));
            assertThat(statements).hasSize(3);
            assertThat(statements.get(0)).startsWith("SELECT").contains(" FROM " + q(engine, "Artist") + " WHERE");
            assertThat(statements.get(1)).startsWith("SELECT").contains(" FROM " + q(engine, "Album") + " WHERE");
            assertThat(statements.get(2)).startsWith("SELECT").contains(" FROM " + q(engine, "Track") + " LEFT OUTER JOIN ")
                    .contains(q(engine, "Genre"), q(engine, "MediaType"));
        }
        List<String> expected = sql(engine, "SELECT al.{Title}, t.{Name}, g.{Name}, m.{Name}, t.{Milliseconds}, t.{UnitPrice} FROM {Artist} ar "
                        + "JOIN {Album} al ON al.{ArtistId} = ar.{ArtistId} JOIN {Track} t ON t.{AlbumId} = al.{AlbumId} "
                        + "JOIN {Genre} g ON g.{GenreId} = t.{GenreId} JOIN {MediaType} m ON m.{MediaTypeId} = t.{MediaTypeId} "
                        + "WHERE ar.{Name} = :name ORDER BY al.{AlbumId}, t.{TrackId}", Map.of("name", "AC/DC"),
                r -> r.getString(0) + " / " + r.getString(1) + " / " + r.getString(2) + " / " + r.getString(3) + " / "
                        + r.getLong(4) + " / " + r.getBigDecimal(5).setScale(2, RoundingMode.HALF_UP));
        assertThat(expected).hasSize(18);
        assertThat(loaded).containsExactlyElementsOf(expected);
    }

    @EachDatabase(perClass = true)
    void theGeneralManagersReportsAndTheirReports(TestDatabase db) {
        Engine engine = chinook(db);
        List<String> tree = new ArrayList<>();
        try (Session s = Session.open(engine)) {
            Employee manager = s.execute(select(Employee.class).where(Employee_.REPORTS_TO_ID.isNull())).one();
            assertThat(manager.title).isEqualTo("General Manager");
            assertThat(manager.hireDate).isEqualTo(LocalDateTime.of(2002, 8, 14, 0, 0));
            for (Employee report : manager.reports) {
                assertThat(report.reportsTo).isSameAs(manager);
                tree.add(manager.lastName + " <- " + report.lastName);
                for (Employee second : report.reports) {
                    assertThat(second.reportsTo).isSameAs(report);
                    tree.add(report.lastName + " <- " + second.lastName);
                }
            }
        }
        assertThat(tree).containsExactlyInAnyOrderElementsOf(sql(engine, "SELECT m.{LastName}, e.{LastName} FROM {Employee} e "
                + "JOIN {Employee} m ON m.{EmployeeId} = e.{ReportsTo}", Map.of(), r -> r.getString(0) + " <- " + r.getString(1)));
        assertThat(tree).as("depth first, each level by key").containsExactly("Adams <- Edwards", "Edwards <- Peacock", "Edwards <- Park", "Edwards <- Johnson",
                "Adams <- Mitchell", "Mitchell <- King", "Mitchell <- Callahan");
    }

    @EachDatabase(perClass = true)
    void aPlaylistsTracksAndATracksPlaylistsThroughTheAssociationTable(TestDatabase db) {
        Engine engine = chinook(db);
        List<String> tracks = new ArrayList<>();
        List<String> playlistsOfFirst = new ArrayList<>();
        try (Session s = Session.open(engine)) {
            List<Playlist> found = new ArrayList<>();
            List<String> sql = StatementCaptureAccess.during(engine, () -> {
                found.add(s.execute(select(Playlist.class).where(Playlist_.NAME.eq("Grunge"))
                        .options(selectInLoad(Playlist_.TRACKS).then(joinedLoad(Track_.ALBUM).then(selectInLoad(Album_.ARTIST)),
                                noLoad(Track_.GENRE), noLoad(Track_.MEDIA_TYPE)))).one());
                found.get(0).tracks.forEach(t -> tracks.add(t.trackId + " " + t.name + " / " + t.album.title + " / " + t.album.artist.name));
            });
            Playlist grunge = found.get(0);
            assertThat(sql).as("the playlist, its tracks with their albums joined, the albums' artists").hasSize(3);
            assertThat(sql.get(1)).contains(" JOIN " + q(engine, "PlaylistTrack") + " ON ")
                    .contains(" LEFT OUTER JOIN " + q(engine, "Album") + " AS ");
            assertThat(sql.get(2)).contains(" FROM " + q(engine, "Artist") + " WHERE ");
            Track first = grunge.tracks.stream().min(Comparator.comparing((Track t) -> t.trackId)).orElseThrow();
            first.playlists.forEach(p -> playlistsOfFirst.add(p.playlistId + " " + p.name));
            assertThat(first.playlists).contains(grunge);
        }
        assertThat(tracks).hasSize(15).containsExactlyInAnyOrderElementsOf(sql(engine,
                "SELECT t.{TrackId}, t.{Name}, al.{Title}, ar.{Name} FROM {Playlist} p "
                        + "JOIN {PlaylistTrack} pt ON pt.{PlaylistId} = p.{PlaylistId} JOIN {Track} t ON t.{TrackId} = pt.{TrackId} "
                        + "JOIN {Album} al ON al.{AlbumId} = t.{AlbumId} JOIN {Artist} ar ON ar.{ArtistId} = al.{ArtistId} "
                        + "WHERE p.{Name} = :name", Map.of("name", "Grunge"),
                r -> r.getLong(0) + " " + r.getString(1) + " / " + r.getString(2) + " / " + r.getString(3)));
        int firstId = tracks.stream().mapToInt(t -> Integer.parseInt(t.substring(0, t.indexOf(' ')))).min().orElseThrow();
        assertThat(playlistsOfFirst).hasSizeGreaterThan(1).containsExactlyInAnyOrderElementsOf(sql(engine,
                "SELECT p.{PlaylistId}, p.{Name} FROM {PlaylistTrack} pt JOIN {Playlist} p ON p.{PlaylistId} = pt.{PlaylistId} "
                        + "WHERE pt.{TrackId} = :track", Map.of("track", firstId), r -> r.getLong(0) + " " + r.getString(1)));
    }

    @EachDatabase(perClass = true)
    void reassigningACustomersSupportRepUpdatesOnlyThatColumn(TestDatabase db) {
        Engine engine = chinook(db);
        Map<String, Integer> luis = Map.of("id", 1);
        String repOfLuis = "SELECT {SupportRepId} FROM {Customer} WHERE {CustomerId} = :id";
        assertThat(sql(engine, repOfLuis, luis, r -> r.getString(0))).containsExactly("3");
        try {
            try (Session s = Session.open(engine)) {
                Customer customer = s.get(Customer.class, 1);
                assertThat(customer.supportRep.lastName).isEqualTo("Peacock");
                Employee park = s.execute(select(Employee.class).where(Employee_.LAST_NAME.eq("Park"))).one();
                customer.supportRep = park;
                List<String> flushed = StatementCaptureAccess.during(engine, s::commit);
                assertThat(flushed).containsExactly("UPDATE " + q(engine, "Customer") + " SET " + q(engine, "SupportRepId")
                        + " = ? WHERE " + q(engine, "Customer") + "." + q(engine, "CustomerId") + " = ?");
            }
            try (Session fresh = Session.open(engine)) {
                Customer again = fresh.get(Customer.class, 1);
                assertThat(again.supportRep.employeeId).isEqualTo(4);
                assertThat(again.supportRep.customers).contains(again);
            }
            assertThat(sql(engine, repOfLuis, luis, r -> r.getString(0))).containsExactly("4");
        } finally {
            try (Session s = Session.open(engine)) {
                s.get(Customer.class, 1).supportRep = s.get(Employee.class, 3);
                s.commit();
            }
        }
        assertThat(sql(engine, repOfLuis, luis, r -> r.getString(0))).containsExactly("3");
    }

    @EachDatabase(perClass = true)
    void deletingAnInvoiceDeletesItsLinesByCascade(TestDatabase db) {
        Engine engine = chinook(db);
        String linesOf = "SELECT COUNT(*) FROM {InvoiceLine} WHERE {InvoiceId} = :id";
        Map<String, Integer> invoice5 = Map.of("id", 5);
        assertThat(sql(engine, linesOf, invoice5, r -> r.getString(0))).containsExactly("14");
        try (Session s = Session.open(engine)) {
            Invoice invoice = s.get(Invoice.class, 5);
            assertThat(invoice.total).isEqualByComparingTo("13.86");
            assertThat(invoice.invoiceDate).isEqualTo(LocalDateTime.of(2021, 1, 11, 0, 0));
            s.delete(invoice);
            assertThat(invoice.lines).hasSize(14).allSatisfy(l -> assertThat(s.state(l)).isEqualTo(ObjectState.DELETED));
            List<String> flushed = StatementCaptureAccess.during(engine, s::flush);
            assertThat(flushed).containsExactly(
                    "DELETE FROM " + q(engine, "InvoiceLine") + " WHERE " + q(engine, "InvoiceLine") + "."
                            + q(engine, "InvoiceLineId") + " = ?",
                    "DELETE FROM " + q(engine, "Invoice") + " WHERE " + q(engine, "Invoice") + "." + q(engine, "InvoiceId") + " = ?");
            try (var result = s.connection().execute(text(ChinookFixture.sql(engine, REGISTRY, linesOf)).bindAll(invoice5))) {
                assertThat(((Number) result.scalar()).longValue()).as("in the session's transaction").isZero();
            }
            s.rollback();
        }
        assertThat(sql(engine, linesOf, invoice5, r -> r.getString(0))).as("rolled back").containsExactly("14");
    }

    @EachDatabase(perClass = true)
    void customersWithTheirInvoiceTotalsMixEntitiesAndAggregates(TestDatabase db) {
        Engine engine = chinook(db);
        Expression<BigDecimal> spent = sum(Invoice_.TOTAL);
        List<String> best;
        try (Session s = Session.open(engine)) {
            List<Expression<?>> groupBy = new ArrayList<>();
            for (MappedColumn c : EntityMapping.of(Customer.class).columns()) {
                groupBy.add(c.column());
            }
            List<EntityRow> rows = s.execute(select(Customer.class, spent)
                    .join(Invoice_.TABLE, Invoice_.CUSTOMER_ID.eq(Customer_.CUSTOMER_ID))
                    .groupBy(groupBy.toArray(Expression<?>[]::new))
                    .orderBy(spent.desc(), Customer_.CUSTOMER_ID.asc())
                    .limit(5)).all();
            best = rows.stream().map(r -> r.get(Customer.class).customerId + " " + r.get(Customer.class).lastName + " "
                    + r.get(spent).setScale(2, RoundingMode.HALF_UP)).toList();
            assertThat(rows.get(0).get(Customer.class)).isSameAs(s.get(Customer.class, 6));
        }
        assertThat(best).containsExactlyElementsOf(sql(engine,
                "SELECT c.{CustomerId}, c.{LastName}, SUM(i.{Total}) FROM {Customer} c JOIN {Invoice} i ON i.{CustomerId} = c.{CustomerId} "
                        + "GROUP BY c.{CustomerId}, c.{LastName} ORDER BY SUM(i.{Total}) DESC, c.{CustomerId} LIMIT 5", Map.of(),
                r -> r.getLong(0) + " " + r.getString(1) + " " + r.getBigDecimal(2).setScale(2, RoundingMode.HALF_UP)));
        assertThat(best.get(0)).isEqualTo("6 Holý 49.62");
    }
}
