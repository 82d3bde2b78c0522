package dev.retort.migrate.ops;

import dev.retort.dialect.Capability;
import dev.retort.dialect.ColumnChange;
import dev.retort.dialect.DdlCompiler;
import dev.retort.schema.ColumnOptions;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.Table;
import dev.retort.types.EnumType;
import dev.retort.types.SqlTypes;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Named enum types (PostgreSQL): create, drop, add a label, rename a label, and recreate with other
 * labels. On databases without named enum types (SQLite, MariaDB) an enum's labels are part of
 * each column's type, so these operations render nothing there: change the column's type instead.
 */
final class EnumOperations {
    private static final String OLD_PREFIX = "_retort_old_";

    private EnumOperations() {
    }

    private static boolean named(OperationContext ctx) {
        return ctx.dialect().supports(Capability.NAMED_ENUM_TYPES);
    }

    /** CREATE TYPE ... AS ENUM. */
    record Create(String name, List<String> labels) implements Operation {
        @Override
        public void apply(OperationContext ctx) {
            if (named(ctx)) {
                ctx.ddl(ctx.ddl().createEnumType(null, (EnumType<?>) SqlTypes.enumOf(name, labels)));
            }
        }

        @Override
        public String describe() {
            return "create enum type " + name + " " + labels;
        }
    }

    /** DROP TYPE. */
    record Drop(String name) implements Operation {
        @Override
        public void apply(OperationContext ctx) {
            if (named(ctx)) {
                ctx.ddl(ctx.ddl().dropEnumType(null, name));
            }
        }

        @Override
        public String describe() {
            return "drop enum type " + name;
        }
    }

    /** ALTER TYPE ... ADD VALUE, at the end or next to a label. */
    record AddValue(String type, String label, String before, String after) implements Operation {
        @Override
        public void apply(OperationContext ctx) {
            if (named(ctx)) {
                ctx.ddl(ctx.ddl().addEnumValue(null, type, label, before, after));
            }
        }

        @Override
        public String describe() {
            return "add value " + label + " to enum type " + type + (before != null ? " before " + before
                    : after != null ? " after " + after : "");
        }
    }

    /** ALTER TYPE ... RENAME VALUE. */
    record RenameValue(String type, String from, String to) implements Operation {
        @Override
        public void apply(OperationContext ctx) {
            if (named(ctx)) {
                ctx.ddl(ctx.ddl().renameEnumValue(null, type, from, to));
            }
        }

        @Override
        public String describe() {
            return "rename value " + from + " of enum type " + type + " to " + to;
        }
    }

    /**
     * Replaces a type's labels, which PostgreSQL cannot do in place for a label that goes or moves:
     * the old type is renamed aside, the new one created, each column that uses it converted
     * through text (its default dropped and set again around the conversion), the old type dropped.
     * Rows holding a label the new type lacks make the conversion fail.
     *
     * @param name the type
     * @param labels its new labels
     * @param columns the columns that use it, as {@code table.column}
     */
    record Recreate(String name, List<String> labels, List<String> columns) implements Operation {
        @Override
        public void apply(OperationContext ctx) {
            if (!named(ctx)) {
                return;
            }
            Map<String, ServerDefault> defaults = new LinkedHashMap<>();
            for (String c : columns) {
                String[] parts = split(c);
                Optional<TableShape> shape = ctx.currentShape(null, parts[0], null);
                defaults.put(c, shape.map(s -> s.column(parts[1]).serverDefault).orElse(null));
            }
            DdlCompiler ddl = ctx.ddl();
            String old = oldName(name);
            ctx.ddl(ddl.renameEnumType(null, name, old));
            ctx.ddl(ddl.createEnumType(null, (EnumType<?>) SqlTypes.enumOf(name, labels)));
            for (String c : columns) {
                String[] parts = split(c);
                ServerDefault def = defaults.get(c);
                if (def != null) {
                    ctx.ddl(ddl.alterColumn(Table.builder(parts[0]).column(parts[1], SqlTypes.TEXT).build()
                            .column(parts[1]), EnumSet.of(ColumnChange.SERVER_DEFAULT)));
                }
                ctx.ddl(ddl.alterColumn(Table.builder(parts[0]).column(parts[1], SqlTypes.enumOf(name, labels)).build()
                        .column(parts[1]), EnumSet.of(ColumnChange.TYPE)));
                if (def != null) {
                    ctx.ddl(ddl.alterColumn(Table.builder(parts[0]).column(parts[1], SqlTypes.enumOf(name, labels),
                            def.isExpression() ? ColumnOptions.serverDefault(def.expression())
                                    : ColumnOptions.serverDefaultValue(def.value())).build().column(parts[1]),
                            EnumSet.of(ColumnChange.SERVER_DEFAULT)));
                }
            }
            ctx.ddl(ddl.dropEnumType(null, old));
        }

        private static String[] split(String column) {
            int dot = column.indexOf('.');
            if (dot <= 0 || dot == column.length() - 1) {
                throw new OperationException("recreateEnumType names the column '" + column + "'; name each column "
                        + "that uses the type as table.column.");
            }
            return new String[] {column.substring(0, dot), column.substring(dot + 1)};
        }

        /** {@code _retort_old_<name>}, cut to the 63 bytes every database takes. */
        static String oldName(String name) {
            String n = OLD_PREFIX + name;
            while (n.getBytes(StandardCharsets.UTF_8).length > Table.MAX_IDENTIFIER_BYTES) {
                n = n.substring(0, n.length() - 1);
            }
            return n;
        }

        @Override
        public String describe() {
            return "recreate enum type " + name + " as " + labels + " for " + columns;
        }

        @Override
        public Optional<String> destructive() {
            return Optional.of("recreates enum type " + name + " as " + labels + "; a column holding a label it no "
                    + "longer has makes the revision fail");
        }
    }
}
