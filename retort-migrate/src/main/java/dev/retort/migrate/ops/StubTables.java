package dev.retort.migrate.ops;

import dev.retort.schema.Column;
import dev.retort.schema.ColumnOption;
import dev.retort.schema.Table;
import dev.retort.types.SqlType;
import dev.retort.types.SqlTypes;

import java.util.List;

/**
 * Tables that carry only what a DDL statement prints: the DDL compiler renders ALTER statements
 * from {@link Table} and {@link Column} objects, and an operation given by names builds the
 * smallest table that holds them. Columns whose type the statement does not print get TEXT.
 */
final class StubTables {
    private StubTables() {
    }

    /** A table with one TEXT column per name (at least one, as every table needs). */
    static Table.Builder named(String schema, String table, List<String> columns) {
        Table.Builder b = Table.builder(table).schema(schema);
        if (columns.isEmpty()) {
            b.column("_", SqlTypes.TEXT);
        }
        for (String c : columns) {
            b.column(c, SqlTypes.TEXT);
        }
        return b;
    }

    /** Adds a column of a type known only at run time, with options of any type. */
    @SuppressWarnings("unchecked")
    static <T> void column(Table.Builder b, String name, SqlType<T> type, List<? extends ColumnOption<? super T>> options) {
        ColumnOption<? super T>[] array = (ColumnOption<? super T>[]) new ColumnOption<?>[options.size()];
        b.column(name, type, options.toArray(array));
    }
}
