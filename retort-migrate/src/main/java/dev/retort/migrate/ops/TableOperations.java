package dev.retort.migrate.ops;

import dev.retort.dialect.Dialect;
import dev.retort.schema.Index;
import dev.retort.schema.Table;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Creating, dropping and renaming whole tables. */
final class TableOperations {
    private TableOperations() {
    }

    /** CREATE TABLE from a definition, with its indexes and, unless they exist, its named types (PostgreSQL enums). */
    record Create(Table table, EnumTypes types) implements Operation {
        @Override
        public void apply(OperationContext ctx) {
            if (types == EnumTypes.CREATE) {
                ctx.ddl(ctx.ddl().createTableStatements(table));
                return;
            }
            ctx.ddl(ctx.ddl().createTable(table, Set.of()));
            for (Index i : table.indexes()) {
                ctx.ddl(ctx.ddl().createIndex(i));
            }
        }

        @Override
        public List<PlannedChange> planned(Dialect dialect) {
            return List.of(PlannedChange.of(ChangeKind.CREATE_TABLE, table.name(), null, describe()));
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
        public List<PlannedChange> planned(Dialect dialect) {
            return List.of(PlannedChange.of(ChangeKind.DROP_TABLE, name, null, describe()));
        }

        @Override
        public String describe() {
            return "drop table " + name;
        }

        @Override
        public Optional<String> destructive() {
            return Optional.of("drops table " + name + " and its rows");
        }
    }

    /** ALTER TABLE ... RENAME TO. */
    record Rename(String schema, String from, String to) implements Operation {
        @Override
        public void apply(OperationContext ctx) {
            ctx.ddl(ctx.ddl().renameTable(schema, from, to));
        }

        @Override
        public List<PlannedChange> planned(Dialect dialect) {
            return List.of(PlannedChange.of(ChangeKind.RENAME_TABLE, from, to, describe()));
        }

        @Override
        public String describe() {
            return "rename table " + from + " to " + to;
        }
    }
}
