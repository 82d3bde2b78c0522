package dev.retort.migrate.autogenerate;

import dev.retort.schema.ReferentialAction;

import java.util.List;
import java.util.regex.Pattern;

/** Steps that add and drop foreign keys, unique constraints and indexes. */
final class ConstraintSteps {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ConstraintSteps() {
    }

    /**
     * A foreign key as autogenerate compares and writes it.
     *
     * @param name its name, or {@code null} where the database keeps none
     * @param columns the referencing columns
     * @param referredTable the referenced table
     * @param referredColumns the referenced columns
     * @param onDelete the ON DELETE action
     * @param onUpdate the ON UPDATE action
     * @param deferrable whether it is deferrable
     * @param initiallyDeferred whether it is initially deferred
     */
    record ForeignKeyDef(String name, List<String> columns, String referredTable, List<String> referredColumns,
                         ReferentialAction onDelete, ReferentialAction onUpdate, boolean deferrable,
                         boolean initiallyDeferred) {
        ForeignKeyDef named(String newName) {
            return new ForeignKeyDef(newName, columns, referredTable, referredColumns, onDelete, onUpdate, deferrable,
                    initiallyDeferred);
        }

        String describe(String table) {
            return (name == null ? "" : name + " ") + "on " + table + " " + columns + " -> " + referredTable + " "
                    + referredColumns + (onDelete == ReferentialAction.NO_ACTION ? "" : " ON DELETE " + onDelete.sql())
                    + (onUpdate == ReferentialAction.NO_ACTION ? "" : " ON UPDATE " + onUpdate.sql())
                    + (deferrable ? " DEFERRABLE" : "");
        }
    }

    /**
     * A unique constraint.
     *
     * @param name its name, or {@code null} where the database keeps none
     * @param columns its columns
     */
    record UniqueDef(String name, List<String> columns) {
    }

    /**
     * An index.
     *
     * @param name its name
     * @param unique whether it is unique
     * @param elements its columns and expressions
     * @param where the condition of a partial index, or {@code null}
     */
    record IndexDef(String name, boolean unique, List<String> elements, String where) {
        String describe(String table) {
            return (unique ? "unique index " : "index ") + name + " on " + table + " " + elements
                    + (where == null ? "" : " where " + where);
        }
    }

    private static Step.Call addForeignKey(Code code, String table, ForeignKeyDef fk) {
        String options = code.columns.foreignKeyOptions(null, null, fk.onDelete(), fk.onUpdate(), fk.deferrable(),
                fk.initiallyDeferred());
        String target = code.list(fk.columns()) + ", " + code.str(fk.referredTable()) + ", " + code.list(fk.referredColumns());
        String head = "ops.addForeignKey(" + code.str(fk.name()) + ", " + code.str(table) + ", ";
        String rest = target + (options == null ? "" : (head.length() + target.length() + options.length() > 100
                ? ",\n" + TableCode.CONTINUATION : ", ") + options) + ")";
        return new Step.Call(head + rest, ".addForeignKey(" + code.str(fk.name()) + ", " + rest);
    }

    private static Step.Call dropForeignKey(Code code, String table, ForeignKeyDef fk) {
        if (fk.name() == null) {
            String rest = code.list(fk.columns()) + ", " + code.str(fk.referredTable()) + ")";
            return new Step.Call("ops.dropUnnamedForeignKey(" + code.str(table) + ", " + rest, ".dropUnnamedForeignKey(" + rest);
        }
        return new Step.Call("ops.dropForeignKey(" + code.str(fk.name()) + ", " + code.str(table) + ")",
                ".dropForeignKey(" + code.str(fk.name()) + ")");
    }

    private static Step.Call addUnique(Code code, String table, UniqueDef u) {
        String columns = JavaCode.strs(u.columns());
        return new Step.Call("ops.addUniqueConstraint(" + code.str(u.name()) + ", " + code.str(table) + ", " + columns + ")",
                ".addUniqueConstraint(" + code.str(u.name()) + ", " + columns + ")");
    }

    private static Step.Call dropUnique(Code code, String table, UniqueDef u) {
        if (u.name() == null) {
            String columns = JavaCode.strs(u.columns());
            return new Step.Call("ops.dropUnnamedUniqueConstraint(" + code.str(table) + ", " + columns + ")",
                    ".dropUnnamedUniqueConstraint(" + columns + ")");
        }
        return new Step.Call("ops.dropUniqueConstraint(" + code.str(u.name()) + ", " + code.str(table) + ")",
                ".dropUniqueConstraint(" + code.str(u.name()) + ")");
    }

    private static Step.Call createIndex(Code code, String table, IndexDef i) {
        boolean plain = i.where() == null && i.elements().stream().allMatch(e -> PLAIN_NAME.matcher(e).matches());
        if (plain) {
            return Step.Call.of("ops." + (i.unique() ? "createUniqueIndex(" : "createIndex(") + code.str(i.name()) + ", "
                    + code.str(table) + ", " + JavaCode.strs(i.elements()) + ")");
        }
        return Step.Call.of("ops.createIndex(" + code.str(i.name()) + ", " + code.str(table) + ", " + i.unique() + ", "
                + code.list(i.elements()) + ", " + code.str(i.where()) + ")");
    }

