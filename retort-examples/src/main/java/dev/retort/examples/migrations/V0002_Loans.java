package dev.retort.examples.migrations;

import dev.retort.migrate.Revision;
import dev.retort.migrate.ops.Operations;
import dev.retort.schema.ForeignKeyOptions;
import dev.retort.schema.Table;

import java.util.List;

import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.serverDefaultValue;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.DATE;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.varchar;

/** Loans, and how many copies of each book the library holds. */
public final class V0002_Loans extends Revision {
    public V0002_Loans() {
        super("0002_loans", "Loans and copies", "0001_library");
    }

    @Override
    public void upgrade(Operations ops) {
        ops.addColumn("books", "copies", INTEGER, NOT_NULL, serverDefaultValue(1));
        ops.createTable(Table.builder("loans")
                .column("id", BIGINT, PRIMARY_KEY)
                .column("book_id", BIGINT, NOT_NULL)
                .column("member", varchar(100), NOT_NULL)
                .column("due", DATE, NOT_NULL)
                .foreignKey(List.of("book_id"), "books", List.of("id"), ForeignKeyOptions.defaults().name("fk_loans_book_id"))
                .index("ix_loans_book_id", false, "book_id"));
    }

    @Override
    public void downgrade(Operations ops) {
        ops.dropTable("loans");
        ops.dropColumn("books", "copies");
    }
}
