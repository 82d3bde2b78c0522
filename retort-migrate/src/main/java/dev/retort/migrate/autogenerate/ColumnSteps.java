package dev.retort.migrate.autogenerate;

import dev.retort.migrate.ops.TypeNarrowing;
import dev.retort.schema.Column;
import dev.retort.schema.ServerDefault;
import dev.retort.types.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Steps that add, drop, rename and alter columns of a table both sides have. */
final class ColumnSteps {
    private ColumnSteps() {
    }

    private static Step.Call add(Code code, String table, Column<?> column) {
        String args = code.tables.column(column, false, false);
        return new Step.Call("ops.addColumn(" + code.str(table) + ", " + args + ")", ".addColumn(" + args + ")");
    }

    private static Step.Call drop(Code code, String table, String column) {
        return new Step.Call("ops.dropColumn(" + code.str(table) + ", " + code.str(column) + ")",
                ".dropColumn(" + code.str(column) + ")");
    }

    /** {@code ops.alterColumn(table, column, c -> c...)} and its batch form, the calls on {@code c} given. */
    static Step.Call alter(Code code, String table, String column, List<String> calls) {
        String chain = "c -> c." + String.join(".", calls);
        String head = "ops.alterColumn(" + code.str(table) + ", " + code.str(column) + ", ";
        if (head.length() + chain.length() > 100 && calls.size() > 1) {
            chain = "c -> c\n" + TableCode.CONTINUATION + "." + String.join("\n" + TableCode.CONTINUATION + ".", calls);
        }
        return new Step.Call(head + chain + ")", ".alterColumn(" + code.str(column) + ", " + chain + ")");
    }

    /** A column of the model that the table in the database lacks. */
    static final class Add extends Step {
        private final Column<?> column;

        Add(String table, Column<?> column) {
            super(Phase.COLUMNS, table);
            this.column = column;
        }

        @Override
        SchemaChange change() {
            return new SchemaChange(SchemaChange.Kind.ADD_COLUMN, table(), column.name(), "add column " + table() + "."
                    + column.name() + " " + column.type() + (column.isNullable() ? "" : " NOT NULL"), null);
        }

        @Override
        Call upgrade(Code code) {
            return add(code, table(), column);
        }

        @Override
        Call downgrade(Code code) {
            return drop(code, table(), column.name());
        }

        @Override
        String destructiveDowngrade() {
            return "drops column " + table() + "." + column.name() + " and its values";
        }
    }

    /** A column of the database that the model lacks; as reflected, it comes back in the downgrade (without its values). */
    static final class Drop extends Step {
        private final Column<?> reflected;

        Drop(String table, Column<?> reflected) {
            super(Phase.DROP_COLUMNS, table);
            this.reflected = reflected;
        }

        @Override
        SchemaChange change() {
            return new SchemaChange(SchemaChange.Kind.DROP_COLUMN, table(), reflected.name(), "drop column " + table() + "."
                    + reflected.name(), destructiveUpgrade());
        }

        @Override
        Call upgrade(Code code) {
            return drop(code, table(), reflected.name());
        }

        @Override
        Call downgrade(Code code) {
            return add(code, table(), reflected);
        }

        @Override
        String destructiveUpgrade() {
            return "drops column " + table() + "." + reflected.name() + " and its values";
        }
    }

    /** A declared rename of a column. */
    static final class Rename extends Step {
        private final String from;
        private final String to;

        Rename(String table, String from, String to) {
            super(Phase.RENAME_COLUMNS, table);
            this.from = from;
            this.to = to;
        }

        @Override
        SchemaChange change() {
            return new SchemaChange(SchemaChange.Kind.RENAME_COLUMN, table(), to, "rename column " + table() + "." + from
                    + " to " + to, null);
        }

        @Override
        Call upgrade(Code code) {
            return alter(code, table(), from, List.of("rename(" + code.str(to) + ")"));
        }

        @Override
        Call downgrade(Code code) {
            return alter(code, table(), to, List.of("rename(" + code.str(from) + ")"));
        }
    }

    /**
     * What a column is, in the aspects autogenerate compares.
     *
     * @param type its type
     * @param nullable whether it allows NULL
     * @param serverDefault its server default, or {@code null}
     */
    record State(SqlType<?> type, boolean nullable, ServerDefault serverDefault) {
    }

    /** A column whose type, nullability or server default differs. */
    static final class Alter extends Step {
        private final String column;
        private final State from;
        private final State to;
        private final boolean type;
        private final boolean nullability;
        private final boolean serverDefault;
        private final String comment;

        /**
         * @param from the column in the database
         * @param to the column in the model
         * @param comment the column's comment, kept when a database restates the column
         */
        Alter(String table, String column, State from, State to, boolean type, boolean nullability, boolean serverDefault,
              String comment) {
            super(Phase.COLUMNS, table);
            this.column = column;
            this.from = from;
            this.to = to;
            this.type = type;
            this.nullability = nullability;
            this.serverDefault = serverDefault;
            this.comment = comment;
        }

        @Override
        SchemaChange change() {
            List<String> what = new ArrayList<>();
            if (type) {
                what.add("type " + from.type() + " -> " + to.type());
            }
            if (nullability) {
                what.add(nullText(from.nullable()) + " -> " + nullText(to.nullable()));
            }
            if (serverDefault) {
                what.add("default " + describe(from.serverDefault()) + " -> " + describe(to.serverDefault()));
            }
            return new SchemaChange(SchemaChange.Kind.ALTER_COLUMN, table(), column, "alter column " + table() + "." + column
                    + ": " + String.join(", ", what), destructiveUpgrade());
        }

        private static String nullText(boolean nullable) {
            return nullable ? "NULL" : "NOT NULL";
        }

        private static String describe(ServerDefault d) {
            if (d == null) {
                return "none";
            }
            if (d.isExpression()) {
                return d.expression();
            }
            Object v = d.value();
            return v instanceof CharSequence || v instanceof Enum<?> ? "'" + v + "'" : String.valueOf(v);
        }

        private List<String> calls(Code code, State now, State next) {
            List<String> calls = new ArrayList<>();
            if (type) {
                calls.add("type(" + code.types.of(next.type()) + ")");
            }
            if (nullability) {
                calls.add("nullable(" + next.nullable() + ")");
            }
            if (serverDefault) {
                calls.add(code.columns.alterDefault(next.serverDefault(), next.type()));
            }
            calls.add("existingType(" + code.types.of(now.type()) + ")");
            calls.add("existingNullable(" + now.nullable() + ")");
            if (!serverDefault && now.serverDefault() != null) {
                calls.add("existingServerDefault(" + code.str(code.columns.sql(now.serverDefault())) + ")");
            }
            if (comment != null) {
                calls.add("existingComment(" + code.str(comment) + ")");
            }
            return calls;
        }

        @Override
        Call upgrade(Code code) {
            return alter(code, table(), column, calls(code, from, to));
        }

        @Override
        Call downgrade(Code code) {
            return alter(code, table(), column, calls(code, to, from));
        }

        @Override
        String destructiveUpgrade() {
            return narrowing(from.type(), to.type());
        }

        @Override
        String destructiveDowngrade() {
            return narrowing(to.type(), from.type());
        }

        private String narrowing(SqlType<?> a, SqlType<?> b) {
            return type && TypeNarrowing.narrows(a, b) ? "narrows column " + table() + "." + column + " from " + a + " to "
                    + b + ", which may not hold every value" : null;
        }

        @Override
        public String toString() {
            return Objects.toString(change());
        }
    }
}
