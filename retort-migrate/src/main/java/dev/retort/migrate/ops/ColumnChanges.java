package dev.retort.migrate.ops;

import dev.retort.dialect.Capability;
import dev.retort.dialect.ColumnChange;
import dev.retort.dialect.DdlCompiler;
import dev.retort.dialect.Dialect;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnOption;
import dev.retort.schema.ColumnOptions;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import dev.retort.types.EnumType;
import dev.retort.types.MappedType;
import dev.retort.types.SqlType;
import dev.retort.types.SqlTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The column changes: add, drop, alter (type, nullability, default, name). */
final class ColumnChanges {
    private ColumnChanges() {
    }

    /** Adds a column, with the foreign key, unique constraint and index its options declare. */
    static final class Add implements BatchChange {
        private final Table holder;
        private final Column<?> column;

        /** @param holder a table of one column, built with the column's options under the real table's name */
        Add(Table holder) {
            this.holder = holder;
            this.column = holder.columns().get(0);
            if (column.isPrimaryKey()) {
                throw new OperationException("Cannot add column " + column.qualifiedName() + " as part of the primary "
                        + "key: add it as an ordinary column, then rebuild the table under the new key.");
            }
        }

        @Override
        public boolean alterable(Dialect dialect, Supplier<Optional<TableShape>> current) {
            return !mayNeedRebuild(dialect);
        }

        @Override
        public boolean mayNeedRebuild(Dialect dialect) {
            // Without ALTER ... ADD CONSTRAINT (SQLite) a foreign key goes inline and an index is
            // created after; only a unique constraint needs the table rebuilt.
            return !dialect.supports(Capability.ALTER_ADD_CONSTRAINT) && !holder.uniqueConstraints().isEmpty();
        }

        @Override
        public void alter(OperationContext ctx, String schema, String table) {
            DdlCompiler ddl = ctx.ddl();
            ctx.ddl(ddl.addColumn(column));
            if (ctx.dialect().supports(Capability.ALTER_ADD_CONSTRAINT)) {
                for (ForeignKey fk : holder.foreignKeys()) {
                    ctx.ddl(ddl.addForeignKey(fk));
                }
                for (UniqueConstraint u : holder.uniqueConstraints()) {
                    ctx.ddl(ddl.addUniqueConstraint(holder, u));
                }
            }
            for (Index i : holder.indexes()) {
                ctx.ddl(ddl.createIndex(i));
            }
        }

        @Override
        public void applyTo(TableShape shape) {
            if (shape.hasColumn(column.name())) {
                throw new OperationException("Cannot add column " + column.name() + " to table " + shape.name
                        + ": it has a column of that name already.");
            }
            TableShape added = TableShape.of(holder);
            TableShape.ColumnShape c = added.columns.get(0);
            shape.columns.add(new TableShape.ColumnShape(c.name, null, c.type, c.nullable, c.serverDefault,
                    c.autoincrement, c.comment));
            shape.foreignKeys.addAll(added.foreignKeys);
            shape.uniques.addAll(added.uniques);
            shape.indexes.addAll(added.indexes);
        }

        @Override
        public List<PlannedChange> planned(String table) {
            List<PlannedChange> out = new ArrayList<>();
            out.add(new PlannedChange(ChangeKind.ADD_COLUMN, table, column.name(), column.type(), null,
                    column.serverDefault().orElse(null), column.isAutoincrement(), null, false, false, null, null,
                    describe(table)));
            for (ForeignKey fk : holder.foreignKeys()) {
                out.add(PlannedChange.of(ChangeKind.ADD_FOREIGN_KEY, table, fk.name().orElse(null), describe(table)));
            }
            for (UniqueConstraint u : holder.uniqueConstraints()) {
                out.add(PlannedChange.of(ChangeKind.ADD_UNIQUE, table, u.name(), describe(table)));
            }
            for (Index i : holder.indexes()) {
                out.add(PlannedChange.of(ChangeKind.CREATE_INDEX, table, i.name(), describe(table)));
            }
            return out;
        }

