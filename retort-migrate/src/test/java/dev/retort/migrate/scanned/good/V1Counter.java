package dev.retort.migrate.scanned.good;

import dev.retort.migrate.Revision;
import dev.retort.migrate.ops.Operations;
import dev.retort.schema.Table;

import java.util.List;
import java.util.Map;

import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.types.SqlTypes.INTEGER;

/** The base: a one-row counter table. */
public final class V1Counter extends Revision {
    private static final Table COUNTER = Table.builder("counter").column("n", INTEGER, NOT_NULL).build();

    public V1Counter() {
        super("v1", "Create the counter");
    }

    @Override
    public void upgrade(Operations ops) {
        ops.createTable(COUNTER);
        ops.bulkInsert(COUNTER, List.of(Map.of("n", 0)));
    }

    @Override
    public void downgrade(Operations ops) {
        ops.dropTable(COUNTER);
    }
}
