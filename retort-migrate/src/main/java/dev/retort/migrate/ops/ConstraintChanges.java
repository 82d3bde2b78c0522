package dev.retort.migrate.ops;

import dev.retort.dialect.Capability;
import dev.retort.dialect.Dialect;
import dev.retort.reflect.ReflectedForeignKey;
import dev.retort.reflect.ReflectedUniqueConstraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Adding and dropping named constraints: unique, foreign key, check. ALTER TABLE does it where the
 * database can alter constraints; elsewhere (SQLite) the table is rebuilt.
 */
final class ConstraintChanges {
    private ConstraintChanges() {
    }

    /** The kinds of constraint, for messages and lookup. */
    enum Kind {
        UNIQUE("unique constraint"), FOREIGN_KEY("foreign key"), CHECK("check constraint");

        final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    /** What all constraint changes share: ALTER TABLE where constraints can be altered, else a rebuild. */
    abstract static class ConstraintChange implements BatchChange {
        @Override
        public boolean alterable(Dialect dialect, Supplier<Optional<TableShape>> current) {
            return dialect.supports(Capability.ALTER_ADD_CONSTRAINT);
        }

        @Override
        public boolean mayNeedRebuild(Dialect dialect) {
            return !dialect.supports(Capability.ALTER_ADD_CONSTRAINT);
        }
    }

    static void requireName(String name, Kind kind, String table) {
        if (name == null || name.isBlank()) {
            throw new OperationException("A " + kind.words + " added to table " + table + " needs a name, so that a "
                    + "downgrade (or a later revision) can drop it by name.");
        }
    }

    /** Adds a UNIQUE constraint. */
    static final class AddUnique extends ConstraintChange {
        private final Table holder;

        AddUnique(Table holder) {
            this.holder = holder;
        }

        @Override
        public void alter(OperationContext ctx, String schema, String table) {
            ctx.ddl(ctx.ddl().addUniqueConstraint(holder, holder.uniqueConstraints().get(0)));
        }

        @Override
        public void applyTo(TableShape shape) {
            ReflectedUniqueConstraint u = TableShape.of(holder).uniques.get(0);
            for (String c : u.columns()) {
                shape.column(c);
            }
            shape.uniques.add(u);
        }

        @Override
        public List<PlannedChange> planned(String table) {
            return List.of(PlannedChange.of(ChangeKind.ADD_UNIQUE, table, holder.uniqueConstraints().get(0).name(),
                    describe(table)));
        }

        @Override
        public String describe(String table) {
            return "add unique constraint " + holder.uniqueConstraints().get(0).name() + " on " + table;
        }
    }

    /** Adds a foreign key. */
    static final class AddForeignKey extends ConstraintChange {
        private final Table holder;

        AddForeignKey(Table holder) {
            this.holder = holder;
        }

        @Override
        public void alter(OperationContext ctx, String schema, String table) {
            ctx.ddl(ctx.ddl().addForeignKey(holder.foreignKeys().get(0)));
        }

        @Override
        public void applyTo(TableShape shape) {
            ReflectedForeignKey fk = TableShape.of(holder).foreignKeys.get(0);
            for (String c : fk.columns()) {
                shape.column(c);
            }
            shape.foreignKeys.add(fk);
        }

        @Override
        public List<PlannedChange> planned(String table) {
            return List.of(PlannedChange.of(ChangeKind.ADD_FOREIGN_KEY, table,
                    holder.foreignKeys().get(0).name().orElse(null), describe(table)));
        }

        @Override
        public boolean validatesRows() {
            return true;
        }

        @Override
        public String describe(String table) {
            ForeignKey fk = holder.foreignKeys().get(0);
            return "add foreign key " + fk.name().orElse("") + " on " + table + " " + fk.columnNames() + " -> "
                    + fk.referredTableName() + " " + fk.referredColumnNames();
        }
    }

    /** Adds a CHECK constraint. */
    static final class AddCheck extends ConstraintChange {
        private final Table holder;

        AddCheck(Table holder) {
            this.holder = holder;
        }

        @Override
        public void alter(OperationContext ctx, String schema, String table) {
            ctx.ddl(ctx.ddl().addCheckConstraint(holder, holder.checkConstraints().get(0)));
        }

        @Override
        public void applyTo(TableShape shape) {
            shape.checks.add(TableShape.of(holder).checks.get(0));
        }

        @Override
        public List<PlannedChange> planned(String table) {
            var check = holder.checkConstraints().get(0);
            return List.of(new PlannedChange(ChangeKind.ADD_CHECK, table, check.name(), null, null, null, false,
                    check.condition(), false, false, null, null, describe(table)));
        }

        @Override
        public boolean validatesRows() {
            return true;
        }

        @Override
        public String describe(String table) {
            return "add check constraint " + holder.checkConstraints().get(0).name() + " on " + table;
        }
    }

    /** Drops a constraint by name. */
    static final class DropConstraint extends ConstraintChange {
        private final String name;
        private final Kind kind;

        DropConstraint(String name, Kind kind) {
            this.name = name;
            this.kind = kind;
        }

