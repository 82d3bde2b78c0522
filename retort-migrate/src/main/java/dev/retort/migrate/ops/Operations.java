package dev.retort.migrate.ops;

import dev.retort.dialect.Dialect;
import dev.retort.schema.ColumnOption;
import dev.retort.schema.ForeignKeyOptions;
import dev.retort.schema.Index;
import dev.retort.schema.Table;
import dev.retort.sql.Executable;
import dev.retort.sql.Insert;
import dev.retort.types.SqlType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static dev.retort.sql.Statements.insert;
import static dev.retort.sql.Statements.text;

/**
 * The operations a revision's {@code upgrade} and {@code downgrade} perform, written once and
 * rendered for each database: tables, columns, indexes and constraints, raw SQL with bound
 * values, bulk inserts of reference data and data migrations through Core statements.
 *
 * <pre>{@code
 * public void upgrade(Operations ops) {
 *     ops.createTable(Table.builder("teams").column("id", BIGINT, PRIMARY_KEY).column("name", varchar(80), NOT_NULL));
 *     ops.addColumn("users", "team_id", BIGINT);
 *     ops.addForeignKey("fk_users_team", "users", List.of("team_id"), "teams", List.of("id"));
 *     ops.execute(text("UPDATE users SET team_id = :t WHERE team_id IS NULL").bind("t", 1));
 * }
 * }</pre>
 *
 * <p>Operations are recorded in order and run when the revision runs, each statement through the
 * dialect's DDL compiler (names quoted where needed, values bound). Where SQLite's ALTER TABLE
 * cannot make a change (a column's type, nullability or default, a constraint, dropping a
 * constrained column) the table is rebuilt with its rows, indexes and foreign keys kept;
 * {@link #batch} groups several changes into one rebuild. Tables named by a string are in the
 * connection's default schema. Not thread-safe.
 */
public final class Operations {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Dialect dialect;
    private final boolean offline;
    private final List<Operation> recorded = new ArrayList<>();

    Operations(Dialect dialect, boolean offline) {
        this.dialect = dialect;
        this.offline = offline;
    }

    /** @return the dialect the revision is rendered for, for the rare revision that differs per database */
    public Dialect dialect() {
        return dialect;
    }

    /** @return whether the revision is rendered into an offline script rather than run on a connection */
    public boolean isOffline() {
        return offline;
    }

    List<Operation> recorded() {
        return recorded;
    }

    private void record(Operation op) {
        recorded.add(op);
    }

    private OnlineSettings change(String table, Consumer<BatchOperations> change) {
        BatchOperations b = new BatchOperations(null, table);
        change.accept(b);
        OnlineSettings online = new OnlineSettings();
        record(b.toOperation(null, BatchMode.AUTO, online));
        return online;
    }

    private AlterOptions alter(String table, Consumer<BatchOperations> change) {
        return new AlterOptions(change(table, change));
    }

    // ---- tables ---------------------------------------------------------------------------------

    /**
     * Creates a table with its keys, constraints, indexes and, on PostgreSQL, the enum types its
     * columns use. Foreign keys name the table they refer to, which must exist.
     *
     * @param table the definition: a {@link Table} class or a built {@code Table.builder(...)}
     */
    public void createTable(Table table) {
        createTable(table, EnumTypes.CREATE);
    }

    /**
     * Creates a table from a builder.
     *
     * @param table the builder, e.g. {@code Table.builder("teams").column("id", BIGINT, PRIMARY_KEY)}
     */
    public void createTable(Table.Builder table) {
        createTable(Objects.requireNonNull(table, "table").build());
    }

    /**
     * Creates a table, saying whether the PostgreSQL enum types its columns use are to be created
     * with it or exist already ({@link #createEnumType}, an earlier revision, another table).
     *
     * @param table the definition
     * @param types {@link EnumTypes#CREATE} or {@link EnumTypes#EXISTING}
     */
    public void createTable(Table table, EnumTypes types) {
        record(new TableOperations.Create(Objects.requireNonNull(table, "table"), Objects.requireNonNull(types, "types")));
    }

    /**
     * Creates a table from a builder, saying whether its PostgreSQL enum types exist already.
     *
     * @param table the builder
     * @param types {@link EnumTypes#CREATE} or {@link EnumTypes#EXISTING}
     */
    public void createTable(Table.Builder table, EnumTypes types) {
        createTable(Objects.requireNonNull(table, "table").build(), types);
    }

    /**
     * Drops a table by name.
     *
     * @param name the table name
     */
    public void dropTable(String name) {
        record(new TableOperations.Drop(null, Objects.requireNonNull(name, "name"), null));
    }

