package dev.retort.migrate.autogenerate;

import dev.retort.schema.ForeignKeyOptions;
import dev.retort.schema.MetaData;
import dev.retort.schema.NamingConvention;
import dev.retort.schema.Table;
import dev.retort.testkit.Chinook;
import dev.retort.testkit.DatabaseKind;

import java.util.List;
import java.util.Map;

import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.serverDefaultValue;
import static dev.retort.types.SqlTypes.DATETIME;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.SMALLINT;
import static dev.retort.types.SqlTypes.enumOf;
import static dev.retort.types.SqlTypes.numeric;
import static dev.retort.types.SqlTypes.varchar;

/**
 * A model of the Chinook schema in code, as each database's script creates it (PascalCase names
 * on SQLite and MariaDB, snake case on PostgreSQL; a naming convention that gives the script's
 * constraint and index names), and the same model changed in thirteen ways an application would
 * change it.
 */
final class ChinookModel {
    private final DatabaseKind kind;
    private final boolean changed;
    private final MetaData metadata;

    private ChinookModel(DatabaseKind kind, boolean changed) {
        this.kind = kind;
        this.changed = changed;
        this.metadata = MetaData.builder().namingConvention(convention(kind)).build();
        define();
    }

    /** The schema as the Chinook script creates it. */
    static MetaData original(DatabaseKind kind) {
        return new ChinookModel(kind, false).metadata;
    }

    /**
     * The schema changed: a new table (PlaylistFolder) referred to by a new column of Playlist, a new
     * NOT NULL column with a default (Track.Rating), a wider VARCHAR (Track.Composer), a wider NUMERIC
     * (Invoice.Total), a column made NOT NULL (Genre.Name), a dropped column (Customer.Fax), a renamed
     * column (Artist.Name to DisplayName) and table (MediaType to MediaFormat), a new unique constraint
     * (Customer.Email), a new index (Invoice.BillingCountry), a new server default (InvoiceLine.Quantity),
     * a new enum column with a default (Invoice.Status).
     */
    static MetaData changed(DatabaseKind kind) {
        return new ChinookModel(kind, true).metadata;
    }

    static NamingConvention convention(DatabaseKind kind) {
        if (kind == DatabaseKind.POSTGRESQL) {
            return NamingConvention.of(Map.of("pk", "%(table_name)s_pkey", "fk", "%(table_name)s_%(column_0_name)s_fkey",
                    "ix", "%(column_0_label)s_idx", "uq", "%(table_name)s_%(column_0N_name)s_key"));
        }
        return NamingConvention.of(Map.of("pk", "PK_%(table_name)s", "fk", "FK_%(table_name)s%(column_0_name)s",
                "ix", "IFK_%(table_name)s%(column_0_name)s", "uq", "UQ_%(table_name)s%(column_0N_name)s"));
    }

    /** An object that only spells names for a database. */
    static ChinookModel namesFor(DatabaseKind kind) {
        return new ChinookModel(kind, false);
    }

    /** A name as the database's script spells it. */
    String n(String pascalCase) {
        return Chinook.name(kind, pascalCase);
    }

    private Table.Builder table(String name) {
        return Table.builder(n(name)).metadata(metadata);
    }

    private Table.Builder fk(Table.Builder b, String column, String table, String referred) {
        return b.foreignKey(List.of(n(column)), n(table), List.of(n(referred)), ForeignKeyOptions.defaults())
                .index(null, false, n(column));
    }

