package dev.retort.migrate.ops;

import dev.retort.dialect.Capability;
import dev.retort.dialect.Dialect;
import dev.retort.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Changes to one existing table, made with ALTER TABLE where the database can make them all
 * that way, else by one rebuild of the table ({@link BatchMode}). Every column and constraint
 * operation runs through here, alone or grouped by {@code ops.batch(...)}.
 */
final class BatchOperation implements Operation {
    private final String schema;
    private final String table;
    private final Table definition;
    private final BatchMode mode;
    private final List<BatchChange> changes;
    private final OnlineSettings online;

    BatchOperation(String schema, String table, Table definition, BatchMode mode, List<BatchChange> changes,
                   OnlineSettings online) {
        this.online = online;
        this.schema = schema;
        this.table = table;
        this.definition = definition;
        this.mode = mode;
        this.changes = List.copyOf(changes);
    }

    @Override
    public void apply(OperationContext ctx) {
        Dialect dialect = ctx.dialect();
        if (mode == BatchMode.REBUILD && dialect.supports(Capability.ALTER_ADD_CONSTRAINT)) {
            throw new OperationException("BatchMode.REBUILD of table " + table + " is for databases whose ALTER TABLE "
                    + "cannot change constraints (SQLite); " + dialect.displayName() + " alters the table in place. "
                    + "Use BatchMode.AUTO.");
        }
        Supplier<Optional<TableShape>> current = new Supplier<>() {
            private Optional<TableShape> shape;

            @Override
            public Optional<TableShape> get() {
                if (shape == null) {
                    shape = ctx.currentShape(schema, table, definition);
                }
                return shape;
            }
        };
        if (mode == BatchMode.AUTO && changes.stream().allMatch(c -> c.alterable(dialect, current))) {
            OnlineForms forms = ctx.forms();
            for (BatchChange c : changes) {
                ctx.rewriting(sql -> sql.startsWith("ALTER TABLE ")
                        ? (c.validatesRows() ? forms.addConstraint(sql, online) : forms.alterTable(sql, online))
                        : sql.startsWith("CREATE ") ? forms.createIndex(sql, online) : sql,
                        () -> c.alter(ctx, schema, table));
            }
            return;
        }
        if (dialect.supports(Capability.ALTER_ADD_CONSTRAINT)) {
            // Rebuilding is SQLite's way; a server that lacks one ALTER form (an old MariaDB without
            // RENAME COLUMN) gets no silent, non-transactional copy of its table.
            throw new OperationException(dialect.displayName() + " cannot " + describeChanges()
                    + " with ALTER TABLE, and tables are rebuilt only on databases whose ALTER TABLE cannot change "
                    + "constraints (SQLite). Write the change for this server with ops.execute(...), or upgrade it.");
        }
        TableShape shape = current.get().orElseThrow(() -> new OperationException(dialect.displayName()
                + " rebuilds table " + table + " to " + describeChanges() + ", which needs the table's current "
                + "definition, and offline there is no database to read it from. Pass it: "
                + "ops.batch(currentTableDefinition, mode, changes), or render this revision online."));
        TableRebuild.run(ctx, shape, changes);
    }

    @Override
    public boolean mayRebuild(Dialect dialect) {
        return mode == BatchMode.REBUILD || changes.stream().anyMatch(c -> c.mayNeedRebuild(dialect));
    }

    @Override
    public List<PlannedChange> planned(Dialect dialect) {
        String op = describe();
        List<PlannedChange> out = new ArrayList<>();
        if (mayRebuild(dialect)) {
            out.add(PlannedChange.of(ChangeKind.REBUILD_TABLE, table, null, op));
        }
        for (BatchChange c : changes) {
            for (PlannedChange p : c.planned(table)) {
                out.add(p.in(op).with(online));
            }
        }
        return out;
    }

    private String describeChanges() {
        StringBuilder b = new StringBuilder();
        for (BatchChange c : changes) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(c.describe(table));
        }
        return b.toString();
    }

    @Override
    public Optional<String> destructive() {
        List<String> lost = new ArrayList<>();
        for (BatchChange c : changes) {
            c.destructive(table).ifPresent(lost::add);
        }
        return lost.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", lost));
    }

    @Override
    public String describe() {
        return (changes.size() == 1 && mode == BatchMode.AUTO ? describeChanges()
                : "batch (" + mode + ") on table " + table + ": " + describeChanges()) + online.describe();
    }
}
