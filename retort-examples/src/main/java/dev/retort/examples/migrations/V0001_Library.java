package dev.retort.examples.migrations;

import dev.retort.migrate.Revision;
import dev.retort.migrate.ops.EnumTypes;
import dev.retort.migrate.ops.Operations;
import dev.retort.schema.ForeignKeyOptions;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Table;

import java.util.List;

import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.serverDefaultValue;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.enumOf;
import static dev.retort.types.SqlTypes.varchar;

// tag::revision[]
/** The base: authors and their books. */
public final class V0001_Library extends Revision {
    public V0001_Library() {
        super("0001_library", "Authors and books");    // a base revises nothing
    }

    @Override
    public void upgrade(Operations ops) {
        ops.createEnumType("book_format", "paper", "ebook");   // PostgreSQL's CREATE TYPE; nothing elsewhere
        ops.createTable(Table.builder("authors")
                .column("id", BIGINT, PRIMARY_KEY)
                .column("name", varchar(200), NOT_NULL));
        ops.createTable(Table.builder("books")
                .column("id", BIGINT, PRIMARY_KEY)
                .column("author_id", BIGINT, NOT_NULL)
                .column("title", varchar(300), NOT_NULL)
                .column("isbn", varchar(10), NOT_NULL)
                .column("format", enumOf("book_format", List.of("paper", "ebook")), NOT_NULL, serverDefaultValue("paper"))
                .unique("uq_books_isbn", "isbn")
                .foreignKey(List.of("author_id"), "authors", List.of("id"),
                        ForeignKeyOptions.defaults().name("fk_books_author_id").onDelete(ReferentialAction.CASCADE))
                .index("ix_books_title", false, "title"), EnumTypes.EXISTING);
    }

    @Override
    public void downgrade(Operations ops) {
        ops.dropTable("books");
        ops.dropTable("authors");
        ops.dropEnumType("book_format");
    }
}
// end::revision[]
