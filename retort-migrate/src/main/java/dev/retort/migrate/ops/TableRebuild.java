package dev.retort.migrate.ops;

import dev.retort.dialect.DdlCompiler;
import dev.retort.schema.Index;
import dev.retort.schema.Table;
import dev.retort.sql.ColumnReference;
import dev.retort.sql.Expression;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.retort.sql.Statements.insert;
import static dev.retort.sql.Statements.select;

/**
 * Rebuilds a table with changes its database's ALTER TABLE cannot make (SQLite's procedure):
 * create the new definition under a temporary name, copy the rows of the columns that survive,
 * drop the old table, rename the new one, create the indexes again. The runner has switched
 * foreign-key enforcement off around the transaction, so rows of other tables that refer to this
 * one are left alone; the plan checks every foreign key before the revision commits.
 */
final class TableRebuild {
    private static final String PREFIX = "_retort_batch_";

    private TableRebuild() {
    }

    static void run(OperationContext ctx, TableShape old, List<BatchChange> changes) {
        TableShape shape = old.copy();
        for (BatchChange c : changes) {
            c.applyTo(shape);
        }
        String temporary = temporaryName(old.name);
        Table oldTable = old.toTable(old.name, false);
        Table newTable = shape.toTable(temporary, false);
        Table finalTable = shape.toTable(old.name, true);
        DdlCompiler ddl = ctx.ddl();
        ctx.ddl(ddl.createTable(newTable, Set.of()));
        List<ColumnReference<?>> into = new ArrayList<>();
        List<Expression<?>> from = new ArrayList<>();
        for (TableShape.ColumnShape c : shape.columns) {
            if (c.origin != null) {
                into.add(newTable.column(c.name));
                from.add(oldTable.column(c.origin));
            }
        }
        if (!into.isEmpty()) {
            ctx.statement(insert(newTable).columns(into.toArray(new ColumnReference<?>[0]))
                    .fromSelect(select(from.toArray(new Expression<?>[0]))));
        }
        ctx.ddl(ddl.dropTable(oldTable));
        ctx.ddl(ddl.renameTable(old.schema, temporary, old.name));
        for (Index i : finalTable.indexes()) {
            ctx.ddl(ddl.createIndex(i));
        }
        ctx.markRebuilt();
    }

    /** {@code _retort_batch_<table>}, cut to the 63 bytes every database takes. */
    static String temporaryName(String table) {
        String name = PREFIX + table;
        while (name.getBytes(StandardCharsets.UTF_8).length > Table.MAX_IDENTIFIER_BYTES) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }
}
