package dev.retort.migrate.autogenerate;

import java.util.List;

/** Steps for PostgreSQL's named enum types: create, drop, add and rename labels, recreate. */
final class EnumSteps {
    private EnumSteps() {
    }

    private static Step.Call create(Code code, String name, List<String> labels) {
        return Step.Call.of("ops.createEnumType(" + code.str(name) + ", " + JavaCode.strs(labels) + ")");
    }

    private static Step.Call drop(Code code, String name) {
        return Step.Call.of("ops.dropEnumType(" + code.str(name) + ")");
    }

    static Step.Call recreate(Code code, String name, List<String> labels, List<String> columns) {
        return Step.Call.of("ops.recreateEnumType(" + code.str(name) + ", " + code.list(labels)
                + (columns.isEmpty() ? "" : ", " + JavaCode.strs(columns)) + ")");
    }

    /** A type of the model that the database lacks. */
    static final class Create extends Step {
        private final String name;
        private final List<String> labels;

        Create(String name, List<String> labels) {
            super(Phase.ENUM_TYPES_FIRST, null);
            this.name = name;
            this.labels = labels;
        }

        @Override
        SchemaChange change() {
            return new SchemaChange(SchemaChange.Kind.CREATE_ENUM_TYPE, null, name, "create enum type " + name + " " + labels,
                    null);
        }

        @Override
        Call upgrade(Code code) {
            return create(code, name, labels);
        }

        @Override
        Call downgrade(Code code) {
            return drop(code, name);
        }
    }

    /** A type of the database that no column uses once the upgrade has run. */
    static final class Drop extends Step {
        private final String name;
        private final List<String> labels;

        Drop(String name, List<String> labels) {
            super(Phase.ENUM_TYPES_LAST, null);
            this.name = name;
            this.labels = labels;
        }

        @Override
        SchemaChange change() {
            return new SchemaChange(SchemaChange.Kind.DROP_ENUM_TYPE, null, name, "drop enum type " + name, null);
        }

        @Override
        Call upgrade(Code code) {
            return drop(code, name);
        }

        @Override
        Call downgrade(Code code) {
            return create(code, name, labels);
        }
    }

    /**
     * A label the model adds, placed next to a label the type has. The first added label of a type
     * carries the downgrade, which recreates the type with its old labels (PostgreSQL cannot drop a
     * label); the others undo nothing themselves.
     */
    static final class AddValue extends Step {
        private final String type;
        private final String label;
        private final String before;
        private final String after;
        private final List<String> oldLabels;
        private final List<String> columns;

        /**
         * @param oldLabels the labels before the upgrade, for the downgrade; {@code null} on all but the type's first new label
         * @param columns the columns using the type before the upgrade, as {@code table.column}
         */
        AddValue(String type, String label, String before, String after, List<String> oldLabels, List<String> columns) {
            super(Phase.ENUM_TYPES_FIRST, null);
            this.type = type;
            this.label = label;
            this.before = before;
            this.after = after;
            this.oldLabels = oldLabels;
            this.columns = columns;
        }

        @Override
        SchemaChange change() {
            return new SchemaChange(SchemaChange.Kind.ADD_ENUM_VALUES, null, type, "add value " + label + " to enum type "
                    + type + (before != null ? " before " + before : after != null ? " after " + after : ""), null);
        }

        @Override
        Call upgrade(Code code) {
            if (before != null) {
                return Call.of("ops.addEnumValueBefore(" + code.str(type) + ", " + code.str(label) + ", " + code.str(before) + ")");
            }
            if (after != null) {
                return Call.of("ops.addEnumValueAfter(" + code.str(type) + ", " + code.str(label) + ", " + code.str(after) + ")");
            }
            return Call.of("ops.addEnumValue(" + code.str(type) + ", " + code.str(label) + ")");
        }

        @Override
        Call downgrade(Code code) {
            return oldLabels == null ? null : recreate(code, type, oldLabels, columns);
        }

        @Override
        String destructiveDowngrade() {
            return oldLabels == null ? null : "recreates enum type " + type + " as " + oldLabels
                    + "; a column holding a label it no longer has makes the downgrade fail";
        }
    }

    /** A declared rename of a label. */
    static final class RenameValue extends Step {
        private final String type;
        private final String from;
        private final String to;

        RenameValue(String type, String from, String to) {
            super(Phase.ENUM_TYPES_FIRST, null);
            this.type = type;
            this.from = from;
            this.to = to;
        }

        @Override
        SchemaChange change() {
            return new SchemaChange(SchemaChange.Kind.RENAME_ENUM_VALUE, null, type, "rename value " + from + " of enum type "
                    + type + " to " + to, null);
        }

        @Override
        Call upgrade(Code code) {
            return Call.of("ops.renameEnumValue(" + code.str(type) + ", " + code.str(from) + ", " + code.str(to) + ")");
        }

        @Override
        Call downgrade(Code code) {
            return Call.of("ops.renameEnumValue(" + code.str(type) + ", " + code.str(to) + ", " + code.str(from) + ")");
        }
    }

    /** Labels that go or move: the type is made anew with the model's labels. */
    static final class Recreate extends Step {
        private final String type;
        private final List<String> from;
        private final List<String> to;
        private final List<String> columns;

        /** @param columns the columns that use the type once the upgrade's other steps ran, as {@code table.column} */
        Recreate(String type, List<String> from, List<String> to, List<String> columns) {
            super(Phase.ENUM_TYPES_LAST, null);
            this.type = type;
            this.from = from;
            this.to = to;
            this.columns = columns;
        }

        @Override
        SchemaChange change() {
            return new SchemaChange(SchemaChange.Kind.RECREATE_ENUM_TYPE, null, type, "recreate enum type " + type + ": "
                    + from + " -> " + to, destructiveUpgrade());
        }

        @Override
        Call upgrade(Code code) {
            return recreate(code, type, to, columns);
        }

        @Override
        Call downgrade(Code code) {
            return recreate(code, type, from, columns);
        }

        @Override
        String destructiveUpgrade() {
            return "recreates enum type " + type + " as " + to + "; a column holding a label it no longer has makes the "
                    + "upgrade fail";
        }

        @Override
        String destructiveDowngrade() {
            return "recreates enum type " + type + " as " + from + "; a column holding a label it no longer has makes the "
                    + "downgrade fail";
        }
    }
}