        @Override
        public String describe(String table) {
            return "add column " + table + "." + column.name() + " " + column.type();
        }
    }

    /** Drops a column (and, as PostgreSQL does, its indexes and the constraints over it alone). */
    static final class Drop implements BatchChange {
        private final String column;

        Drop(String column) {
            this.column = column;
        }

        @Override
        public boolean alterable(Dialect dialect, Supplier<Optional<TableShape>> current) {
            if (!dialect.supports(Capability.ALTER_DROP_COLUMN)) {
                return false;
            }
            if (dialect.supports(Capability.ALTER_ADD_CONSTRAINT)) {
                return true;
            }
            // SQLite refuses to drop a column that a key, constraint or index uses, and an enum column
            // has its CHECK: rebuild then. Offline, without the table's definition, the column is taken to be plain.
            return current.get().map(s -> !s.involves(column) && !isEnum(s.column(column).type)).orElse(true);
        }

        @Override
        public boolean mayNeedRebuild(Dialect dialect) {
            return !dialect.supports(Capability.ALTER_DROP_COLUMN) || !dialect.supports(Capability.ALTER_ADD_CONSTRAINT);
        }

        private static boolean isEnum(SqlType<?> type) {
            SqlType<?> t = type;
            while (t instanceof MappedType<?, ?> m) {
                t = m.stored();
            }
            return t instanceof EnumType<?>;
        }

        @Override
        public void alter(OperationContext ctx, String schema, String table) {
            ctx.ddl(ctx.ddl().dropColumn(schema, table, column));
        }

        @Override
        public void applyTo(TableShape shape) {
            shape.dropColumn(column);
        }

        @Override
        public List<PlannedChange> planned(String table) {
            return List.of(PlannedChange.of(ChangeKind.DROP_COLUMN, table, column, describe(table)));
        }

        @Override
        public String describe(String table) {
            return "drop column " + table + "." + column;
        }

        @Override
        public Optional<String> destructive(String table) {
            return Optional.of("drops column " + table + "." + column + " and its values");
        }
    }

    /** Changes a column's type, nullability, default and name. */
    static final class Alter implements BatchChange {
        private final String column;
        private final ColumnAlteration spec;

        Alter(String column, ColumnAlteration spec) {
            this.column = column;
            this.spec = spec;
        }

        @Override
        public boolean alterable(Dialect dialect, Supplier<Optional<TableShape>> current) {
            return !mayNeedRebuild(dialect);
        }

        @Override
        public boolean mayNeedRebuild(Dialect dialect) {
            return (spec.newName() != null && !dialect.supports(Capability.ALTER_RENAME_COLUMN))
                    || (!spec.changes().isEmpty() && !dialect.supports(Capability.ALTER_COLUMN));
        }

        @Override
        public void alter(OperationContext ctx, String schema, String table) {
            String name = column;
            if (spec.newName() != null) {
                ctx.ddl(ctx.ddl().renameColumn(schema, table, column, spec.newName()));
                name = spec.newName();
            }
            Set<ColumnChange> changes = spec.changes();
            if (changes.isEmpty()) {
                return;
            }
            boolean restate = ctx.ddl().alterColumnRestatesDefinition(changes);
            TableShape.ColumnShape now = restate ? currentColumn(ctx, schema, table, name) : null;
            SqlType<?> type = first(spec.type(), spec.existingType(), now == null ? null : now.type, SqlTypes.TEXT);
            boolean nullable = first(spec.nullable(), spec.existingNullable(), now == null ? null : now.nullable, true);
            ServerDefault def = spec.changes().contains(ColumnChange.SERVER_DEFAULT) ? spec.serverDefault()
                    : spec.existingDefaultKnown() ? spec.existingDefault() : now == null ? null : now.serverDefault;
            String comment = spec.existingComment() != null ? spec.existingComment() : now == null ? null : now.comment;
            boolean autoincrement = now != null && now.autoincrement;
            List<ColumnOption<Object>> options = new ArrayList<>();
            options.add(nullable ? ColumnOptions.NULLABLE : ColumnOptions.NOT_NULL);
            options.add(autoincrement ? ColumnOptions.AUTOINCREMENT : ColumnOptions.NO_AUTOINCREMENT);
            if (def != null) {
                options.add(def.isExpression() ? ColumnOptions.serverDefault(def.expression())
                        : ColumnOptions.serverDefaultValue(def.value()));
            }
            if (comment != null) {
                options.add(ColumnOptions.withComment(comment));
            }
            Table.Builder b = Table.builder(table).schema(schema);
            StubTables.column(b, name, type, options);
            ctx.ddl(ctx.ddl().alterColumn(b.build().column(name), changes));
        }

