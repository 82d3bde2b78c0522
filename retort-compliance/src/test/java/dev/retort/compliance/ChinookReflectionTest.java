package dev.retort.compliance;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.reflect.Inspector;
import dev.retort.reflect.ReflectedIndex;
import dev.retort.reflect.ReflectedTable;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.MetaData;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Table;
import dev.retort.testkit.Chinook;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import dev.retort.types.SqlType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.retort.sql.Functions.count;
import static dev.retort.sql.Functions.sum;
import static dev.retort.sql.Statements.select;
import static dev.retort.types.SqlTypes.DATETIME;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.numeric;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads the real Chinook database (shared/datasets/chinook, version 1.4.5) into each database and
 * checks what reflection reads against the scripts' CREATE TABLE statements and the dataset's
 * README: eleven tables, every column with its type and nullability, the primary keys
 * (PlaylistTrack's is composite), the eleven foreign keys and the row counts.
 *
 * <p>The three scripts declare the same types in three spellings (SQLite {@code NVARCHAR(n)},
 * PostgreSQL {@code VARCHAR(n)}, MariaDB {@code NVARCHAR(n)} stored as utf8mb3
 * {@code varchar(n)}; {@code INTEGER} / {@code INT}; {@code DATETIME} / {@code TIMESTAMP};
 * {@code NUMERIC(10,2)}), which all map back to the same Retort types, so one expected schema
 * serves all three; PostgreSQL's names are the snake-case forms.
 */
class ChinookReflectionTest {

    private record Col(String name, SqlType<?> type, boolean nullable) {
    }

    private record Fk(String table, String column, String referredTable, String referredColumn) {
    }

    private static Col nn(String name, SqlType<?> type) {
        return new Col(name, type, false);
    }

    private static Col nul(String name, SqlType<?> type) {
        return new Col(name, type, true);
    }

    /** The columns as the scripts declare them, by SQLite / MariaDB table name. */
    private static final Map<String, List<Col>> COLUMNS = new LinkedHashMap<>();
    /** The primary keys. */
    private static final Map<String, List<String>> PRIMARY_KEYS = new LinkedHashMap<>();
    /** README: "That makes 11 foreign keys." */
    private static final List<Fk> FOREIGN_KEYS = List.of(
            new Fk("Album", "ArtistId", "Artist", "ArtistId"),
            new Fk("Customer", "SupportRepId", "Employee", "EmployeeId"),
            new Fk("Employee", "ReportsTo", "Employee", "EmployeeId"),
            new Fk("Invoice", "CustomerId", "Customer", "CustomerId"),
            new Fk("InvoiceLine", "InvoiceId", "Invoice", "InvoiceId"),
            new Fk("InvoiceLine", "TrackId", "Track", "TrackId"),
            new Fk("PlaylistTrack", "PlaylistId", "Playlist", "PlaylistId"),
            new Fk("PlaylistTrack", "TrackId", "Track", "TrackId"),
            new Fk("Track", "AlbumId", "Album", "AlbumId"),
            new Fk("Track", "GenreId", "Genre", "GenreId"),
            new Fk("Track", "MediaTypeId", "MediaType", "MediaTypeId"));
    /** README, "Tables and row counts". */
    private static final Map<String, Long> ROWS = new LinkedHashMap<>();

    static {
        COLUMNS.put("Album", List.of(nn("AlbumId", INTEGER), nn("Title", varchar(160)), nn("ArtistId", INTEGER)));
        COLUMNS.put("Artist", List.of(nn("ArtistId", INTEGER), nul("Name", varchar(120))));
        COLUMNS.put("Customer", List.of(nn("CustomerId", INTEGER), nn("FirstName", varchar(40)), nn("LastName", varchar(20)),
                nul("Company", varchar(80)), nul("Address", varchar(70)), nul("City", varchar(40)), nul("State", varchar(40)),
                nul("Country", varchar(40)), nul("PostalCode", varchar(10)), nul("Phone", varchar(24)),
                nul("Fax", varchar(24)), nn("Email", varchar(60)), nul("SupportRepId", INTEGER)));
        COLUMNS.put("Employee", List.of(nn("EmployeeId", INTEGER), nn("LastName", varchar(20)), nn("FirstName", varchar(20)),
                nul("Title", varchar(30)), nul("ReportsTo", INTEGER), nul("BirthDate", DATETIME), nul("HireDate", DATETIME),
                nul("Address", varchar(70)), nul("City", varchar(40)), nul("State", varchar(40)), nul("Country", varchar(40)),
                nul("PostalCode", varchar(10)), nul("Phone", varchar(24)), nul("Fax", varchar(24)), nul("Email", varchar(60))));
        COLUMNS.put("Genre", List.of(nn("GenreId", INTEGER), nul("Name", varchar(120))));
        COLUMNS.put("Invoice", List.of(nn("InvoiceId", INTEGER), nn("CustomerId", INTEGER), nn("InvoiceDate", DATETIME),
                nul("BillingAddress", varchar(70)), nul("BillingCity", varchar(40)), nul("BillingState", varchar(40)),
                nul("BillingCountry", varchar(40)), nul("BillingPostalCode", varchar(10)), nn("Total", numeric(10, 2))));
        COLUMNS.put("InvoiceLine", List.of(nn("InvoiceLineId", INTEGER), nn("InvoiceId", INTEGER), nn("TrackId", INTEGER),
                nn("UnitPrice", numeric(10, 2)), nn("Quantity", INTEGER)));
        COLUMNS.put("MediaType", List.of(nn("MediaTypeId", INTEGER), nul("Name", varchar(120))));
        COLUMNS.put("Playlist", List.of(nn("PlaylistId", INTEGER), nul("Name", varchar(120))));
        COLUMNS.put("PlaylistTrack", List.of(nn("PlaylistId", INTEGER), nn("TrackId", INTEGER)));
        COLUMNS.put("Track", List.of(nn("TrackId", INTEGER), nn("Name", varchar(200)), nul("AlbumId", INTEGER),
                nn("MediaTypeId", INTEGER), nul("GenreId", INTEGER), nul("Composer", varchar(220)),
                nn("Milliseconds", INTEGER), nul("Bytes", INTEGER), nn("UnitPrice", numeric(10, 2))));
        for (String t : COLUMNS.keySet()) {
            PRIMARY_KEYS.put(t, t.equals("PlaylistTrack") ? List.of("PlaylistId", "TrackId") : List.of(t + "Id"));
        }
        ROWS.put("Album", 347L);
        ROWS.put("Artist", 275L);
        ROWS.put("Customer", 59L);
        ROWS.put("Employee", 8L);
        ROWS.put("Genre", 25L);
        ROWS.put("Invoice", 412L);
        ROWS.put("InvoiceLine", 2240L);
        ROWS.put("MediaType", 5L);
        ROWS.put("Playlist", 18L);
        ROWS.put("PlaylistTrack", 8715L);
        ROWS.put("Track", 3503L);
    }

    private static List<String> names(DatabaseKind kind, List<String> pascal) {
        return pascal.stream().map(n -> Chinook.name(kind, n)).toList();
    }

    @EachDatabase
    void reflectsEveryChinookTableColumnAndKey(TestDatabase db) {
        DatabaseKind kind = db.kind();
        Engine engine = db.engine();
        Chinook.load(db);

        MetaData md = new MetaData();
        List<Table> tables = md.reflectAll(engine);

        assertThat(tables).extracting(Table::name)
                .containsExactlyInAnyOrderElementsOf(names(kind, List.copyOf(COLUMNS.keySet())));
        assertThat(md.tables()).hasSize(11);
        for (Map.Entry<String, List<Col>> e : COLUMNS.entrySet()) {
            Table t = md.table(Chinook.name(kind, e.getKey())).orElseThrow();
            List<String> actual = new ArrayList<>();
            for (Column<?> c : t.columns()) {
                actual.add(c.name() + " " + c.type() + (c.isNullable() ? " NULL" : " NOT NULL"));
            }
            List<String> expected = new ArrayList<>();
            for (Col c : e.getValue()) {
                expected.add(Chinook.name(kind, c.name()) + " " + c.type() + (c.nullable() ? " NULL" : " NOT NULL"));
            }
            assertThat(actual).as("columns of %s", t.name()).containsExactlyElementsOf(expected);

            assertThat(t.primaryKey()).as("primary key of %s", t.name()).isPresent();
            assertThat(t.primaryKey().get().columns()).extracting(Column::name)
                    .containsExactlyElementsOf(names(kind, PRIMARY_KEYS.get(e.getKey())));
            String pkName = t.primaryKey().get().name();
            switch (kind) {
                case POSTGRESQL -> assertThat(pkName).isEqualTo(Chinook.name(kind, e.getKey()) + "_pkey");
                case MARIADB -> assertThat(pkName).isNull();
                default -> assertThat(pkName).isEqualTo("PK_" + e.getKey());
            }
            // Explicit ids everywhere; only SQLite's single INTEGER key is the (generated) rowid.
            for (Column<?> c : t.columns()) {
                boolean rowid = kind.isSqlite() && t.primaryKey().get().columns().size() == 1 && c.isPrimaryKey();
                assertThat(c.isAutoincrement()).as("autoincrement of %s", c.qualifiedName()).isEqualTo(rowid);
            }
        }

        List<String> fks = new ArrayList<>();
        for (Table t : md.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                assertThat(fk.onDelete()).isEqualTo(ReferentialAction.NO_ACTION);
                assertThat(fk.onUpdate()).isEqualTo(ReferentialAction.NO_ACTION);
                assertThat(fk.columns()).hasSize(1);
                assertThat(fk.referredTable()).isSameAs(md.table(fk.referredTableName()).orElseThrow());
                fks.add(t.name() + "." + fk.columns().get(0).name() + " -> " + fk.referredTable().name() + "."
                        + fk.referredColumns().get(0).name());
                String col = fk.columns().get(0).name();
                switch (kind) {
                    case POSTGRESQL -> assertThat(fk.name()).contains(t.name() + "_" + col + "_fkey");
                    case MARIADB -> assertThat(fk.name()).contains("FK_" + t.name() + col);
                    default -> assertThat(fk.name()).isEmpty();
                }
            }
        }
        List<String> expectedFks = new ArrayList<>();
        for (Fk fk : FOREIGN_KEYS) {
            expectedFks.add(Chinook.name(kind, fk.table()) + "." + Chinook.name(kind, fk.column()) + " -> "
                    + Chinook.name(kind, fk.referredTable()) + "." + Chinook.name(kind, fk.referredColumn()));
        }
        assertThat(fks).containsExactlyInAnyOrderElementsOf(expectedFks);

        // README: "Each one has an index." The scripts name them IFK_* (SQLite, MariaDB) and *_idx.
        for (Fk fk : FOREIGN_KEYS) {
            Table t = md.table(Chinook.name(kind, fk.table())).orElseThrow();
            String name = kind == DatabaseKind.POSTGRESQL
                    ? Chinook.name(kind, fk.table()) + "_" + Chinook.name(kind, fk.column()) + "_idx"
                    : "IFK_" + fk.table() + fk.column();
            assertThat(t.indexes()).as("indexes of %s", t.name())
                    .anySatisfy(i -> {
                        assertThat(i.name()).isEqualTo(name);
                        assertThat(i.unique()).isFalse();
                        assertThat(i.columns()).extracting(Column::name).containsExactly(Chinook.name(kind, fk.column()));
                    });
        }

        // The reflected tables are usable at once: count every table's rows through them.
        try (Connection c = engine.connect()) {
            long total = 0;
            for (Map.Entry<String, Long> e : ROWS.entrySet()) {
                Table t = md.table(Chinook.name(kind, e.getKey())).orElseThrow();
                long rows = c.execute(select(count()).from(t)).scalar(Long.class);
                assertThat(rows).as("rows in %s", t.name()).isEqualTo(e.getValue());
                total += rows;
            }
            assertThat(total).isEqualTo(15_607L);

            // README facts that prove the script was split and quoted right, read through the
            // reflected tables: a backslash (MariaDB needs NO_BACKSLASH_ESCAPES), "--" and ";"
            // inside string literals, and the invoice total.
            Table track = md.table(Chinook.name(kind, "Track")).orElseThrow();
            Column<Integer> trackId = track.column(Chinook.name(kind, "TrackId"), Integer.class);
            Column<String> trackName = track.column(Chinook.name(kind, "Name"), String.class);
            assertThat(c.execute(select(trackName).from(track).where(trackId.eq(3435))).scalar(String.class))
                    .isEqualTo("Cavalleria Rusticana \\ Act \\ Intermezzo Sinfonico");
            Table album = md.table(Chinook.name(kind, "Album")).orElseThrow();
            Column<Integer> albumId = album.column(Chinook.name(kind, "AlbumId"), Integer.class);
            assertThat(c.execute(select(album.column(Chinook.name(kind, "Title"))).from(album).where(albumId.eq(87)))
                    .scalar(String.class)).isEqualTo("Quanta Gente Veio ver--Bônus De Carnaval");
            Column<String> composer = track.column(Chinook.name(kind, "Composer"), String.class);
            assertThat(c.execute(select(count()).from(track).where(composer.like("%;%"))).scalar(Long.class))
                    .isPositive();
            Table invoice = md.table(Chinook.name(kind, "Invoice")).orElseThrow();
            Column<BigDecimal> invoiceTotal = invoice.column(Chinook.name(kind, "Total"), BigDecimal.class);
            Object sum = c.execute(select(sum(invoiceTotal)).from(invoice)).scalar();
            // SQLite keeps NUMERIC(10,2) as REAL, so its sum is 2328.600000000004.
            assertThat(new BigDecimal(sum.toString()).setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("2328.60");
        }
    }

    @EachDatabase
    void inspectorReadsChinookTablesOneByOne(TestDatabase db) {
        DatabaseKind kind = db.kind();
        Chinook.load(db);
        try (Connection c = db.engine().connect()) {
            Inspector inspector = c.inspector();
            assertThat(inspector.tableNames(null))
                    .containsExactlyInAnyOrderElementsOf(names(kind, List.copyOf(COLUMNS.keySet())));
            ReflectedTable track = inspector.table(null, Chinook.name(kind, "Track"));
            assertThat(track.columns()).hasSize(9);
            // The type as each script's database keeps it; all three map to VARCHAR(220).
            assertThat(track.column(Chinook.name(kind, "Composer")).orElseThrow().rawType()).isEqualTo(switch (kind) {
                case POSTGRESQL -> "character varying(220)";
                case MARIADB -> "varchar(220)";
                default -> "NVARCHAR(220)";
            });
            assertThat(track.foreignKeys()).extracting(fk -> fk.referredTable())
                    .containsExactlyInAnyOrder(Chinook.name(kind, "Album"), Chinook.name(kind, "Genre"),
                            Chinook.name(kind, "MediaType"));
            assertThat(inspector.indexes(null, Chinook.name(kind, "Track"))).hasSize(3)
                    .allSatisfy(i -> assertThat(i.elements()).noneMatch(ReflectedIndex.Element::isExpression));
            assertThat(inspector.primaryKey(null, Chinook.name(kind, "PlaylistTrack")).orElseThrow().columns())
                    .containsExactlyElementsOf(names(kind, List.of("PlaylistId", "TrackId")));
            assertThat(inspector.uniqueConstraints(null, Chinook.name(kind, "Album"))).isEmpty();
            assertThat(inspector.checkConstraints(null, Chinook.name(kind, "Album"))).isEmpty();
        }
    }
}
