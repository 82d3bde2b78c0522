package dev.retort.migrate.ops;

import dev.retort.schema.ColumnOption;
import dev.retort.schema.ForeignKeyOptions;
import dev.retort.schema.Table;
import dev.retort.types.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Changes to one existing table, grouped by {@link Operations#batch}: on a database whose ALTER
 * TABLE can make them all, they run as ALTER statements in order; otherwise (SQLite) the table is
 * rebuilt once with all of them. Constraints are named, so that a downgrade can drop them.
 * Not thread-safe; used while a revision records.
 */
public final class BatchOperations {
    private final String schema;
    private final String table;
    private final List<BatchChange> changes = new ArrayList<>();

    BatchOperations(String schema, String table) {
        this.schema = schema;
        this.table = Objects.requireNonNull(table, "table");
    }

    /**
     * Adds a column. Its options may declare a foreign key ({@code references(column)}), a unique
     * constraint or an index, which are added with it; not the primary key.
     *
     * @param name the column name
     * @param type its type
     * @param options NOT NULL, a server default, a comment, ... (see {@link dev.retort.schema.ColumnOptions})
     * @param <T> the Java type of its values
     * @return this batch
     */
    @SafeVarargs
    public final <T> BatchOperations addColumn(String name, SqlType<T> type, ColumnOption<? super T>... options) {
        List<ColumnOption<? super T>> list = new ArrayList<>();
        for (ColumnOption<? super T> o : options) {
            list.add(o);
        }
        return addColumn(name, type, list);
    }

    <T> BatchOperations addColumn(String name, SqlType<T> type, List<ColumnOption<? super T>> options) {
        Table.Builder b = Table.builder(table).schema(schema);
        StubTables.column(b, name, type, options);
        changes.add(new ColumnChanges.Add(b.build()));
        return this;
    }

    /**
     * Drops a column, with the indexes and the unique and foreign-key constraints over it.
     *
     * @param name the column name
     * @return this batch
     */
    public BatchOperations dropColumn(String name) {
        changes.add(new ColumnChanges.Drop(Objects.requireNonNull(name, "name")));
        return this;
    }

    /**
     * Changes a column's type, nullability, server default or name.
     *
     * @param name the column's current name
     * @param change what changes, e.g. {@code c -> c.type(BIGINT).nullable(false)}
     * @return this batch
     */
    public BatchOperations alterColumn(String name, Consumer<ColumnAlteration> change) {
        ColumnAlteration spec = new ColumnAlteration();
        change.accept(spec);
        changes.add(new ColumnChanges.Alter(Objects.requireNonNull(name, "name"), spec));
        return this;
    }

    /**
     * Adds a UNIQUE constraint.
     *
     * @param name the constraint name
     * @param columns its columns
     * @return this batch
     */
    public BatchOperations addUniqueConstraint(String name, String... columns) {
        ConstraintChanges.requireName(name, ConstraintChanges.Kind.UNIQUE, table);
        changes.add(new ConstraintChanges.AddUnique(StubTables.named(schema, table, List.of(columns))
                .unique(name, columns).build()));
        return this;
    }

    /**
     * Drops a UNIQUE constraint by name.
     *
     * @param name the constraint name
     * @return this batch
     */
    public BatchOperations dropUniqueConstraint(String name) {
        changes.add(new ConstraintChanges.DropConstraint(name, ConstraintChanges.Kind.UNIQUE));
        return this;
    }

    /**
     * Adds a foreign key with NO ACTION on delete and update.
     *
     * @param name the constraint name
     * @param columns this table's columns
     * @param referredTable the referenced table
     * @param referredColumns the referenced columns, in the same order
     * @return this batch
     */
    public BatchOperations addForeignKey(String name, List<String> columns, String referredTable,
                                         List<String> referredColumns) {
        return addForeignKey(name, columns, referredTable, referredColumns, ForeignKeyOptions.defaults());
    }

    /**
     * Adds a foreign key.
     *
     * @param name the constraint name (overrides any name in the options)
     * @param columns this table's columns
     * @param referredTable the referenced table
     * @param referredColumns the referenced columns, in the same order
     * @param options actions and deferral
     * @return this batch
     */
    public BatchOperations addForeignKey(String name, List<String> columns, String referredTable,
                                         List<String> referredColumns, ForeignKeyOptions options) {
        ConstraintChanges.requireName(name, ConstraintChanges.Kind.FOREIGN_KEY, table);
        changes.add(new ConstraintChanges.AddForeignKey(StubTables.named(schema, table, columns)
                .foreignKey(columns, referredTable, referredColumns, options.name(name)).build()));
        return this;
    }

    /**
     * Drops a foreign key by name.
     *
     * @param name the constraint name
     * @return this batch
     */
    public BatchOperations dropForeignKey(String name) {
        changes.add(new ConstraintChanges.DropConstraint(name, ConstraintChanges.Kind.FOREIGN_KEY));
        return this;
    }

    /**
     * Drops a foreign key that has no name, found by its columns and the table it refers to
     * (see {@link Operations#dropUnnamedForeignKey}).
     *
     * @param columns this table's columns, in order
     * @param referredTable the referenced table
     * @return this batch
     */
    public BatchOperations dropUnnamedForeignKey(List<String> columns, String referredTable) {
        changes.add(new ConstraintChanges.DropUnnamed(ConstraintChanges.Kind.FOREIGN_KEY, List.copyOf(columns),
                Objects.requireNonNull(referredTable, "referredTable")));
        return this;
    }

    /**
     * Drops a UNIQUE constraint that has no name, found by its columns.
     *
     * @param columns its columns, in order
     * @return this batch
     */
    public BatchOperations dropUnnamedUniqueConstraint(String... columns) {
        changes.add(new ConstraintChanges.DropUnnamed(ConstraintChanges.Kind.UNIQUE, List.of(columns), null));
        return this;
    }

    /**
     * Adds a CHECK constraint; the condition is SQL written by the developer.
     *
     * @param name the constraint name
     * @param condition e.g. {@code qty >= 0}
     * @return this batch
     */
    public BatchOperations addCheckConstraint(String name, String condition) {
        ConstraintChanges.requireName(name, ConstraintChanges.Kind.CHECK, table);
        changes.add(new ConstraintChanges.AddCheck(StubTables.named(schema, table, List.of()).check(name, condition).build()));
        return this;
    }

    /**
     * Drops a CHECK constraint by name.
     *
     * @param name the constraint name
     * @return this batch
     */
    public BatchOperations dropCheckConstraint(String name) {
        changes.add(new ConstraintChanges.DropConstraint(name, ConstraintChanges.Kind.CHECK));
        return this;
    }

    Operation toOperation(Table definition, BatchMode mode, OnlineSettings online) {
        if (changes.isEmpty()) {
            throw new OperationException("The batch on table " + table + " makes no change; add changes or remove it.");
        }
        return new BatchOperation(schema, table, definition, mode, changes, online);
    }
}
