package dev.retort.migrate.autogenerate;

import dev.retort.migrate.ops.EnumTypes;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Table;

import java.util.Set;

/** Steps that create, drop and rename whole tables. */
final class TableSteps {
    private TableSteps() {
    }

    /** {@code ops.createTable(Table.builder(...))}, with {@code EnumTypes.EXISTING} when its PostgreSQL enum types are made apart. */
    static String create(Code code, Table table, Set<ForeignKey> omitted, boolean enumTypesExist) {
        String builder = code.tables.builder(table, omitted);
        return "ops.createTable(" + builder + (enumTypesExist ? ",\n" + TableCode.CONTINUATION
                + code.imports.type(EnumTypes.class) + ".EXISTING" : "") + ")";
    }

    /** A table of the model that the database lacks. */
    static final class Add extends Step {
        private final Table table;
        private final Set<ForeignKey> omitted;
        private final boolean enumTypesExist;

        Add(Table table, Set<ForeignKey> omitted, boolean enumTypesExist) {
            super(Phase.CREATE_TABLES, table.name());
            this.table = table;
            this.omitted = omitted;
            this.enumTypesExist = enumTypesExist;
        }

        @Override
        SchemaChange change() {
            return new SchemaChange(SchemaChange.Kind.ADD_TABLE, table.name(), table.name(), "add table " + table.name()
                    + " " + table.columnNames(), null);
        }

        @Override
        Call upgrade(Code code) {
            return Call.of(create(code, table, omitted, enumTypesExist));
        }

        @Override
        Call downgrade(Code code) {
            return Call.of("ops.dropTable(" + code.str(table.name()) + ")");
        }

        @Override
        String destructiveDowngrade() {
            return "drops table " + table.name() + " and its rows";
        }
    }

    /** A table of the database that the model lacks; its definition, as reflected, recreates it in the downgrade. */
    static final class Drop extends Step {
        private final Table reflected;
        private final Set<ForeignKey> omitted;
        private final boolean enumTypesExist;

        Drop(Table reflected, Set<ForeignKey> omitted, boolean enumTypesExist) {
            super(Phase.DROP_TABLES, reflected.name());
            this.reflected = reflected;
            this.omitted = omitted;
            this.enumTypesExist = enumTypesExist;
        }

        @Override
        SchemaChange change() {
            return new SchemaChange(SchemaChange.Kind.DROP_TABLE, reflected.name(), reflected.name(), "drop table "
                    + reflected.name(), destructiveUpgrade());
        }

        @Override
        Call upgrade(Code code) {
            return Call.of("ops.dropTable(" + code.str(reflected.name()) + ")");
        }

        @Override
        Call downgrade(Code code) {
            return Call.of(create(code, reflected, omitted, enumTypesExist));
        }

        @Override
        String destructiveUpgrade() {
            return "drops table " + reflected.name() + " and its rows";
        }
    }

    /** A declared rename of a table. */
    static final class Rename extends Step {
        private final String from;
        private final String to;

        Rename(String from, String to) {
            super(Phase.RENAME_TABLES, from);
            this.from = from;
            this.to = to;
        }

        @Override
        SchemaChange change() {
            return new SchemaChange(SchemaChange.Kind.RENAME_TABLE, to, to, "rename table " + from + " to " + to, null);
        }

        @Override
        Call upgrade(Code code) {
            return Call.of("ops.renameTable(" + code.str(from) + ", " + code.str(to) + ")");
        }

        @Override
        Call downgrade(Code code) {
            return Call.of("ops.renameTable(" + code.str(to) + ", " + code.str(from) + ")");
        }
    }
}
