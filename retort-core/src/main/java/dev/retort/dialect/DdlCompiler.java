package dev.retort.dialect;

import dev.retort.CompileException;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.MetaData;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Sequence;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import dev.retort.types.EnumType;
import dev.retort.types.MappedType;
import dev.retort.types.SqlType;

import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Renders DDL for one dialect: CREATE and DROP of tables, indexes, foreign keys, sequences and
 * enum types, planned in foreign-key order. This default renders what the databases share; each
 * dialect overrides what differs (identity columns, table options, comments, enum types).
 *
 * <p>Names pass through the dialect's {@link IdentifierPreparer}. Literal values (server
 * defaults, comments, enum labels) are rendered by {@link #literal(Object)}, which escapes them;
 * CHECK conditions, expression indexes and {@code serverDefault(sql)} are SQL written by the
 * developer and are inserted as written.
 */
public class DdlCompiler {
    /** The dialect rendered for. */
    protected final Dialect dialect;
    /** Quotes names. */
    protected final IdentifierPreparer ids;
    /** Names types. */
    protected final TypeCompiler types;

    /**
     * Creates the compiler.
     *
     * @param dialect the dialect
     */
    public DdlCompiler(Dialect dialect) {
        this.dialect = dialect;
        this.ids = dialect.identifierPreparer();
        this.types = dialect.typeCompiler();
    }

    // ---- plans --------------------------------------------------------------------------------

    /**
     * The statements that create tables and everything they need, in order: named types and
     * sequences, tables (each after those it refers to), indexes, then the foreign keys that
     * close cycles.
     *
     * @param metadata the tables' MetaData
     * @param tables the tables
     * @param existing what exists already and is to be skipped
     * @return the statements
     */
    public List<String> createStatements(MetaData metadata, Collection<Table> tables, ExistingObjects existing) {
        List<Table> missing = new ArrayList<>();
        for (Table t : tables) {
            if (!existing.tables().contains(ExistingObjects.key(t.schema(), t.name()))) {
                missing.add(t);
            }
        }
        Set<ForeignKey> deferred = deferredForeignKeys(metadata, missing);
        List<Table> todo = metadata.sort(missing, deferred);
        List<String> out = new ArrayList<>();
        out.addAll(createTypes(todo, existing));
        out.addAll(createSequences(metadata, existing));
        for (Table t : todo) {
            out.addAll(createTable(t, deferred));
            for (Index i : t.indexes()) {
                out.add(createIndex(i));
            }
        }
        for (ForeignKey fk : deferred) {
            out.add(addForeignKey(fk));
        }
        return out;
    }

    /**
     * The statements that drop tables, in order: foreign keys that close cycles, then the tables
     * (each before those it refers to), then named types and sequences no longer used.
     *
     * @param metadata the tables' MetaData
     * @param tables the tables, all of which exist
     * @return the statements
     */
    public List<String> dropStatements(MetaData metadata, Collection<Table> tables) {
        Set<ForeignKey> deferred = deferredForeignKeys(metadata, tables);
        List<Table> order = metadata.sort(tables, deferred);
        List<String> out = new ArrayList<>(beforeDrop(deferred));
        for (int i = order.size() - 1; i >= 0; i--) {
            out.add(dropTable(order.get(i)));
        }
        out.addAll(afterDrop(metadata, order));
        return out;
    }

    /**
     * The foreign keys to add after the tables exist: {@code useAlter} ones and those closing cycles.
     *
     * @param metadata the MetaData
     * @param tables the tables being created
     * @return the foreign keys
     */
    public Set<ForeignKey> deferredForeignKeys(MetaData metadata, Collection<Table> tables) {
        return metadata.deferredForeignKeys(tables);
    }

    /**
     * Statements run before the tables are dropped; by default, drops the deferred foreign keys.
     *
     * @param deferred the foreign keys that close cycles
     * @return the statements
     */
    protected List<String> beforeDrop(Set<ForeignKey> deferred) {
        List<String> out = new ArrayList<>();
        for (ForeignKey fk : deferred) {
            out.add(dropForeignKey(fk));
        }
        return out;
    }

    /**
     * Statements run after the tables are dropped: named types and sequences.
     *
     * @param metadata the MetaData
     * @param dropped the tables dropped
     * @return the statements
     */
    protected List<String> afterDrop(MetaData metadata, Collection<Table> dropped) {
        return List.of();
    }

    /**
     * Statements creating the named types the tables use (PostgreSQL enums).
     *
     * @param tables the tables
     * @param existing what exists
     * @return the statements
     */
    protected List<String> createTypes(Collection<Table> tables, ExistingObjects existing) {
        return List.of();
    }

    /**
     * Statements creating the MetaData's sequences.
     *
     * @param metadata the MetaData
     * @param existing what exists
     * @return the statements
     */
    protected List<String> createSequences(MetaData metadata, ExistingObjects existing) {
        List<String> out = new ArrayList<>();
        for (Sequence s : metadata.sequences()) {
            if (!existing.sequences().contains(s.name())) {
                out.add(createSequence(s));
            }
        }
        return out;
    }

    /**
     * The named enum types used by some tables, each once, by name.
     *
     * @param tables the tables
     * @return the types
     */
    protected static Map<String, EnumType<?>> enumTypes(Collection<Table> tables) {
        Map<String, EnumType<?>> out = new LinkedHashMap<>();
        for (Table t : tables) {
            for (Column<?> c : t.columns()) {
                SqlType<?> type = stored(c.type());
                if (type instanceof dev.retort.types.ArrayType<?> a) {
                    type = stored(a.elementType());
                }
                if (type instanceof EnumType<?> e) {
                    EnumType<?> previous = out.putIfAbsent(e.name(), e);
                    if (previous != null && !previous.labels().equals(e.labels())) {
                        throw new CompileException("Two enum types are named " + e.name() + " with different labels "
                                + previous.labels() + " and " + e.labels() + " (column " + c.qualifiedName()
                                + "). Give one of them another name with SqlTypes.enumOf(type, name).");
                    }
                }
            }
        }
        return out;
    }

    /**
     * The type a column is stored as, through any {@link MappedType}.
     *
     * @param type the type
     * @return the stored type
     */
    protected static SqlType<?> stored(SqlType<?> type) {
        return type instanceof MappedType<?, ?> m ? stored(m.stored()) : type;
    }

    // ---- tables ---------------------------------------------------------------------------------

    /**
     * CREATE TABLE with its columns, primary key, unique and check constraints, and the foreign
     * keys not deferred; followed by any statements the table needs (comments).
     *
     * @param table the table
     * @param deferred foreign keys to leave out (added later with ALTER TABLE)
     * @return the statements
     */
    public List<String> createTable(Table table, Set<ForeignKey> deferred) {
        List<String> parts = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            parts.add(columnDefinition(c));
        }
        table.primaryKey().filter(pk -> !primaryKeyInline(pk)).ifPresent(pk -> parts.add(primaryKeyClause(pk)));
        for (UniqueConstraint u : table.uniqueConstraints()) {
            parts.add(constraintName(u.name()) + "UNIQUE (" + columnList(u.columns()) + ")"
                    + deferral("Unique constraint " + (u.name() != null ? u.name() : table.name() + u.columns()),
                    Capability.DEFERRABLE_UNIQUE, u.deferrable(), u.initiallyDeferred(),
                    "write the values in an order the constraint allows"));
        }
        for (CheckConstraint ck : table.checkConstraints()) {
            parts.add(constraintName(ck.name()) + "CHECK (" + ck.condition() + ")");
        }
        for (Column<?> c : table.columns()) {
            String check = columnCheck(c);
            if (check != null) {
                parts.add(check);
            }
        }
        for (ForeignKey fk : table.foreignKeys()) {
            if (!deferred.contains(fk)) {
                parts.add(foreignKeyClause(fk));
            }
        }
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(tableName(table)).append(" (\n    ");
        sql.append(String.join(",\n    ", parts)).append("\n)");
        sql.append(tableOptions(table));
        List<String> out = new ArrayList<>();
        out.add(sql.toString());
        out.addAll(commentStatements(table));
        return out;
    }

    /**
     * One column's definition: name, type, default, NOT NULL, identity.
     *
     * @param c the column
     * @return the definition
     */
    protected String columnDefinition(Column<?> c) {
        StringBuilder b = new StringBuilder(ids.quote(c.name())).append(' ').append(columnType(c));
        String def = defaultClause(c);
        if (def != null) {
            b.append(" DEFAULT ").append(def);
        }
        if (!c.isNullable()) {
            b.append(" NOT NULL");
        }
        if (c.isAutoincrement()) {
            b.append(autoincrementClause(c));
        }
        String comment = columnComment(c);
        if (comment != null) {
            b.append(comment);
        }
        return b.toString();
    }

    /**
     * The column's type as DDL writes it.
     *
     * @param c the column
     * @return the type name
     */
    public String columnType(Column<?> c) {
        return types.name(c.type());
    }

    /**
     * What makes a column an identity column; by default the SQL standard's clause.
     *
     * @param c the column
     * @return the clause, with a leading space
     */
    protected String autoincrementClause(Column<?> c) {
        return " GENERATED BY DEFAULT AS IDENTITY";
    }

    /**
     * Whether the primary key is written in its column's definition rather than as a table
     * constraint (SQLite's INTEGER PRIMARY KEY).
     *
     * @param pk the primary key
     * @return {@code true} to leave it out of the table constraints
     */
    protected boolean primaryKeyInline(PrimaryKey pk) {
        return false;
    }

    /**
     * The DEFAULT clause's expression for a column, or {@code null}.
     *
     * @param c the column
     * @return the expression
     */
    protected String defaultClause(Column<?> c) {
        if (c.sequence().isPresent()) {
            return nextValue(c.sequence().get());
        }
        return c.serverDefault().map(this::serverDefault).orElse(null);
    }

    /**
     * Renders a server default.
     *
     * @param d the default
     * @return SQL
     */
    protected String serverDefault(ServerDefault d) {
        return d.isExpression() ? d.expression() : literal(d.value());
    }

    /**
     * A column-level CHECK the type needs (SQLite enums), or {@code null}.
     *
     * @param c the column
     * @return the constraint clause
     */
    protected String columnCheck(Column<?> c) {
        return null;
    }

    /**
     * The column comment as part of its definition (MariaDB), or {@code null}.
     *
     * @param c the column
     * @return the clause, with a leading space
     */
    protected String columnComment(Column<?> c) {
        return null;
    }

    /**
     * Table options after the closing parenthesis (MariaDB: engine, charset, comment).
     *
     * @param t the table
     * @return the options, with a leading space, or empty
     */
    protected String tableOptions(Table t) {
        return "";
    }

    /**
     * Statements that set comments after CREATE TABLE (PostgreSQL).
     *
     * @param t the table
     * @return the statements
     */
    protected List<String> commentStatements(Table t) {
        return List.of();
    }

    /**
     * DROP TABLE.
     *
     * @param table the table
     * @return the statement
     */
    public String dropTable(Table table) {
        return "DROP TABLE " + tableName(table);
    }

    // ---- constraints and indexes ----------------------------------------------------------------

    /**
     * The primary key as a table constraint.
     *
     * @param pk the key
     * @return the clause
     */
    protected String primaryKeyClause(PrimaryKey pk) {
        return constraintName(pk.name()) + "PRIMARY KEY (" + columnList(pk.columns()) + ")";
    }

    /**
     * A foreign key as a table constraint.
     *
     * @param fk the foreign key
     * @return the clause
     */
    protected String foreignKeyClause(ForeignKey fk) {
        return constraintName(fk.name().orElse(null)) + "FOREIGN KEY (" + columnList(fk.columns()) + ") "
                + referencesClause(fk);
    }

    /**
     * The REFERENCES part of a foreign key: target, actions and deferral, as a table constraint
     * and a column constraint both end.
     *
     * @param fk the foreign key
     * @return {@code REFERENCES t (c) ...}
     */
    protected String referencesClause(ForeignKey fk) {
        StringBuilder b = new StringBuilder("REFERENCES ");
        b.append(ids.qualified(fk.referredSchema(), fk.referredTableName())).append(" (");
        List<String> refs = new ArrayList<>();
        for (String n : fk.referredColumnNames()) {
            refs.add(ids.quote(n));
        }
        b.append(String.join(", ", refs)).append(')');
        if (fk.onDelete() != ReferentialAction.NO_ACTION) {
            b.append(" ON DELETE ").append(fk.onDelete().sql());
        }
        if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
            b.append(" ON UPDATE ").append(fk.onUpdate().sql());
        }
        b.append(deferral("Foreign key " + fk.name().orElse(fk.table().name() + fk.columnNames()),
                Capability.DEFERRABLE_CONSTRAINTS, fk.deferrable(), fk.initiallyDeferred(),
                "order the writes so that referenced rows exist first"));
        return b.toString();
    }

    /**
     * The DEFERRABLE clause of a constraint, or nothing.
     *
     * @param what the constraint, for the message
     * @param capability the capability that allows it
     * @param deferrable whether it is deferrable
     * @param initiallyDeferred whether it is initially deferred
     * @param alternative what to do instead where the database has no deferrable constraints
     * @return the clause with a leading space, or an empty string
     */
    protected String deferral(String what, Capability capability, boolean deferrable, boolean initiallyDeferred,
                              String alternative) {
        if (!deferrable) {
            return "";
        }
        if (!dialect.supports(capability)) {
            throw new CompileException(what + " is DEFERRABLE, which " + dialect.displayName() + " does not support. "
                    + "Drop deferrable, or " + alternative + ".");
        }
        return " DEFERRABLE INITIALLY " + (initiallyDeferred ? "DEFERRED" : "IMMEDIATE");
    }

    /**
     * ALTER TABLE ... ADD a foreign key.
     *
     * @param fk the foreign key
     * @return the statement
     */
    public String addForeignKey(ForeignKey fk) {
        requireAlterConstraint("add foreign key " + fk);
        return "ALTER TABLE " + tableName(fk.table()) + " ADD " + foreignKeyClause(fk);
    }

    /**
     * ALTER TABLE ... DROP a foreign key.
     *
     * @param fk the foreign key
     * @return the statement
     */
    public String dropForeignKey(ForeignKey fk) {
        requireAlterConstraint("drop foreign key " + fk);
        return dropForeignKey(fk.table().schema(), fk.table().name(), foreignKeyName(fk));
    }

    /**
     * The name a foreign key has in the database: its own, or the one the database gives an
     * unnamed key.
     *
     * @param fk the foreign key
     * @return the name
     */
    protected String foreignKeyName(ForeignKey fk) {
        return fk.name().orElseThrow(() -> new CompileException("Cannot drop the unnamed foreign key " + fk
                + " on " + dialect.displayName() + ": give it a name, or use a naming convention."));
    }

    private void requireAlterConstraint(String what) {
        if (!dialect.supports(Capability.ALTER_ADD_CONSTRAINT)) {
            throw new CompileException(dialect.displayName() + " cannot ALTER TABLE to " + what
                    + "; declare it in CREATE TABLE (or rebuild the table).");
        }
    }

    /**
     * CREATE INDEX.
     *
     * @param index the index
     * @return the statement
     */
    public String createIndex(Index index) {
        List<String> elements = new ArrayList<>();
        for (Index.Element e : index.elements()) {
            if (e.isExpression()) {
                if (!dialect.supports(Capability.EXPRESSION_INDEXES)) {
                    throw new CompileException("Index " + index.name() + " is over the expression " + e.expression()
                            + ", which " + dialect.displayName() + " cannot index. Index a generated column instead.");
                }
                elements.add("(" + e.expression() + ")");
            } else {
                elements.add(ids.quote(e.column().name()));
            }
        }
        StringBuilder b = new StringBuilder(index.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ")
                .append(ids.quote(index.name())).append(" ON ").append(tableName(index.table()))
                .append(" (").append(String.join(", ", elements)).append(')');
        if (index.where() != null) {
            if (!dialect.supports(Capability.PARTIAL_INDEXES)) {
                throw new CompileException("Index " + index.name() + " is partial (WHERE " + index.where() + "), which "
                        + dialect.displayName() + " does not support. Index all rows, or use a generated column.");
            }
            b.append(" WHERE ").append(index.where());
        }
        return b.toString();
    }

    /**
     * DROP INDEX.
     *
     * @param index the index
     * @return the statement
     */
    public String dropIndex(Index index) {
        return dropIndex(index.table().schema(), index.table().name(), index.name());
    }

    // ---- altering tables (migrations) -----------------------------------------------------------

    /**
     * The statements that create one table on its own, as a migration does: the named types it
     * uses (PostgreSQL enums), CREATE TABLE with all its foreign keys written inline, its
     * comments and its indexes. Foreign keys name their target by name; it is not looked up.
     *
     * @param table the table
     * @return the statements in order
     */
    public List<String> createTableStatements(Table table) {
        List<String> out = new ArrayList<>(createTypes(List.of(table), ExistingObjects.NONE));
        out.addAll(createTable(table, Set.of()));
        for (Index i : table.indexes()) {
            out.add(createIndex(i));
        }
        return out;
    }

    /**
     * The statements that drop one table on its own: DROP TABLE, then the named types its
     * columns use (PostgreSQL enums), which must not be used by another table.
     *
     * @param table the table
     * @return the statements in order
     */
    public List<String> dropTableStatements(Table table) {
        List<String> out = new ArrayList<>();
        out.add(dropTable(table));
        out.addAll(dropTypes(List.of(table)));
        return out;
    }

    /**
     * Statements dropping the named types some tables use (PostgreSQL enums); none by default.
     *
     * @param tables the tables
     * @return the statements
     */
    protected List<String> dropTypes(Collection<Table> tables) {
        return List.of();
    }

    /**
     * ALTER TABLE ... RENAME TO.
     *
     * @param schema the table's schema, or {@code null}
     * @param from the current name
     * @param to the new name
     * @return the statement
     */
    public String renameTable(String schema, String from, String to) {
        return "ALTER TABLE " + ids.qualified(schema, from) + " RENAME TO " + ids.quote(to);
    }

    /**
     * The statements that add a column to its (existing) table: ALTER TABLE ... ADD COLUMN with
     * the column's definition, then what the definition cannot hold on this database (PostgreSQL
     * comments). The column's foreign keys, unique constraints and indexes are not added here:
     * see {@link #addForeignKey}, {@link #addUniqueConstraint} and {@link #createIndex}.
     *
     * @param column the column, in a table named like the one to alter
     * @return the statements
     */
    public List<String> addColumn(Column<?> column) {
        return List.of("ALTER TABLE " + tableName(column.table()) + " ADD COLUMN " + columnDefinition(column));
    }

    /**
     * ALTER TABLE ... DROP COLUMN.
     *
     * @param schema the table's schema, or {@code null}
     * @param table the table
     * @param column the column to drop
     * @return the statement
     * @throws CompileException where the database has no DROP COLUMN
     */
    public String dropColumn(String schema, String table, String column) {
        require(Capability.ALTER_DROP_COLUMN, "drop column " + table + "." + column, "rebuild the table without it");
        return "ALTER TABLE " + ids.qualified(schema, table) + " DROP COLUMN " + ids.quote(column);
    }

    /**
     * ALTER TABLE ... RENAME COLUMN.
     *
     * @param schema the table's schema, or {@code null}
     * @param table the table
     * @param from the column's current name
     * @param to its new name
     * @return the statement
     * @throws CompileException where the database has no RENAME COLUMN
     */
    public String renameColumn(String schema, String table, String from, String to) {
        require(Capability.ALTER_RENAME_COLUMN, "rename column " + table + "." + from,
                "rebuild the table with the new name");
        return "ALTER TABLE " + ids.qualified(schema, table) + " RENAME COLUMN " + ids.quote(from) + " TO " + ids.quote(to);
    }

    /**
     * Whether {@link #alterColumn} restates the column's whole definition for these changes
     * (MariaDB's {@code MODIFY COLUMN}), so that the column passed must be complete: type,
     * nullability, default, comment and identity. Where this is {@code false} only the changed
     * aspects of the column are read.
     *
     * @param changes what changes
     * @return {@code true} if the whole definition is rendered
     */
    public boolean alterColumnRestatesDefinition(Set<ColumnChange> changes) {
        return false;
    }

    /**
     * The statements that change a column in place: by default one ALTER TABLE ... ALTER COLUMN
     * per aspect, in the SQL standard's spelling ({@code SET DATA TYPE}, {@code SET NOT NULL},
     * {@code DROP NOT NULL}, {@code SET DEFAULT}, {@code DROP DEFAULT}).
     *
     * @param column the column as it is to be, in a table named like the one to alter; only
     *               the changed aspects are read unless {@link #alterColumnRestatesDefinition} says otherwise
     * @param changes the aspects that change
     * @return the statements, none when nothing changes
     * @throws CompileException where the database cannot alter columns in place
     */
    public List<String> alterColumn(Column<?> column, Set<ColumnChange> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        require(Capability.ALTER_COLUMN, "alter column " + column.qualifiedName() + " " + changes,
                "rebuild the table with the new definition");
        String prefix = "ALTER TABLE " + tableName(column.table()) + " ALTER COLUMN " + ids.quote(column.name()) + " ";
        List<String> out = new ArrayList<>();
        if (changes.contains(ColumnChange.TYPE)) {
            out.add(prefix + alterType(column));
        }
        if (changes.contains(ColumnChange.NULLABILITY)) {
            out.add(prefix + (column.isNullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        }
        if (changes.contains(ColumnChange.SERVER_DEFAULT)) {
            String def = defaultClause(column);
            out.add(prefix + (def == null ? "DROP DEFAULT" : "SET DEFAULT " + def));
        }
        return out;
    }

    /**
     * The part of ALTER COLUMN that sets a new type.
     *
     * @param column the column with its new type
     * @return e.g. {@code SET DATA TYPE BIGINT}
     */
    protected String alterType(Column<?> column) {
        return "SET DATA TYPE " + columnType(column);
    }

    /**
     * ALTER TABLE ... ADD a UNIQUE constraint.
     *
     * @param table the table
     * @param unique the constraint, which must be named so that it can be dropped again
     * @return the statement
     * @throws CompileException where constraints cannot be added with ALTER TABLE
     */
    public String addUniqueConstraint(Table table, UniqueConstraint unique) {
        requireAlterConstraint("add unique constraint " + unique.name() + " on " + table.name());
        return "ALTER TABLE " + tableName(table) + " ADD " + constraintName(unique.name()) + "UNIQUE ("
                + columnList(unique.columns()) + ")" + deferral("Unique constraint " + unique.name(),
                Capability.DEFERRABLE_UNIQUE, unique.deferrable(), unique.initiallyDeferred(),
                "write the values in an order the constraint allows");
    }

    /**
     * ALTER TABLE ... DROP a UNIQUE constraint by name.
     *
     * @param schema the table's schema, or {@code null}
     * @param table the table
     * @param name the constraint's name
     * @return the statement
     */
    public String dropUniqueConstraint(String schema, String table, String name) {
        requireAlterConstraint("drop unique constraint " + name + " on " + table);
        return "ALTER TABLE " + ids.qualified(schema, table) + " DROP CONSTRAINT " + ids.quote(name);
    }

    /**
     * ALTER TABLE ... ADD a CHECK constraint.
     *
     * @param table the table
     * @param check the constraint; its condition is SQL written by the developer
     * @return the statement
     */
    public String addCheckConstraint(Table table, CheckConstraint check) {
        requireAlterConstraint("add check constraint " + check.name() + " on " + table.name());
        return "ALTER TABLE " + tableName(table) + " ADD " + constraintName(check.name()) + "CHECK (" + check.condition() + ")";
    }

    /**
     * ALTER TABLE ... DROP a CHECK constraint by name.
     *
     * @param schema the table's schema, or {@code null}
     * @param table the table
     * @param name the constraint's name
     * @return the statement
     */
    public String dropCheckConstraint(String schema, String table, String name) {
        requireAlterConstraint("drop check constraint " + name + " on " + table);
        return "ALTER TABLE " + ids.qualified(schema, table) + " DROP CONSTRAINT " + ids.quote(name);
    }

    /**
     * ALTER TABLE ... DROP a foreign key by name.
     *
     * @param schema the table's schema, or {@code null}
     * @param table the table
     * @param name the constraint's name
     * @return the statement
     */
    public String dropForeignKey(String schema, String table, String name) {
        requireAlterConstraint("drop foreign key " + name + " on " + table);
        return "ALTER TABLE " + ids.qualified(schema, table) + " DROP CONSTRAINT " + ids.quote(name);
    }

    /**
     * DROP INDEX by name.
     *
     * @param schema the table's schema, or {@code null}
     * @param table the indexed table (MariaDB names it in the statement)
     * @param name the index name
     * @return the statement
     */
    public String dropIndex(String schema, String table, String name) {
        return "DROP INDEX " + ids.qualified(schema, name);
    }

    // ---- named enum types (migrations) ------------------------------------------------------------

    /**
     * CREATE TYPE ... AS ENUM, for a database with named enum types (PostgreSQL). Elsewhere an
     * enum's labels are part of each column's type, and this is refused.
     *
     * @param schema the schema, or {@code null}
     * @param type the enum type: its name and labels
     * @return the statement
     * @throws CompileException where the database has no named enum types
     */
    public String createEnumType(String schema, EnumType<?> type) {
        throw noNamedEnums("create enum type " + type.name());
    }

    /**
     * DROP TYPE of a named enum type; no table may use it any more.
     *
     * @param schema the schema, or {@code null}
     * @param name the type's name
     * @return the statement
     * @throws CompileException where the database has no named enum types
     */
    public String dropEnumType(String schema, String name) {
        throw noNamedEnums("drop enum type " + name);
    }

    /**
     * Adds a label to a named enum type: at the end, or just before or after an existing label.
     *
     * @param schema the schema, or {@code null}
     * @param type the type's name
     * @param label the new label
     * @param before the label it goes before, or {@code null}
     * @param after the label it goes after, or {@code null} (give at most one of the two)
     * @return the statement
     * @throws CompileException where the database has no named enum types
     */
    public String addEnumValue(String schema, String type, String label, String before, String after) {
        throw noNamedEnums("add value " + label + " to enum type " + type);
    }

    /**
     * Renames a label of a named enum type; the rows that hold it hold the new label.
     *
     * @param schema the schema, or {@code null}
     * @param type the type's name
     * @param from the current label
     * @param to the new label
     * @return the statement
     * @throws CompileException where the database has no named enum types
     */
    public String renameEnumValue(String schema, String type, String from, String to) {
        throw noNamedEnums("rename value " + from + " of enum type " + type);
    }

    /**
     * Renames a named enum type; the columns that use it follow it.
     *
     * @param schema the schema, or {@code null}
     * @param from the current name
     * @param to the new name
     * @return the statement
     * @throws CompileException where the database has no named enum types
     */
    public String renameEnumType(String schema, String from, String to) {
        throw noNamedEnums("rename enum type " + from);
    }

    private CompileException noNamedEnums(String what) {
        return new CompileException("Cannot " + what + ": " + dialect.displayName() + " has no named enum types; "
                + "an enum's labels are part of each column's type there. Change the column's type instead.");
    }

    /**
     * Statements that stop the database from enforcing foreign keys while tables are rebuilt
     * (SQLite: {@code PRAGMA foreign_keys = OFF}, which must run outside any transaction), so that
     * dropping the old copy of a table leaves the rows that refer to it alone. None by default.
     *
     * @return the statements
     */
    public List<String> disableForeignKeys() {
        return List.of();
    }

    /**
     * Statements that undo {@link #disableForeignKeys()}, run after the transaction ends.
     *
     * @return the statements
     */
    public List<String> enableForeignKeys() {
        return List.of();
    }

    /**
     * A query listing the rows whose foreign keys refer to no row, run after tables were rebuilt
     * and before COMMIT (SQLite: {@code PRAGMA foreign_key_check}); {@code null} where there is none.
     *
     * @return the query, or {@code null}
     */
    public String foreignKeyCheck() {
        return null;
    }

    private void require(Capability capability, String what, String alternative) {
        if (!dialect.supports(capability)) {
            throw new CompileException(dialect.displayName() + " cannot ALTER TABLE to " + what + "; " + alternative + ".");
        }
    }

    // ---- sequences ---------------------------------------------------------------------------

    /**
     * CREATE SEQUENCE.
     *
     * @param s the sequence
     * @return the statement
     */
    public String createSequence(Sequence s) {
        requireSequences(s);
        return "CREATE SEQUENCE " + ids.qualified(s.schema(), s.name()) + " START WITH " + s.start()
                + " INCREMENT BY " + s.increment();
    }

    /**
     * DROP SEQUENCE.
     *
     * @param s the sequence
     * @return the statement
     */
    public String dropSequence(Sequence s) {
        requireSequences(s);
        return "DROP SEQUENCE " + ids.qualified(s.schema(), s.name());
    }

    /**
     * The expression that draws the next value of a sequence, for a column default.
     *
     * @param s the sequence
     * @return SQL
     */
    protected String nextValue(Sequence s) {
        requireSequences(s);
        return "NEXT VALUE FOR " + ids.qualified(s.schema(), s.name());
    }

    private void requireSequences(Sequence s) {
        if (!dialect.supports(Capability.SEQUENCES)) {
            throw new CompileException("Sequence " + s.name() + ": " + dialect.displayName() + " has no sequences. "
                    + "Use an autoincrement column instead.");
        }
    }

    // ---- pieces -----------------------------------------------------------------------------

    /**
     * A table's qualified, quoted name.
     *
     * @param t the table
     * @return the name
     */
    protected String tableName(Table t) {
        return ids.qualified(t.schema(), t.name());
    }

    /**
     * {@code CONSTRAINT name } for a named constraint, or nothing.
     *
     * @param name the name, or {@code null}
     * @return the prefix
     */
    protected String constraintName(String name) {
        return name == null ? "" : "CONSTRAINT " + ids.quote(name) + " ";
    }

    /**
     * Quoted column names joined by commas.
     *
     * @param columns the columns
     * @return the list
     */
    protected String columnList(List<Column<?>> columns) {
        List<String> names = new ArrayList<>();
        for (Column<?> c : columns) {
            names.add(ids.quote(c.name()));
        }
        return String.join(", ", names);
    }

    /**
     * A value as a SQL literal, for DDL only (statements bind values instead). Strings are
     * quoted with quote characters doubled; numbers and booleans are written plainly; dates,
     * times and UUIDs as quoted ISO text.
     *
     * @param value the value
     * @return the literal
     * @throws CompileException for a value that has no safe literal form
     */
    public String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean b) {
            return booleanLiteral(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new CompileException("Cannot write " + value + " as a SQL literal default.");
            }
            return BigDecimal.valueOf(d).toPlainString();
        }
        if (value instanceof Enum<?> e) {
            return stringLiteral(e.name());
        }
        if (value instanceof CharSequence || value instanceof TemporalAccessor || value instanceof UUID) {
            return stringLiteral(value.toString());
        }
        throw new CompileException("Cannot write a " + value.getClass().getName()
                + " as a SQL literal. Use serverDefault(sql) with an expression instead.");
    }

    /**
     * A boolean literal.
     *
     * @param b the value
     * @return {@code TRUE} or {@code FALSE} by default
     */
    protected String booleanLiteral(boolean b) {
        return b ? "TRUE" : "FALSE";
    }

    /**
     * A string literal with quotes doubled. NUL characters are refused.
     *
     * @param s the text
     * @return the literal
     */
    protected String stringLiteral(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new CompileException("A SQL literal cannot contain a NUL character.");
        }
        return "'" + s.replace("'", "''") + "'";
    }
}
