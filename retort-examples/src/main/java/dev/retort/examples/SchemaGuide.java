package dev.retort.examples;

import dev.retort.dialect.postgresql.PostgresDialect;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKeyOptions;
import dev.retort.schema.MetaData;
import dev.retort.schema.NamingConvention;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Table;
import dev.retort.types.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.retort.schema.ColumnOptions.INDEX;
import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.UNIQUE;
import static dev.retort.schema.ColumnOptions.references;
import static dev.retort.schema.ColumnOptions.serverDefault;
import static dev.retort.schema.ColumnOptions.serverDefaultValue;
import static dev.retort.schema.ColumnOptions.withComment;
import static dev.retort.sql.Statements.text;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.INSTANT;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.numeric;
import static dev.retort.types.SqlTypes.varchar;

/** The samples of {@code docs/schema.md}: a small library catalogue. */
public final class SchemaGuide {
    private SchemaGuide() {
    }

    // tag::metadata[]
    /** The catalogue's tables, with a naming convention so that every constraint has a stable name. */
    public static final class Catalog {
        public final MetaData metadata = MetaData.builder()
                .namingConvention(NamingConvention.of(Map.of(
                        "pk", "pk_%(table_name)s",
                        "fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
                        "uq", "uq_%(table_name)s_%(column_0N_name)s",
                        "ck", "ck_%(table_name)s_%(constraint_name)s",
                        "ix", "ix_%(column_0_label)s")))
                .build();
        public final Authors authors = new Authors();
        public final Books books = new Books();
        // end::metadata[]

        // tag::table-class[]
        /** Writers. */
        public final class Authors extends Table {
            public final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
            public final Column<String> name = column("name", varchar(200), NOT_NULL, withComment("As printed"));
            public final Column<Instant> added = column("added_at", INSTANT, NOT_NULL, serverDefault("CURRENT_TIMESTAMP"));

            Authors() {
                super(metadata, "authors");
            }
        }

        /** Books, each by one author. */
        public final class Books extends Table {
            public final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
            public final Column<String> isbn = column("isbn", varchar(13), NOT_NULL, UNIQUE);
            public final Column<String> title = column("title", varchar(300), NOT_NULL, INDEX);
            public final Column<Long> authorId = column("author_id", BIGINT, NOT_NULL,
                    references(authors.id, ReferentialAction.CASCADE));
            public final Column<BigDecimal> price = column("price", numeric(8, 2));
            public final Column<Integer> copies = column("copies", INTEGER, NOT_NULL, serverDefaultValue(1));

            Books() {
                super(metadata, "books");
                check("copies_not_negative", "copies >= 0");
                comment("Every title the library holds");
            }
        }
        // end::table-class[]
    }

    /**
     * Defines a table at run time, the way reflection and dynamic schemas do.
     *
     * @param metadata the MetaData to add it to
     * @return the table
     */
    public static Table loans(MetaData metadata) {
        // tag::builder[]
        Table loans = Table.builder("loans")
                .metadata(metadata)
                .column("book_id", BIGINT, NOT_NULL)
                .column("member", varchar(100), NOT_NULL)
                .column("due", SqlTypes.DATE, NOT_NULL)
                .primaryKey(null, "book_id", "member")
                .foreignKey(List.of("book_id"), "books", List.of("id"),
                        ForeignKeyOptions.defaults().onDelete(ReferentialAction.CASCADE))
                .build();
        Column<String> member = loans.column("member", String.class);   // typed by the caller
        // end::builder[]
        return member.table();
    }

    /**
     * Creates the catalogue, uses it, and drops it.
     *
     * @param engine an engine on an empty database
     * @return the number of books found before dropping
     */
    public static long createAndDrop(Engine engine) {
        Catalog catalog = new Catalog();
        loans(catalog.metadata);
        // tag::create-all[]
        catalog.metadata.createAll(engine);           // in foreign-key order; skips tables that exist
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO authors (id, name) VALUES (1, 'Ursula K. Le Guin')"));
            conn.execute(text("INSERT INTO books (id, isbn, title, author_id) VALUES (1, '9780441478125', "
                    + "'The Left Hand of Darkness', 1)"));
            conn.commit();
        }
        // end::create-all[]
        long books;
        try (Connection conn = engine.connect()) {
            books = conn.execute(text("SELECT COUNT(*) FROM books")).scalar(Long.class);
        }
        // tag::drop-all[]
        catalog.metadata.dropAll(engine);             // in reverse order, cycles broken first
        // end::drop-all[]
        return books;
    }

    /**
     * Creates the catalogue, then reads it back from the database as if the code did not know it.
     *
     * @param engine an engine on an empty database
     * @return what reflection found
     */
    public static List<String> reflect(Engine engine) {
        Catalog catalog = new Catalog();
        catalog.metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(dev.retort.sql.Statements.insert(catalog.authors).value(catalog.authors.id, 7L)
                    .value(catalog.authors.name, "Octavia E. Butler"));
            conn.execute(dev.retort.sql.Statements.insert(catalog.books).value(catalog.books.id, 1L)
                    .value(catalog.books.isbn, "9780446675505").value(catalog.books.title, "Parable of the Sower")
                    .value(catalog.books.authorId, 7L));
            conn.commit();
        }
        // tag::reflect[]
        MetaData found = new MetaData();
        found.reflectAll(engine);                                 // every table of the connection's schema
        Table books = found.table("books").orElseThrow();
        Table authors = found.table("authors").orElseThrow();
        Column<String> title = books.column("title", String.class);
        Column<String> author = authors.column("name", String.class);
        try (Connection conn = engine.connect()) {
            List<String> lines = conn.execute(dev.retort.sql.Statements.select(title, author).join(authors))
                    .map(row -> row.get(title) + " by " + row.get(author)).all();   // ON inferred from the reflected key
            List<String> tables = conn.inspector().tableNames(null);              // the catalog, read directly
            // end::reflect[]
            conn.commit();
            return List.of(String.join(",", lines), String.valueOf(tables.containsAll(List.of("authors", "books"))),
                    books.foreignKeys().get(0).referredTableName(), String.valueOf(books.column("copies").isNullable()));
        }
    }

    /**
     * Renders the catalogue's DDL for PostgreSQL without connecting.
     *
     * @return the statements
     */
    public static List<String> script() {
        Catalog catalog = new Catalog();
        // tag::script[]
        List<String> ddl = catalog.metadata.createScript(new PostgresDialect());
        // end::script[]
        return ddl;
    }
}