    private static Step.Call dropIndex(Code code, String table, IndexDef i) {
        return Step.Call.of("ops.dropIndex(" + code.str(i.name()) + ", " + code.str(table) + ")");
    }

    /** A foreign key of the model that the database lacks. */
    static final class AddForeignKey extends Step {
        private final ForeignKeyDef fk;

        AddForeignKey(String table, ForeignKeyDef fk) {
            super(Phase.ADD_FOREIGN_KEYS, table);
            this.fk = fk;
        }

        @Override
        SchemaChange change() {
            return new SchemaChange(SchemaChange.Kind.ADD_FOREIGN_KEY, table(), fk.name(), "add foreign key "
                    + fk.describe(table()), null);
        }

        @Override
        Call upgrade(Code code) {
            return addForeignKey(code, table(), fk);
        }

        @Override
        Call downgrade(Code code) {
            return dropForeignKey(code, table(), fk);
        }
    }

    /** A foreign key of the database that the model lacks, or that differs from the model's. */
    static final class DropForeignKey extends Step {
        private final ForeignKeyDef fk;
        private final String restoredName;

        /** @param restoredName the name to give the key when the downgrade adds it back (its own, or made up for an unnamed one) */
        DropForeignKey(String table, ForeignKeyDef fk, String restoredName) {
            super(Phase.DROP_FOREIGN_KEYS, table);
            this.fk = fk;
            this.restoredName = restoredName;
        }

        @Override
        SchemaChange change() {
            return new SchemaChange(SchemaChange.Kind.DROP_FOREIGN_KEY, table(), fk.name(), "drop foreign key "
                    + fk.describe(table()), null);
        }

        @Override
        Call upgrade(Code code) {
            return dropForeignKey(code, table(), fk);
        }

        @Override
        Call downgrade(Code code) {
            return addForeignKey(code, table(), fk.named(restoredName));
        }
    }

    /** A unique constraint of the model that the database lacks. */
    static final class AddUnique extends Step {
        private final UniqueDef unique;

        AddUnique(String table, UniqueDef unique) {
            super(Phase.ADD_INDEXES, table);
            this.unique = unique;
        }

        @Override
        SchemaChange change() {
            return new SchemaChange(SchemaChange.Kind.ADD_UNIQUE_CONSTRAINT, table(), unique.name(), "add unique constraint "
                    + unique.name() + " on " + table() + " " + unique.columns(), null);
        }

        @Override
        Call upgrade(Code code) {
            return addUnique(code, table(), unique);
        }

        @Override
        Call downgrade(Code code) {
            return dropUnique(code, table(), unique);
        }
    }

    /** A unique constraint of the database that the model lacks, or that differs. */
    static final class DropUnique extends Step {
        private final UniqueDef unique;
        private final String restoredName;

        DropUnique(String table, UniqueDef unique, String restoredName) {
            super(Phase.DROP_INDEXES, table);
            this.unique = unique;
            this.restoredName = restoredName;
        }

        @Override
        SchemaChange change() {
            return new SchemaChange(SchemaChange.Kind.DROP_UNIQUE_CONSTRAINT, table(), unique.name(), "drop unique constraint "
                    + (unique.name() == null ? "" : unique.name() + " ") + "on " + table() + " " + unique.columns(), null);
        }

        @Override
        Call upgrade(Code code) {
            return dropUnique(code, table(), unique);
        }

        @Override
        Call downgrade(Code code) {
            return addUnique(code, table(), new UniqueDef(restoredName, unique.columns()));
        }
    }

    /** An index of the model that the database lacks. */
    static final class AddIndex extends Step {
        private final IndexDef index;

        AddIndex(String table, IndexDef index) {
            super(Phase.ADD_INDEXES, table);
            this.index = index;
        }

        @Override
        SchemaChange change() {
            return new SchemaChange(SchemaChange.Kind.ADD_INDEX, table(), index.name(), "add " + index.describe(table()), null);
        }

        @Override
        Call upgrade(Code code) {
            return createIndex(code, table(), index);
        }

        @Override
        Call downgrade(Code code) {
            return dropIndex(code, table(), index);
        }
    }

    /** An index of the database that the model lacks, or that differs. */
    static final class DropIndex extends Step {
        private final IndexDef index;

        DropIndex(String table, IndexDef index) {
            super(Phase.DROP_INDEXES, table);
            this.index = index;
        }

        @Override
        SchemaChange change() {
            return new SchemaChange(SchemaChange.Kind.DROP_INDEX, table(), index.name(), "drop " + index.describe(table()), null);
        }

        @Override
        Call upgrade(Code code) {
            return dropIndex(code, table(), index);
        }

        @Override
        Call downgrade(Code code) {
            return createIndex(code, table(), index);
        }
    }
}
