package dev.retort.examples.migrations;

import dev.retort.migrate.Revision;
import dev.retort.migrate.ops.Operations;

import static dev.retort.types.SqlTypes.varchar;

// tag::branch[]
/** One developer's branch: thirteen-digit ISBNs. */
public final class V0003_Isbn13 extends Revision {
    public V0003_Isbn13() {
        super("0003_isbn13", "ISBN-13", "0002_loans");
    }

    @Override
    public void upgrade(Operations ops) {
        ops.alterColumn("books", "isbn", c -> c.type(varchar(13)).existingType(varchar(10)).existingNullable(false));
    }

    @Override
    public void downgrade(Operations ops) {
        ops.alterColumn("books", "isbn", c -> c.type(varchar(10)).existingType(varchar(13)).existingNullable(false));
    }
}
// end::branch[]