    private void define() {
        String mediaType = changed ? "MediaFormat" : "MediaType";
        table("Artist").column(n("ArtistId"), INTEGER, PRIMARY_KEY).column(n(changed ? "DisplayName" : "Name"), varchar(120))
                .build();
        fk(table("Album").column(n("AlbumId"), INTEGER, PRIMARY_KEY).column(n("Title"), varchar(160), NOT_NULL)
                .column(n("ArtistId"), INTEGER, NOT_NULL), "ArtistId", "Artist", "ArtistId").build();
        Table.Builder employee = table("Employee").column(n("EmployeeId"), INTEGER, PRIMARY_KEY)
                .column(n("LastName"), varchar(20), NOT_NULL).column(n("FirstName"), varchar(20), NOT_NULL)
                .column(n("Title"), varchar(30)).column(n("ReportsTo"), INTEGER).column(n("BirthDate"), DATETIME)
                .column(n("HireDate"), DATETIME);
        address(employee, "");
        employee.column(n("Phone"), varchar(24)).column(n("Fax"), varchar(24)).column(n("Email"), varchar(60));
        fk(employee, "ReportsTo", "Employee", "EmployeeId").build();
        Table.Builder customer = table("Customer").column(n("CustomerId"), INTEGER, PRIMARY_KEY)
                .column(n("FirstName"), varchar(40), NOT_NULL).column(n("LastName"), varchar(20), NOT_NULL)
                .column(n("Company"), varchar(80));
        address(customer, "");
        customer.column(n("Phone"), varchar(24));
        if (!changed) {
            customer.column(n("Fax"), varchar(24));
        }
        customer.column(n("Email"), varchar(60), NOT_NULL).column(n("SupportRepId"), INTEGER);
        if (changed) {
            customer.unique(null, n("Email"));
        }
        fk(customer, "SupportRepId", "Employee", "EmployeeId").build();
        table("Genre").column(n("GenreId"), INTEGER, PRIMARY_KEY).column(n("Name"), varchar(120), changed ? NOT_NULL
                : dev.retort.schema.ColumnOptions.NULLABLE).build();
        Table.Builder invoice = table("Invoice").column(n("InvoiceId"), INTEGER, PRIMARY_KEY)
                .column(n("CustomerId"), INTEGER, NOT_NULL).column(n("InvoiceDate"), DATETIME, NOT_NULL);
        address(invoice, "Billing");
        invoice.column(n("Total"), changed ? numeric(12, 2) : numeric(10, 2), NOT_NULL);
        if (changed) {
            invoice.column(n("Status"), enumOf("invoice_status", List.of("open", "paid", "void")), NOT_NULL,
                    serverDefaultValue("paid"));
            invoice.index(null, false, n("BillingCountry"));
        }
        fk(invoice, "CustomerId", "Customer", "CustomerId").build();
        table(mediaType).column(n("MediaTypeId"), INTEGER, PRIMARY_KEY).column(n("Name"), varchar(120)).build();
        if (changed) {
            table("PlaylistFolder").column(n("PlaylistFolderId"), INTEGER, PRIMARY_KEY)
                    .column(n("Name"), varchar(120), NOT_NULL)
                    .column(n("Position"), INTEGER, NOT_NULL, serverDefaultValue(0)).build();
        }
        Table.Builder playlist = table("Playlist").column(n("PlaylistId"), INTEGER, PRIMARY_KEY).column(n("Name"), varchar(120));
        if (changed) {
            fk(playlist.column(n("PlaylistFolderId"), INTEGER), "PlaylistFolderId", "PlaylistFolder", "PlaylistFolderId");
        }
        playlist.build();
        Table.Builder track = table("Track").column(n("TrackId"), INTEGER, PRIMARY_KEY).column(n("Name"), varchar(200), NOT_NULL)
                .column(n("AlbumId"), INTEGER).column(n("MediaTypeId"), INTEGER, NOT_NULL).column(n("GenreId"), INTEGER)
                .column(n("Composer"), varchar(changed ? 400 : 220)).column(n("Milliseconds"), INTEGER, NOT_NULL)
                .column(n("Bytes"), INTEGER).column(n("UnitPrice"), numeric(10, 2), NOT_NULL);
        if (changed) {
            track.column(n("Rating"), SMALLINT, NOT_NULL, serverDefaultValue((short) 0));
        }
        fk(track, "AlbumId", "Album", "AlbumId");
        fk(track, "GenreId", "Genre", "GenreId");
        fk(track, "MediaTypeId", mediaType, "MediaTypeId").build();
        Table.Builder line = table("InvoiceLine").column(n("InvoiceLineId"), INTEGER, PRIMARY_KEY)
                .column(n("InvoiceId"), INTEGER, NOT_NULL).column(n("TrackId"), INTEGER, NOT_NULL)
                .column(n("UnitPrice"), numeric(10, 2), NOT_NULL);
        if (changed) {
            line.column(n("Quantity"), INTEGER, NOT_NULL, serverDefaultValue(1));
        } else {
            line.column(n("Quantity"), INTEGER, NOT_NULL);
        }
        fk(line, "InvoiceId", "Invoice", "InvoiceId");
        fk(line, "TrackId", "Track", "TrackId").build();
        Table.Builder playlistTrack = table("PlaylistTrack").column(n("PlaylistId"), INTEGER, NOT_NULL)
                .column(n("TrackId"), INTEGER, NOT_NULL).primaryKey(null, n("PlaylistId"), n("TrackId"));
        fk(playlistTrack, "PlaylistId", "Playlist", "PlaylistId");
        fk(playlistTrack, "TrackId", "Track", "TrackId").build();
    }

    private void address(Table.Builder b, String prefix) {
        b.column(n(prefix + "Address"), varchar(70)).column(n(prefix + "City"), varchar(40))
                .column(n(prefix + "State"), varchar(40)).column(n(prefix + "Country"), varchar(40))
                .column(n(prefix + "PostalCode"), varchar(10));
    }
}
