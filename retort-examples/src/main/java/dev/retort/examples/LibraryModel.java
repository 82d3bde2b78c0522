package dev.retort.examples;

import dev.retort.schema.ForeignKeyOptions;
import dev.retort.schema.MetaData;
import dev.retort.schema.NamingConvention;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Table;

import java.util.List;
import java.util.Map;

import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.UNIQUE;
import static dev.retort.schema.ColumnOptions.serverDefaultValue;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.DATE;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.enumOf;
import static dev.retort.types.SqlTypes.varchar;

/**
 * The model of the library that {@code docs/migrations.md} migrates: what the schema is after the
 * revisions of {@code dev.retort.examples.migrations}. Autogenerate and {@code check} compare it
 * with the database; {@code retort-migrate.properties} names it as
 * {@code model=dev.retort.examples.LibraryModel#metadata}.
 */
public final class LibraryModel {
    /** The labels of a book's format. */
    public static final List<String> FORMATS = List.of("paper", "ebook", "audio");

    private LibraryModel() {
    }

    /** The convention that names the library's constraints, in the model and in the revisions alike. */
    static final NamingConvention CONVENTION = NamingConvention.of(Map.of(
            "fk", "fk_%(table_name)s_%(column_0_name)s",
            "uq", "uq_%(table_name)s_%(column_0N_name)s",
            "ix", "ix_%(column_0_label)s"));

    /**
     * The library as the revisions leave it.
     *
     * @return a new MetaData with the tables authors, books and loans
     */
    public static MetaData metadata() {
        MetaData md = MetaData.builder().namingConvention(CONVENTION).build();
        Table.builder("authors").metadata(md)
                .column("id", BIGINT, PRIMARY_KEY)
                .column("name", varchar(200), NOT_NULL)
                .build();
        Table.builder("books").metadata(md)
                .column("id", BIGINT, PRIMARY_KEY)
                .column("author_id", BIGINT, NOT_NULL)
                .column("title", varchar(300), NOT_NULL)
                .column("isbn", varchar(13), NOT_NULL, UNIQUE)
                .column("format", enumOf("book_format", FORMATS), NOT_NULL, serverDefaultValue("paper"))
                .column("copies", INTEGER, NOT_NULL, serverDefaultValue(1))
                .foreignKey(List.of("author_id"), "authors", List.of("id"),
                        ForeignKeyOptions.defaults().onDelete(ReferentialAction.CASCADE))
                .index(null, false, "title")
                .build();
        Table.builder("loans").metadata(md)
                .column("id", BIGINT, PRIMARY_KEY)
                .column("book_id", BIGINT, NOT_NULL)
                .column("member", varchar(100), NOT_NULL)
                .column("due", DATE, NOT_NULL)
                .foreignKey(List.of("book_id"), "books", List.of("id"), ForeignKeyOptions.defaults())
                .index(null, false, "book_id")
                .build();
        return md;
    }

    /**
     * The library one change later: loans remember when the book came back. What autogenerate
     * turns into the next revision in the guide.
     *
     * @return a new MetaData
     */
    public static MetaData withReturns() {
        MetaData md = metadata();
        Table loans = md.table("loans").orElseThrow();
        md.remove(loans);
        Table.builder("loans").metadata(md)
                .column("id", BIGINT, PRIMARY_KEY)
                .column("book_id", BIGINT, NOT_NULL)
                .column("member", varchar(100), NOT_NULL)
                .column("due", DATE, NOT_NULL)
                .column("returned_on", DATE)
                .foreignKey(List.of("book_id"), "books", List.of("id"), ForeignKeyOptions.defaults())
                .index(null, false, "book_id")
                .build();
        return md;
    }
}