        /**
         * The column as it is, for a database that restates it whole: what the alteration says
         * about it, and the rest read from the database. Offline, type and nullability must be said.
         */
        private TableShape.ColumnShape currentColumn(OperationContext ctx, String schema, String table, String name) {
            boolean typeKnown = spec.type() != null || spec.existingType() != null;
            boolean nullKnown = spec.nullable() != null || spec.existingNullable() != null;
            if (typeKnown && nullKnown && spec.existingDefaultKnown() && spec.existingComment() != null) {
                return null;
            }
            Optional<TableShape> shape = ctx.currentShape(schema, table, null);
            if (shape.isEmpty()) {
                if (typeKnown && nullKnown) {
                    return null;
                }
                throw new OperationException(ctx.dialect().displayName() + " restates column " + table + "." + name
                        + " whole to change its " + (spec.changes().contains(ColumnChange.TYPE) ? "type" : "nullability")
                        + ", and offline the database cannot say what it is now. Give it with existingType(...) and "
                        + "existingNullable(...) (and existingServerDefault(...) / existingComment(...) if it has them).");
            }
            return shape.get().column(name);
        }

        @SafeVarargs
        private static <T> T first(T... candidates) {
            for (T t : candidates) {
                if (t != null) {
                    return t;
                }
            }
            return null;
        }

        @Override
        public void applyTo(TableShape shape) {
            String name = column;
            shape.column(column);
            if (spec.newName() != null) {
                shape.renameColumn(column, spec.newName());
                name = spec.newName();
            }
            TableShape.ColumnShape c = shape.column(name);
            if (spec.type() != null) {
                c.type = spec.type();
            }
            if (spec.nullable() != null) {
                c.nullable = spec.nullable();
            }
            if (spec.changes().contains(ColumnChange.SERVER_DEFAULT)) {
                c.serverDefault = spec.serverDefault();
            }
        }

        @Override
        public List<PlannedChange> planned(String table) {
            String op = describe(table);
            String name = spec.newName() != null ? spec.newName() : column;
            List<PlannedChange> out = new ArrayList<>();
            if (spec.newName() != null) {
                out.add(PlannedChange.of(ChangeKind.RENAME_COLUMN, table, column, op));
            }
            if (spec.type() != null) {
                out.add(new PlannedChange(ChangeKind.ALTER_COLUMN_TYPE, table, name, spec.type(), spec.existingType(),
                        null, false, null, false, false, null, null, op));
            }
            if (spec.nullable() != null) {
                out.add(PlannedChange.of(spec.nullable() ? ChangeKind.DROP_NOT_NULL : ChangeKind.SET_NOT_NULL, table,
                        name, op));
            }
            if (spec.changes().contains(ColumnChange.SERVER_DEFAULT)) {
                out.add(PlannedChange.of(ChangeKind.ALTER_DEFAULT, table, name, op));
            }
            return out;
        }

        @Override
        public String describe(String table) {
            return "alter column " + table + "." + column + spec;
        }

        /** Narrowing when the alteration says what the type was ({@code existingType}) and the new type may not hold it. */
        @Override
        public Optional<String> destructive(String table) {
            if (spec.type() != null && spec.existingType() != null && TypeNarrowing.narrows(spec.existingType(), spec.type())) {
                return Optional.of("narrows column " + table + "." + column + " from " + spec.existingType() + " to "
                        + spec.type() + ", which may not hold every value");
            }
            return Optional.empty();
        }
    }
}