        @Override
        public void alter(OperationContext ctx, String schema, String table) {
            switch (kind) {
                case UNIQUE -> ctx.ddl(ctx.ddl().dropUniqueConstraint(schema, table, name));
                case FOREIGN_KEY -> ctx.ddl(ctx.ddl().dropForeignKey(schema, table, name));
                case CHECK -> ctx.ddl(ctx.ddl().dropCheckConstraint(schema, table, name));
                default -> throw new IllegalStateException(kind.name());
            }
        }

        @Override
        public void applyTo(TableShape shape) {
            boolean removed = switch (kind) {
                case UNIQUE -> shape.uniques.removeIf(u -> name.equals(u.name()));
                case FOREIGN_KEY -> shape.foreignKeys.removeIf(fk -> name.equals(fk.name()));
                case CHECK -> shape.checks.removeIf(c -> name.equals(c.name()));
            };
            if (!removed) {
                List<String> names = new ArrayList<>();
                switch (kind) {
                    case UNIQUE -> shape.uniques.forEach(u -> names.add(String.valueOf(u.name())));
                    case FOREIGN_KEY -> shape.foreignKeys.forEach(fk -> names.add(String.valueOf(fk.name())));
                    case CHECK -> shape.checks.forEach(c -> names.add(String.valueOf(c.name())));
                    default -> throw new IllegalStateException(kind.name());
                }
                throw new OperationException("Table " + shape.name + " has no " + kind.words + " named " + name
                        + "; its " + kind.words + "s are " + names + " (null: unnamed, which SQLite keeps only when "
                        + "CREATE TABLE named them). Fix the name, or drop the constraint with the table.");
            }
        }

        @Override
        public List<PlannedChange> planned(String table) {
            return List.of(PlannedChange.of(ChangeKind.DROP_CONSTRAINT, table, name, describe(table)));
        }

        @Override
        public String describe(String table) {
            return "drop " + kind.words + " " + name + " on " + table;
        }
    }

    /**
     * Drops a constraint that has no name, found by its columns (and, for a foreign key, the table
     * it refers to): SQLite keeps no name unless CREATE TABLE gave one. Databases that alter
     * constraints name them all, so there the name is read from the database and the constraint
     * dropped by it.
     */
    static final class DropUnnamed extends ConstraintChange {
        private final Kind kind;
        private final List<String> columns;
        private final String referredTable;

        DropUnnamed(Kind kind, List<String> columns, String referredTable) {
            this.kind = kind;
            this.columns = columns;
            this.referredTable = referredTable;
        }

        private boolean matches(List<String> cols, String referred) {
            return cols.equals(columns) && (referredTable == null || referredTable.equals(referred));
        }

        @Override
        public void alter(OperationContext ctx, String schema, String table) {
            TableShape shape = ctx.currentShape(schema, table, null).orElseThrow(() -> new OperationException(
                    "Offline there is no database to read the name of the " + kind.words + " " + over(table)
                            + " from. Drop it by name, or render this revision online."));
            String name = switch (kind) {
                case UNIQUE -> shape.uniques.stream().filter(u -> matches(u.columns(), null))
                        .map(ReflectedUniqueConstraint::name).findFirst().orElse(null);
                case FOREIGN_KEY -> shape.foreignKeys.stream().filter(fk -> matches(fk.columns(), fk.referredTable()))
                        .map(ReflectedForeignKey::name).findFirst().orElse(null);
                default -> throw new IllegalStateException(kind.name());
            };
            if (name == null) {
                throw notFound(shape);
            }
            new DropConstraint(name, kind).alter(ctx, schema, table);
        }

        @Override
        public void applyTo(TableShape shape) {
            boolean removed = switch (kind) {
                case UNIQUE -> shape.uniques.remove(shape.uniques.stream().filter(u -> matches(u.columns(), null))
                        .findFirst().orElse(null));
                case FOREIGN_KEY -> shape.foreignKeys.remove(shape.foreignKeys.stream()
                        .filter(fk -> matches(fk.columns(), fk.referredTable())).findFirst().orElse(null));
                default -> throw new IllegalStateException(kind.name());
            };
            if (!removed) {
                throw notFound(shape);
            }
        }

        private OperationException notFound(TableShape shape) {
            List<String> found = new ArrayList<>();
            if (kind == Kind.UNIQUE) {
                shape.uniques.forEach(u -> found.add(u.columns().toString()));
            } else {
                shape.foreignKeys.forEach(fk -> found.add(fk.columns() + " -> " + fk.referredTable()));
            }
            return new OperationException("Table " + shape.name + " has no " + kind.words + " " + over(shape.name)
                    + "; its " + kind.words + "s are " + found + ".");
        }

        private String over(String table) {
            return "over " + table + " " + columns + (referredTable == null ? "" : " -> " + referredTable);
        }

        @Override
        public List<PlannedChange> planned(String table) {
            return List.of(PlannedChange.of(ChangeKind.DROP_CONSTRAINT, table, null, describe(table)));
        }

        @Override
        public String describe(String table) {
            return "drop unnamed " + kind.words + " " + over(table);
        }
    }
}
