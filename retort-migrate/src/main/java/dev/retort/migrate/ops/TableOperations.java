package dev.retort.migrate.ops;

import dev.retort.schema.Table;

import java.util.List;

/** Creating, dropping and renaming whole tables. */
final class TableOperations {
    private TableOperations() {
    }

    /** CREATE TABLE from a definition, with its named types (PostgreSQL enums) and indexes. */
    record Create(Table table) implements Operation {
        @Override
        public void apply(OperationContext ctx) {
            ctx.ddl(ctx.ddl().createTableStatements(table));
        }

        @Override
        public String describe() {
            return "create table " + table.fullName();
        }
    }

    /** DROP TABLE, by definition (its PostgreSQL enum types go too) or by name. */
    record Drop(String schema, String name, Table definition) implements Operation {
        @Override
        public void apply(OperationContext ctx) {
            if (definition != null) {
                ctx.ddl(ctx.ddl().dropTableStatements(definition));
            } else {
                ctx.ddl(ctx.ddl().dropTable(StubTables.named(schema, name, List.of()).build()));
            }
        }

        @Override
        public String describe() {
            return "drop table " + name;
        }
    }

    /** ALTER TABLE ... RENAME TO. */
    record Rename(String schema, String from, String to) implements Operation {
        @Override
        public void apply(OperationContext ctx) {
            ctx.ddl(ctx.ddl().renameTable(schema, from, to));
        }

        @Override
        public String describe() {
            return "rename table " + from + " to " + to;
        }
    }
}
