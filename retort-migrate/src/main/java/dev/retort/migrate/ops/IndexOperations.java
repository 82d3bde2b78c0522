package dev.retort.migrate.ops;

import dev.retort.dialect.Dialect;
import dev.retort.schema.Index;

import java.util.List;

/** Creating and dropping indexes. */
final class IndexOperations {
    private IndexOperations() {
    }

    /** CREATE [UNIQUE] INDEX, in its online form where asked ({@link IndexOptions}). */
    record Create(Index index, OnlineSettings online) implements Operation {
        @Override
        public void apply(OperationContext ctx) {
            ctx.ddl(ctx.forms().createIndex(ctx.ddl().createIndex(index), online));
        }

        @Override
        public boolean needsNoTransaction(Dialect dialect) {
            return OnlineForms.of(dialect).needsNoTransaction(online);
        }

        @Override
        public List<PlannedChange> planned(Dialect dialect) {
            return List.of(PlannedChange.of(ChangeKind.CREATE_INDEX, index.table().name(), index.name(), describe())
                    .with(online));
        }

        @Override
        public String describe() {
            return "create " + (index.unique() ? "unique " : "") + "index " + index.name() + " on "
                    + index.table().name() + online.describe();
        }
    }

    /** DROP INDEX. */
    record Drop(String schema, String table, String name) implements Operation {
        @Override
        public void apply(OperationContext ctx) {
            ctx.ddl(ctx.ddl().dropIndex(schema, table, name));
        }

        @Override
        public List<PlannedChange> planned(Dialect dialect) {
            return List.of(PlannedChange.of(ChangeKind.DROP_INDEX, table, name, describe()));
        }

        @Override
        public String describe() {
            return "drop index " + name + " on " + table;
        }
    }
}
