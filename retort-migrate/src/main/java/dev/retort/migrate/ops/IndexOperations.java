package dev.retort.migrate.ops;

import dev.retort.schema.Index;

/** Creating and dropping indexes. */
final class IndexOperations {
    private IndexOperations() {
    }

    /** CREATE [UNIQUE] INDEX. */
    record Create(Index index) implements Operation {
        @Override
        public void apply(OperationContext ctx) {
            ctx.ddl(ctx.ddl().createIndex(index));
        }

        @Override
        public String describe() {
            return "create index " + index.name() + " on " + index.table().name();
        }
    }

    /** DROP INDEX. */
    record Drop(String schema, String table, String name) implements Operation {
        @Override
        public void apply(OperationContext ctx) {
            ctx.ddl(ctx.ddl().dropIndex(schema, table, name));
        }

        @Override
        public String describe() {
            return "drop index " + name + " on " + table;
        }
    }
}