    /**
     * Drops a table by definition; on PostgreSQL the enum types its columns use are dropped after
     * it (they must not be used by another table).
     *
     * @param table the definition it was created from
     */
    public void dropTable(Table table) {
        record(new TableOperations.Drop(table.schema(), table.name(), table));
    }

    /**
     * Renames a table.
     *
     * @param from its current name
     * @param to the new name
     */
    public void renameTable(String from, String to) {
        record(new TableOperations.Rename(null, Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to")));
    }

    // ---- columns ---------------------------------------------------------------------------------

    /**
     * Adds a column to a table. Its options may declare a foreign key, a unique constraint or an
     * index, added with it (on SQLite a unique constraint rebuilds the table); not the primary key.
     *
     * @param table the table
     * @param name the column name
     * @param type its type
     * @param options NOT NULL (give a server default for a table with rows), a server default, ...
     * @param <T> the Java type of its values
     * @return the change's ALGORITHM and LOCK clauses (MariaDB, MySQL), to make it online or refused
     */
    @SafeVarargs
    public final <T> AlterOptions addColumn(String table, String name, SqlType<T> type, ColumnOption<? super T>... options) {
        List<ColumnOption<? super T>> list = new ArrayList<>();
        for (ColumnOption<? super T> o : options) {
            list.add(o);
        }
        return alter(table, b -> b.addColumn(name, type, list));
    }

    /**
     * Drops a column. PostgreSQL drops its indexes and constraints with it; SQLite rebuilds the
     * table when a key, constraint or index uses the column; MariaDB refuses while a foreign key
     * uses it (drop that first).
     *
     * @param table the table
     * @param name the column
     * @return the change's ALGORITHM and LOCK clauses (MariaDB, MySQL), to make it online or refused
     */
    public AlterOptions dropColumn(String table, String name) {
        return alter(table, b -> b.dropColumn(name));
    }

    /**
     * Changes a column's type, nullability, server default or name. SQLite rebuilds the table
     * for all but a rename.
     *
     * @param table the table
     * @param name the column's current name
     * @param change e.g. {@code c -> c.type(BIGINT).nullable(false)}
     * @return the change's ALGORITHM and LOCK clauses (MariaDB, MySQL), to make it online or refused
     */
    public AlterOptions alterColumn(String table, String name, Consumer<ColumnAlteration> change) {
        return alter(table, b -> b.alterColumn(name, change));
    }

    // ---- indexes ---------------------------------------------------------------------------------

    /**
     * Creates an index over columns.
     *
     * @param name the index name
     * @param table the table
     * @param columns the columns
     * @return the index's online settings: CONCURRENTLY (PostgreSQL), ALGORITHM and LOCK (MariaDB, MySQL)
     */
    public IndexOptions createIndex(String name, String table, String... columns) {
        return createIndex(name, table, false, List.of(columns), null);
    }

    /**
     * Creates a unique index over columns.
     *
     * @param name the index name
     * @param table the table
     * @param columns the columns
     * @return the index's online settings: CONCURRENTLY (PostgreSQL), ALGORITHM and LOCK (MariaDB, MySQL)
     */
    public IndexOptions createUniqueIndex(String name, String table, String... columns) {
        return createIndex(name, table, true, List.of(columns), null);
    }

    /**
     * Creates an index of any kind: elements that are plain names ({@code [A-Za-z_][A-Za-z0-9_]*})
     * are columns, anything else an SQL expression (PostgreSQL, SQLite).
     *
     * @param name the index name
     * @param table the table
     * @param unique whether it is unique
     * @param elements columns and expressions, in order
     * @param where the condition of a partial index (PostgreSQL, SQLite), or {@code null}
     * @return the index's online settings: CONCURRENTLY (PostgreSQL), ALGORITHM and LOCK (MariaDB, MySQL)
     */
    public IndexOptions createIndex(String name, String table, boolean unique, List<String> elements, String where) {
        Objects.requireNonNull(name, "name");
        List<String> columns = elements.stream().filter(e -> PLAIN_NAME.matcher(e).matches()).distinct().toList();
        Table holder = StubTables.named(null, table, columns).index(name, unique, elements, where).build();
        return createIndex(holder.indexes().get(0));
    }

    /**
     * Creates an index declared in a table definition.
     *
     * @param index the index, e.g. {@code usersTable.indexes().get(0)}
     * @return the index's online settings: CONCURRENTLY (PostgreSQL), ALGORITHM and LOCK (MariaDB, MySQL)
     */
    public IndexOptions createIndex(Index index) {
        OnlineSettings online = new OnlineSettings();
        record(new IndexOperations.Create(Objects.requireNonNull(index, "index"), online));
        return new IndexOptions(online);
    }

    /**
     * Drops an index.
     *
     * @param name the index name
     * @param table its table (MariaDB names it in DROP INDEX)
     */
    public void dropIndex(String name, String table) {
        record(new IndexOperations.Drop(null, Objects.requireNonNull(table, "table"), Objects.requireNonNull(name, "name")));
    }

    // ---- constraints -----------------------------------------------------------------------------

    /**
     * Adds a UNIQUE constraint.
     *
     * @param name the constraint name
     * @param table the table
     * @param columns its columns
     * @return the change's ALGORITHM and LOCK clauses (MariaDB, MySQL), to make it online or refused
     */
    public AlterOptions addUniqueConstraint(String name, String table, String... columns) {
        return alter(table, b -> b.addUniqueConstraint(name, columns));
    }

    /**
     * Drops a UNIQUE constraint by name.
     *
     * @param name the constraint name
     * @param table the table
     * @return the change's ALGORITHM and LOCK clauses (MariaDB, MySQL), to make it online or refused
     */
    public AlterOptions dropUniqueConstraint(String name, String table) {
        return alter(table, b -> b.dropUniqueConstraint(name));
    }

    /**
     * Adds a foreign key with NO ACTION on delete and update.
     *
     * @param name the constraint name
     * @param table the referencing table
     * @param columns its columns
     * @param referredTable the referenced table
     * @param referredColumns the referenced columns, in the same order
     * @return the constraint's online settings: NOT VALID (PostgreSQL), ALGORITHM and LOCK (MariaDB, MySQL)
     */
    public ConstraintOptions addForeignKey(String name, String table, List<String> columns, String referredTable,
                                           List<String> referredColumns) {
        return addForeignKey(name, table, columns, referredTable, referredColumns, ForeignKeyOptions.defaults());
    }

    /**
     * Adds a foreign key with actions or deferral.
     *
     * @param name the constraint name (overrides any name in the options)
     * @param table the referencing table
     * @param columns its columns
     * @param referredTable the referenced table
     * @param referredColumns the referenced columns, in the same order
     * @param options ON DELETE / ON UPDATE actions, deferral
     * @return the constraint's online settings: NOT VALID (PostgreSQL), ALGORITHM and LOCK (MariaDB, MySQL)
     */
    public ConstraintOptions addForeignKey(String name, String table, List<String> columns, String referredTable,
                                           List<String> referredColumns, ForeignKeyOptions options) {
        return new ConstraintOptions(change(table, b -> b.addForeignKey(name, columns, referredTable, referredColumns,
                options)));
    }

    /**
     * Drops a foreign key by name. MariaDB keeps the index it made for the key.
     *
     * @param name the constraint name
     * @param table the referencing table
     * @return the change's ALGORITHM and LOCK clauses (MariaDB, MySQL), to make it online or refused
     */
    public AlterOptions dropForeignKey(String name, String table) {
        return alter(table, b -> b.dropForeignKey(name));
    }

    /**
     * Adds a CHECK constraint; the condition is SQL written by the developer.
     *
     * @param name the constraint name
     * @param table the table
     * @param condition e.g. {@code qty >= 0}
     * @return the constraint's online settings: NOT VALID (PostgreSQL), ALGORITHM and LOCK (MariaDB, MySQL)
     */
    public ConstraintOptions addCheckConstraint(String name, String table, String condition) {
        return new ConstraintOptions(change(table, b -> b.addCheckConstraint(name, condition)));
    }

    /**
     * Checks the existing rows against a foreign key or CHECK constraint added
     * {@link ConstraintOptions#notValid() NOT VALID}: PostgreSQL's {@code ALTER TABLE ... VALIDATE
     * CONSTRAINT}, which lets reads and writes continue while it scans. Renders nothing on
     * databases that check a constraint when it is added.
     *
     * @param name the constraint name
     * @param table the table
     */
    public void validateConstraint(String name, String table) {
        record(new ConstraintValidation(null, Objects.requireNonNull(table, "table"), Objects.requireNonNull(name, "name")));
    }

    /**
     * Drops a CHECK constraint by name.
     *
     * @param name the constraint name
     * @param table the table
     * @return the change's ALGORITHM and LOCK clauses (MariaDB, MySQL), to make it online or refused
     */
    public AlterOptions dropCheckConstraint(String name, String table) {
        return alter(table, b -> b.dropCheckConstraint(name));
    }

    /**
     * Drops a foreign key that has no name (SQLite keeps none unless CREATE TABLE gave one), found
     * by its columns and the table it refers to. Databases that name every key drop it by the
     * name they gave it, read from the database (so not offline).
     *
     * @param table the referencing table
     * @param columns its columns, in order
     * @param referredTable the referenced table
     * @return the change's ALGORITHM and LOCK clauses (MariaDB, MySQL), to make it online or refused
     */
    public AlterOptions dropUnnamedForeignKey(String table, List<String> columns, String referredTable) {
        return alter(table, b -> b.dropUnnamedForeignKey(columns, referredTable));
    }

    /**
     * Drops a UNIQUE constraint that has no name, found by its columns (see {@link #dropUnnamedForeignKey}).
     *
     * @param table the table
     * @param columns its columns, in order
     * @return the change's ALGORITHM and LOCK clauses (MariaDB, MySQL), to make it online or refused
     */
    public AlterOptions dropUnnamedUniqueConstraint(String table, String... columns) {
        return alter(table, b -> b.dropUnnamedUniqueConstraint(columns));
    }

    // ---- enum types --------------------------------------------------------------------------------

    /**
     * Creates a named enum type (PostgreSQL's {@code CREATE TYPE ... AS ENUM}). Other databases
     * keep an enum's labels in each column's type and render nothing.
     *
     * @param name the type's name
     * @param labels its labels, in order
     */
    public void createEnumType(String name, String... labels) {
        createEnumType(name, List.of(labels));
    }

    /**
     * Creates a named enum type from a list of labels.
     *
     * @param name the type's name
     * @param labels its labels, in order
     */
    public void createEnumType(String name, List<String> labels) {
        Objects.requireNonNull(name, "name");
        if (labels.isEmpty()) {
            throw new OperationException("Enum type " + name + " needs at least one label.");
        }
        record(new EnumOperations.Create(name, List.copyOf(labels)));
    }

    /**
     * Drops a named enum type that no column uses any more (PostgreSQL; nothing elsewhere).
     *
     * @param name the type's name
     */
    public void dropEnumType(String name) {
        record(new EnumOperations.Drop(Objects.requireNonNull(name, "name")));
    }

    /**
     * Adds a label at the end of a named enum type (PostgreSQL; nothing elsewhere). PostgreSQL
     * lets no statement of the same transaction use the new label: use it in a later revision.
     *
     * @param type the type's name
     * @param label the new label
     */
    public void addEnumValue(String type, String label) {
        record(new EnumOperations.AddValue(Objects.requireNonNull(type, "type"), Objects.requireNonNull(label, "label"),
                null, null));
    }

    /**
     * Adds a label just before an existing one.
     *
     * @param type the type's name
     * @param label the new label
     * @param before the label it goes before
     */
    public void addEnumValueBefore(String type, String label, String before) {
        record(new EnumOperations.AddValue(Objects.requireNonNull(type, "type"), Objects.requireNonNull(label, "label"),
                Objects.requireNonNull(before, "before"), null));
    }

    /**
     * Adds a label just after an existing one.
     *
     * @param type the type's name
     * @param label the new label
     * @param after the label it goes after
     */
    public void addEnumValueAfter(String type, String label, String after) {
        record(new EnumOperations.AddValue(Objects.requireNonNull(type, "type"), Objects.requireNonNull(label, "label"),
                null, Objects.requireNonNull(after, "after")));
    }

    /**
     * Renames a label of a named enum type; rows holding it hold the new label (PostgreSQL;
     * nothing elsewhere).
     *
     * @param type the type's name
     * @param from the current label
     * @param to the new label
     */
    public void renameEnumValue(String type, String from, String to) {
        record(new EnumOperations.RenameValue(Objects.requireNonNull(type, "type"), Objects.requireNonNull(from, "from"),
                Objects.requireNonNull(to, "to")));
    }

    /**
     * Gives a named enum type new labels where labels go or move, which PostgreSQL cannot do in
     * place: the type is made anew and each column that uses it converted (its default dropped and
     * set again around the conversion; online the defaults are read from the database, offline the
     * columns are taken to have none). A row holding a label that goes makes the revision fail.
     * Nothing happens on databases without named enum types. Destructive: {@code upgrade} runs it
     * only when allowed.
     *
     * @param name the type's name
     * @param labels its new labels, in order
     * @param columns every column that uses the type, as {@code table.column}
     */
    public void recreateEnumType(String name, List<String> labels, String... columns) {
        Objects.requireNonNull(name, "name");
        if (labels.isEmpty()) {
            throw new OperationException("Enum type " + name + " needs at least one label.");
        }
        record(new EnumOperations.Recreate(name, List.copyOf(labels), List.of(columns)));
    }

    // ---- batches ---------------------------------------------------------------------------------

    /**
     * Groups changes to one table: ALTER statements where the database can make them all, else one
     * rebuild of the table (SQLite) instead of one per change.
     *
     * @param table the table
     * @param changes the changes, e.g. {@code b -> b.dropColumn("nick").alterColumn("email", c -> c.nullable(false))}
     * @return the change's ALGORITHM and LOCK clauses (MariaDB, MySQL), to make it online or refused
     */
    public AlterOptions batch(String table, Consumer<BatchOperations> changes) {
        return batch(table, BatchMode.AUTO, changes);
    }

    /**
     * Groups changes to one table, with a mode: {@link BatchMode#REBUILD} rebuilds the table (on
     * SQLite) even for changes ALTER TABLE could make.
     *
     * @param table the table
     * @param mode AUTO or REBUILD
     * @param changes the changes
     * @return the change's ALGORITHM and LOCK clauses (MariaDB, MySQL), to make it online or refused
     */
    public AlterOptions batch(String table, BatchMode mode, Consumer<BatchOperations> changes) {
        BatchOperations b = new BatchOperations(null, table);
        changes.accept(b);
        OnlineSettings online = new OnlineSettings();
        record(b.toOperation(null, Objects.requireNonNull(mode, "mode"), online));
        return new AlterOptions(online);
    }

    /**
     * Groups changes to a table whose current definition is given rather than read from the
     * database: what an offline script needs to rebuild a SQLite table.
     *
     * @param current the table as it is before the changes
     * @param mode AUTO or REBUILD
     * @param changes the changes
     * @return the change's ALGORITHM and LOCK clauses (MariaDB, MySQL), to make it online or refused
     */
    public AlterOptions batch(Table current, BatchMode mode, Consumer<BatchOperations> changes) {
        BatchOperations b = new BatchOperations(current.schema(), current.name());
        changes.accept(b);
        OnlineSettings online = new OnlineSettings();
        record(b.toOperation(current, Objects.requireNonNull(mode, "mode"), online));
        return new AlterOptions(online);
    }

    // ---- data --------------------------------------------------------------------------------------

    /**
     * Runs SQL written by the developer, without parameters.
     *
     * @param sql the statement
     */
    public void execute(String sql) {
        execute(text(sql));
    }

    /**
     * Runs a statement with its bound values: {@code text("... :name").bind("name", v)} or a Core
     * INSERT, UPDATE or DELETE. Offline scripts write the values as literals.
     *
     * @param statement the statement
     */
    public void execute(Executable statement) {
        Objects.requireNonNull(statement, "statement");
        record(new DataOperations.Execute(statement, "execute " + statement));
    }

    /**
     * Inserts rows of reference data in one multi-row INSERT (sent in chunks online when it has
     * more parameters than the database takes). Every row names the same columns.
     *
     * @param table the table, or a definition of just the columns inserted (with their types)
     * @param rows each row's values by column name
     */
    public void bulkInsert(Table table, List<? extends Map<String, ?>> rows) {
        Objects.requireNonNull(table, "table");
        if (rows.isEmpty()) {
            return;
        }
        Set<String> keys = rows.get(0).keySet();
        for (String k : keys) {
            table.findColumn(k).orElseThrow(() -> new OperationException("bulkInsert into " + table.name()
                    + ": the rows have a value for " + k + ", which is not a column; the columns are "
                    + table.columnNames() + "."));
        }
        List<dev.retort.schema.Column<?>> columns = table.columns().stream().filter(c -> keys.contains(c.name())).toList();
        List<List<Object>> values = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, ?> row = rows.get(i);
            if (!new HashSet<>(row.keySet()).equals(keys)) {
                throw new OperationException("bulkInsert into " + table.name() + ": row " + i + " names columns "
                        + row.keySet() + " but row 0 names " + keys + ". Give every row the same columns (null where empty).");
            }
            List<Object> v = new ArrayList<>();
            for (dev.retort.schema.Column<?> c : columns) {
                v.add(row.get(c.name()));
            }
            values.add(v);
        }
        Insert statement = insert(table).columns(columns.toArray(new dev.retort.schema.Column<?>[0])).valuesList(values);
        record(new DataOperations.Execute(statement, "bulk insert of " + rows.size() + " rows into " + table.name()));
    }

    /**
     * Runs Java code on the migration's connection, in the revision's transaction: a data
     * migration through Core statements. Offline mode refuses a revision that uses it; check
     * {@link #isOffline()} to write its SQL with {@link #execute(Executable)} instead.
     *
     * @param work the code
     */
    public void run(DataMigration work) {
        record(new DataOperations.Run(Objects.requireNonNull(work, "work")));
    }
}
