package dev.retort.schema;

import dev.retort.DefinitionException;
import dev.retort.types.MappedType;
import dev.retort.types.SqlType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A database table: typed columns, a primary key, foreign keys, unique and check constraints,
 * indexes and a comment. Define one as a class whose fields are its columns, for type-safe use
 * in code:
 *
 * <pre>{@code
 * public final class Users extends Table {
 *     public static final Users USERS = new Users(Schema.METADATA);
 *     public final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
 *     public final Column<String> email = column("email", varchar(200), NOT_NULL, UNIQUE);
 *     public final Column<Long> groupId = column("group_id", BIGINT, references(Groups.GROUPS.id));
 *     private Users(MetaData metadata) { super(metadata, "users"); }
 * }
 * }</pre>
 *
 * or at run time with {@link #builder(String)}, the form reflection produces. Both give the
 * same kind of object. A table is defined by its constructor (or builder) and not changed after;
 * definition mistakes throw {@link DefinitionException} at once, naming the table and column.
 *
 * <p>Thread-safe once defined.
 */
public class Table implements dev.retort.sql.TableReference {
    /** The longest identifier every supported database holds: PostgreSQL's 63 bytes (MariaDB: 64). */
    public static final int MAX_IDENTIFIER_BYTES = 63;

    private final MetaData metadata;
    private final String schema;
    private final String name;
    private final List<Column<?>> columns = new ArrayList<>();
    private final Map<String, Column<?>> byName = new LinkedHashMap<>();
    private final Map<String, Column<?>> byKey = new LinkedHashMap<>();
    private final List<Column<?>> keyColumnsFromOptions = new ArrayList<>();
    private PrimaryKey primaryKey;
    private boolean primaryKeyDeclared;
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final List<UniqueConstraint> uniques = new ArrayList<>();
    private final List<CheckConstraint> checks = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private String comment;

    /**
     * A table in no MetaData.
     *
     * @param name the table name
     */
    protected Table(String name) {
        this(null, null, name);
    }

    /**
     * A table in a MetaData, in its default schema.
     *
     * @param metadata the MetaData the table joins
     * @param name the table name
     */
    protected Table(MetaData metadata, String name) {
        this(metadata, null, name);
    }

    /**
     * A table in a MetaData and schema.
     *
     * @param metadata the MetaData the table joins, or {@code null}
     * @param schema the schema (PostgreSQL namespace, MariaDB database), or {@code null} for the
     *               MetaData's default
     * @param name the table name
     */
    @SuppressWarnings("this-escape")
    protected Table(MetaData metadata, String schema, String name) {
        checkIdentifier("Table", name, null);
        this.metadata = metadata;
        this.schema = schema != null ? schema : metadata != null ? metadata.schema() : null;
        this.name = name;
        if (metadata != null) {
            metadata.register(this);
        }
    }

    /**
     * Reads one table from a live database into a MetaData (in its default schema), together
     * with the tables its foreign keys refer to that the MetaData lacks. The table is the same
     * kind of object code defines; look its columns up by name.
     *
     * <pre>{@code
     * Table users = Table.reflect(metadata, "users", engine);
     * Column<String> email = users.column("email", String.class);
     * }</pre>
     *
     * @param metadata the MetaData to add it to
     * @param name the table name
     * @param executor an {@code Engine}
     * @return the table
     * @throws RuntimeException the engine's exception naming the table if it does not exist
     */
    public static Table reflect(MetaData metadata, String name, SchemaExecutor executor) {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(executor, "executor");
        return executor.reflectTables(metadata, metadata.schema(), List.of(name)).get(0);
    }

    /**
     * Starts a table defined at run time.
     *
     * @param name the table name
     * @return the builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    // ---- definition (for subclasses and the builder) -------------------------------------------

    /**
     * Defines a column.
     *
     * @param name the column name
     * @param type its SQL type
     * @param options primary key, not null, defaults, foreign key... (see {@link ColumnOptions})
     * @param <T> the Java type of its values
     * @return the column
     * @throws DefinitionException if the name is taken or invalid, or an option contradicts another
     */
    @SafeVarargs
    protected final <T> Column<T> column(String name, SqlType<T> type, ColumnOption<? super T>... options) {
        List<ColumnOption<? super T>> list = new ArrayList<>();
        for (ColumnOption<? super T> o : options) {
            list.add(o);
        }
        return addColumn(name, type, list);
    }

    @SuppressWarnings("unchecked")
    final <T> Column<T> addColumn(String name, SqlType<T> type, List<ColumnOption<? super T>> options) {
        checkIdentifier("Column", name, this.name);
        Objects.requireNonNull(type, () -> "column " + this.name + "." + name + ": type is null");
        if (byName.containsKey(name)) {
            throw new DefinitionException("Table " + this.name + " already has a column named " + name
                    + ". Column names must be unique within a table.");
        }
        Column.Spec<T> spec = new Column.Spec<>();
        for (ColumnOption<? super T> option : options) {
            ((ColumnOption<T>) Objects.requireNonNull(option, "column option")).applyTo(spec);
        }
        if (spec.primaryKey && Boolean.TRUE.equals(spec.nullable)) {
            throw new DefinitionException("Column " + this.name + "." + name + " is part of the primary key and "
                    + "cannot be nullable: remove NULLABLE.");
        }
        if (spec.key != null && byKey.containsKey(spec.key)) {
            throw new DefinitionException("Table " + this.name + " already has a column with key " + spec.key + ".");
        }
        Column<T> column = new Column<>(this, name, type, spec);
        columns.add(column);
        byName.put(name, column);
        byKey.put(column.key(), column);
        if (spec.primaryKey) {
            keyColumnsFromOptions.add(column);
            primaryKey = new PrimaryKey(conventionName("pk", names(keyColumnsFromOptions), null, List.of(), null),
                    keyColumnsFromOptions);
        }
        if (spec.references != null) {
            Column<?> target = spec.references;
            checkSameType(column, target);
            addForeignKey(null, List.of(column), target.table(), target.table().schema(), target.table().name(),
                    List.of(target.name()), spec.onDelete, spec.onUpdateAction, false, false, false);
        }
        if (spec.unique) {
            unique(column);
        }
        if (spec.index) {
            index(null, false, List.of(new Index.Element(column, null)), null);
        }
        return column;
    }

    /**
     * Declares the primary key, for a composite key or one named explicitly.
     *
     * @param columns the key's columns, in order
     * @throws DefinitionException if column options already declared a different key, or a
     *         column is declared nullable
     */
    protected final void primaryKey(Column<?>... columns) {
        primaryKey(null, columns);
    }

    /**
     * Declares a named primary key.
     *
     * @param name the constraint name, or {@code null}
     * @param columns the key's columns, in order
     */
    protected final void primaryKey(String name, Column<?>... columns) {
        List<Column<?>> cols = own(columns, "primaryKey");
        if (cols.isEmpty()) {
            throw new DefinitionException("primaryKey() of table " + this.name + " names no columns.");
        }
        if (primaryKeyDeclared || (!keyColumnsFromOptions.isEmpty() && !keyColumnsFromOptions.equals(cols))) {
            throw new DefinitionException("Table " + this.name + " declares its primary key twice ("
                    + (primaryKey == null ? "" : names(primaryKey.columns()) + " and ") + names(cols)
                    + "). Declare it once: with PRIMARY_KEY on each column, or with one primaryKey(...) call.");
        }
        for (Column<?> c : cols) {
            if (Boolean.TRUE.equals(c.explicitNullable())) {
                throw new DefinitionException("Column " + c.qualifiedName() + " is part of the primary key and cannot "
                        + "be nullable: remove NULLABLE.");
            }
        }
        primaryKeyDeclared = true;
        primaryKey = new PrimaryKey(name != null ? name : conventionName("pk", names(cols), null, List.of(), null), cols);
    }

    /**
     * Declares a foreign key over several columns to columns of another table.
     *
     * @param columns the referencing columns of this table
     * @param referred the referenced columns, in the same order
     * @param options name, actions, deferral (see {@link ForeignKeyOptions})
     * @return the foreign key
     * @throws DefinitionException if the counts or types differ
     */
    protected final ForeignKey foreignKey(List<Column<?>> columns, List<Column<?>> referred, ForeignKeyOptions options) {
        List<Column<?>> cols = own(columns.toArray(new Column<?>[0]), "foreignKey");
        if (referred.isEmpty() || referred.size() != cols.size()) {
            throw new DefinitionException("Foreign key on " + this.name + " " + names(cols) + " must refer to as many "
                    + "columns as it has, got " + referred.size() + ".");
        }
        Table target = referred.get(0).table();
        for (int i = 0; i < cols.size(); i++) {
            if (referred.get(i).table() != target) {
                throw new DefinitionException("Foreign key on " + this.name + " " + names(cols)
                        + " refers to columns of different tables; all must belong to one table.");
            }
            checkSameType(cols.get(i), referred.get(i));
        }
        return addForeignKey(options.name(), cols, target, target.schema(), target.name(), names(referred),
                options.onDelete(), options.onUpdate(), options.deferrable(), options.initiallyDeferred(), options.useAlter());
    }

    /**
     * Declares a foreign key to a table by name, resolved when the MetaData is used (so the
     * referenced table may be defined later, or be this one).
     *
     * @param columns the referencing columns of this table
     * @param referredTable the referenced table's name
     * @param referredColumns the referenced columns' names, in the same order
     * @param options name, actions, deferral
     * @return the foreign key
     */
    protected final ForeignKey foreignKey(List<Column<?>> columns, String referredTable, List<String> referredColumns,
                                          ForeignKeyOptions options) {
        List<Column<?>> cols = own(columns.toArray(new Column<?>[0]), "foreignKey");
        Table target = referredTable.equals(name) ? this : null;
        return addForeignKey(options.name(), cols, target, options.referredSchema() != null ? options.referredSchema()
                : schema, referredTable, referredColumns, options.onDelete(), options.onUpdate(), options.deferrable(),
                options.initiallyDeferred(), options.useAlter());
    }

    private ForeignKey foreignKeyFoundLater(List<Column<?>> columns, String referredTable, List<String> referredColumns,
                                            ForeignKeyOptions options, java.util.function.Supplier<Table> lookup) {
        List<Column<?>> cols = own(columns.toArray(new Column<?>[0]), "foreignKey");
        String n = options.name() != null ? options.name()
                : conventionName("fk", names(cols), referredTable, referredColumns, null);
        ForeignKey fk = new ForeignKey(this, n, cols, null, options.referredSchema() != null ? options.referredSchema() : schema,
                referredTable, referredColumns, options.onDelete(), options.onUpdate(), options.deferrable(),
                options.initiallyDeferred(), options.useAlter(), lookup);
        foreignKeys.add(fk);
        return fk;
    }

    private ForeignKey addForeignKey(String name, List<Column<?>> cols, Table target, String referredSchema,
                                     String referredTable, List<String> referredColumns, ReferentialAction onDelete,
                                     ReferentialAction onUpdate, boolean deferrable, boolean initiallyDeferred,
                                     boolean useAlter) {
        String n = name != null ? name : conventionName("fk", names(cols), referredTable, referredColumns, null);
        ForeignKey fk = new ForeignKey(this, n, cols, target, referredSchema, referredTable, referredColumns,
                onDelete, onUpdate, deferrable, initiallyDeferred, useAlter, null);
        foreignKeys.add(fk);
        return fk;
    }

    /**
     * Declares a UNIQUE constraint.
     *
     * @param columns the columns
     * @return the constraint
     */
    protected final UniqueConstraint unique(Column<?>... columns) {
        return unique(null, columns);
    }

    /**
     * Declares a named UNIQUE constraint.
     *
     * @param name the constraint name, or {@code null} for the naming convention's
     * @param columns the columns
     * @return the constraint
     */
    protected final UniqueConstraint unique(String name, Column<?>... columns) {
        return addUnique(name, false, false, columns);
    }

    /**
     * Declares a deferrable UNIQUE constraint (PostgreSQL): checked at COMMIT when deferred, so
     * rows of one transaction may swap values. Databases without deferrable constraints refuse it
     * in DDL.
     *
     * @param name the constraint name, or {@code null} for the naming convention's
     * @param initiallyDeferred whether it is checked at COMMIT unless a transaction says otherwise
     * @param columns the columns
     * @return the constraint
     */
    protected final UniqueConstraint uniqueDeferrable(String name, boolean initiallyDeferred, Column<?>... columns) {
        return addUnique(name, true, initiallyDeferred, columns);
    }

    private UniqueConstraint addUnique(String name, boolean deferrable, boolean initiallyDeferred, Column<?>... columns) {
        List<Column<?>> cols = own(columns, "unique");
        UniqueConstraint u = new UniqueConstraint(name != null ? name
                : conventionName("uq", names(cols), null, List.of(), null), cols, deferrable, initiallyDeferred);
        uniques.add(u);
        return u;
    }

    /**
     * Declares a CHECK constraint; the condition is SQL written by the developer.
     *
     * @param name the constraint name (also the {@code %(constraint_name)s} of a naming convention), or {@code null}
     * @param condition the SQL condition, e.g. {@code qty >= 0}
     * @return the constraint
     */
    protected final CheckConstraint check(String name, String condition) {
        if (condition == null || condition.isBlank()) {
            throw new DefinitionException("check() on table " + this.name + ": the condition is null or blank.");
        }
        String n = name;
        if (metadata != null && metadata.namingConvention().templates().containsKey("ck")) {
            n = conventionName("ck", List.of(), null, List.of(), name);
        }
        CheckConstraint c = new CheckConstraint(n, condition.strip());
        checks.add(c);
        return c;
    }

    /**
     * Declares an index over columns.
     *
     * @param columns the columns
     * @return the index, named by the convention or {@code ix_<table>_<columns>}
     */
    protected final Index index(Column<?>... columns) {
        return index(null, false, elements(own(columns, "index")), null);
    }

    /**
     * Declares a unique index over columns.
     *
     * @param columns the columns
     * @return the index
     */
    protected final Index uniqueIndex(Column<?>... columns) {
        return index(null, true, elements(own(columns, "uniqueIndex")), null);
    }

    /**
     * Declares an index of any kind.
     *
     * @param name the index name, or {@code null} for a generated one
     * @param unique whether it is unique
     * @param elements columns and SQL expressions ({@link Index.Element})
     * @param where the condition of a partial index, or {@code null}
     * @return the index
     */
    protected final Index index(String name, boolean unique, List<Index.Element> elements, String where) {
        if (elements.isEmpty()) {
            throw new DefinitionException("An index on table " + this.name + " needs at least one column or expression.");
        }
        List<String> labels = new ArrayList<>();
        for (Index.Element e : elements) {
            if (e.column() != null && e.column().table() != this) {
                throw new DefinitionException("Index on table " + this.name + " names column " + e.column().qualifiedName()
                        + " of another table.");
            }
            labels.add(e.column() != null ? e.column().name() : "expr");
        }
        String n = name;
        if (n == null) {
            n = conventionName("ix", labels, null, List.of(), null);
        }
        if (n == null) {
            n = "ix_" + this.name + "_" + String.join("_", labels);
        }
        checkIdentifier("Index", n, this.name);
        Index index = new Index(this, n, unique, elements, where);
        indexes.add(index);
        return index;
    }

    /**
     * Sets the table's comment (PostgreSQL, MariaDB).
     *
     * @param comment the text
     */
    protected final void comment(String comment) {
        this.comment = Objects.requireNonNull(comment, "comment");
    }

    private static List<Index.Element> elements(List<Column<?>> cols) {
        List<Index.Element> out = new ArrayList<>();
        for (Column<?> c : cols) {
            out.add(new Index.Element(c, null));
        }
        return out;
    }

    private List<Column<?>> own(Column<?>[] cols, String what) {
        List<Column<?>> list = new ArrayList<>();
        for (Column<?> c : cols) {
            Objects.requireNonNull(c, () -> what + "() on table " + name + ": a column is null");
            if (c.table() != this) {
                throw new DefinitionException(what + "() on table " + name + " names column " + c.qualifiedName()
                        + " of another table.");
            }
            list.add(c);
        }
        return list;
    }

    private String conventionName(String kind, List<String> cols, String referredTable, List<String> referredCols,
                                  String constraintName) {
        if (metadata == null) {
            return constraintName;
        }
        String n = metadata.namingConvention().name(kind, this, cols, referredTable, referredCols, constraintName);
        if (n != null) {
            checkIdentifier("Constraint", n, name);
        }
        return n;
    }

    static List<String> names(List<Column<?>> cols) {
        List<String> names = new ArrayList<>();
        for (Column<?> c : cols) {
            names.add(c.name());
        }
        return names;
    }

    static void checkSameType(Column<?> from, Column<?> to) {
        SqlType<?> a = stored(from.type());
        SqlType<?> b = stored(to.type());
        if (a.getClass() != b.getClass()) {
            throw new DefinitionException("Foreign key column " + from.qualifiedName() + " (" + from.type()
                    + ") refers to " + to.qualifiedName() + " (" + to.type() + "): the types differ. Declare "
                    + from.qualifiedName() + " with the type of " + to.qualifiedName() + ".");
        }
    }

    private static SqlType<?> stored(SqlType<?> t) {
        return t instanceof MappedType<?, ?> m ? stored(m.stored()) : t;
    }

    static void checkIdentifier(String what, String identifier, String table) {
        String where = table == null ? "" : " in table " + table;
        if (identifier == null || identifier.isBlank()) {
            throw new DefinitionException(what + " name" + where + " is null or blank.");
        }
        if (identifier.indexOf('\0') >= 0) {
            throw new DefinitionException(what + " name '" + identifier.replace("\0", "\\0") + "'" + where
                    + " contains a NUL character, which no database allows.");
        }
        int bytes = identifier.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_IDENTIFIER_BYTES) {
            throw new DefinitionException(what + " name '" + identifier + "'" + where + " is " + bytes
                    + " bytes long; PostgreSQL holds at most 63 bytes (MariaDB 64). Shorten it.");
        }
    }

    // ---- reading ------------------------------------------------------------------------------

    /** @return the MetaData the table belongs to, if any */
    public Optional<MetaData> metadata() {
        return Optional.ofNullable(metadata);
    }

    /** @return the schema, or {@code null} for the connection's default */
    @Override
    public String schema() {
        return schema;
    }

    /** @return the table name */
    @Override
    public String name() {
        return name;
    }

    /** @return {@code schema.name}, or the name alone */
    public String fullName() {
        return schema == null ? name : schema + "." + name;
    }

    /** @return the columns, in definition order */
    public List<Column<?>> columns() {
        return Collections.unmodifiableList(columns);
    }

    @Override
    public List<Column<?>> columnReferences() {
        return columns();
    }

    /**
     * The foreign keys between this table and another, in either direction, each as pairs of
     * (referencing column, referenced column).
     */
    @Override
    public List<List<dev.retort.sql.ColumnReference<?>[]>> foreignKeyLinks(dev.retort.sql.TableReference other) {
        List<List<dev.retort.sql.ColumnReference<?>[]>> links = new ArrayList<>();
        if (other instanceof dev.retort.sql.TableAlias alias) {
            return alias.foreignKeyLinks(this);
        }
        if (!(other instanceof Table that)) {
            return links;
        }
        for (ForeignKey fk : foreignKeys) {
            if (fk.referredTable() == that && that != this) {
                links.add(pairs(fk.columns(), fk.referredColumns()));
            }
        }
        if (that != this) {
            for (ForeignKey fk : that.foreignKeys()) {
                if (fk.referredTable() == this) {
                    links.add(pairs(fk.columns(), fk.referredColumns()));
                }
            }
        }
        return links;
    }

    private static List<dev.retort.sql.ColumnReference<?>[]> pairs(List<Column<?>> from, List<Column<?>> to) {
        List<dev.retort.sql.ColumnReference<?>[]> out = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) {
            out.add(new dev.retort.sql.ColumnReference<?>[] {from.get(i), to.get(i)});
        }
        return out;
    }

    /** @return the column names, in definition order */
    public List<String> columnNames() {
        return names(columns);
    }

    /**
     * A column by its database name, or by its key.
     *
     * @param name the name
     * @return the column, if there is one
     */
    public Optional<Column<?>> findColumn(String name) {
        Column<?> c = byName.get(name);
        return Optional.ofNullable(c != null ? c : byKey.get(name));
    }

    /**
     * A column by name.
     *
     * @param name the column's database name or key
     * @return the column
     * @throws DefinitionException listing the columns, if there is none of that name
     */
    public Column<?> column(String name) {
        return findColumn(name).orElseThrow(() -> new DefinitionException("Table " + this.name + " has no column "
                + name + "; its columns are " + columnNames() + "."));
    }

    /**
     * A column by name, typed by a class the caller chooses (for run-time and reflected tables).
     *
     * @param name the column's database name or key
     * @param javaType the Java type of its values
     * @param <T> that type
     * @return the column
     * @throws DefinitionException if there is no such column or its Java type differs
     */
    @SuppressWarnings("unchecked")
    public <T> Column<T> column(String name, Class<T> javaType) {
        Column<?> c = column(name);
        if (!javaType.isAssignableFrom(c.type().javaType())) {
            throw new DefinitionException("Column " + c.qualifiedName() + " holds " + c.type().javaType().getSimpleName()
                    + " (" + c.type() + "), not " + javaType.getSimpleName() + ".");
        }
        return (Column<T>) c;
    }

    /** @return the primary key, if the table has one */
    public Optional<PrimaryKey> primaryKey() {
        return Optional.ofNullable(primaryKey);
    }

    /** @return the foreign keys, in definition order */
    public List<ForeignKey> foreignKeys() {
        return Collections.unmodifiableList(foreignKeys);
    }

    /** @return the UNIQUE constraints */
    public List<UniqueConstraint> uniqueConstraints() {
        return Collections.unmodifiableList(uniques);
    }

    /** @return the CHECK constraints */
    public List<CheckConstraint> checkConstraints() {
        return Collections.unmodifiableList(checks);
    }

    /** @return the indexes */
    public List<Index> indexes() {
        return Collections.unmodifiableList(indexes);
    }

    /** @return the table's comment, if any */
    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    /**
     * Checks what can only be checked once the table is complete: it has columns, and its
     * foreign keys refer to existing columns of the same types.
     *
     * @throws DefinitionException naming the table and what is wrong
     */
    public void validate() {
        if (columns.isEmpty()) {
            throw new DefinitionException("Table " + name + " has no columns. Define at least one column.");
        }
        for (ForeignKey fk : foreignKeys) {
            fk.referredColumns();
        }
    }

    @Override
    public String toString() {
        return fullName();
    }

    /** Builds a {@link Table} at run time; the form reflection produces. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private String schema;
        private MetaData metadata;
        private String comment;
        private final List<java.util.function.Consumer<Table>> steps = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Puts the table in a MetaData (and its default schema).
         *
         * @param metadata the MetaData
         * @return this builder
         */
        public Builder metadata(MetaData metadata) {
            this.metadata = Objects.requireNonNull(metadata, "metadata");
            return this;
        }

        /**
         * Puts the table in a schema.
         *
         * @param schema the schema name
         * @return this builder
         */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /**
         * Adds a column.
         *
         * @param name the column name
         * @param type its type
         * @param options its options
         * @param <T> the Java type
         * @return this builder
         */
        @SafeVarargs
        public final <T> Builder column(String name, SqlType<T> type, ColumnOption<? super T>... options) {
            List<ColumnOption<? super T>> copy = new ArrayList<>();
            for (ColumnOption<? super T> o : options) {
                copy.add(o);
            }
            steps.add(t -> t.addColumn(name, type, copy));
            return this;
        }

        /**
         * Declares the primary key by column names.
         *
         * @param name the constraint name, or {@code null}
         * @param columns the column names
         * @return this builder
         */
        public Builder primaryKey(String name, String... columns) {
            steps.add(t -> t.primaryKey(name, t.columnsNamed(columns)));
            return this;
        }

        /**
         * Declares a foreign key by names.
         *
         * @param columns this table's column names
         * @param referredTable the referenced table
         * @param referredColumns the referenced column names
         * @param options name, actions, deferral
         * @return this builder
         */
        public Builder foreignKey(List<String> columns, String referredTable, List<String> referredColumns,
                                  ForeignKeyOptions options) {
            steps.add(t -> t.foreignKey(List.of(t.columnsNamed(columns.toArray(new String[0]))), referredTable,
                    referredColumns, options));
            return this;
        }

        /**
         * Declares a foreign key by names to a table that a lookup finds when the key is first used
         * (sorted, rendered, joined on), not when it is declared: for two tables built in no
         * MetaData that refer to each other, where neither exists while the first is built (an ORM
         * maps two entities this way). The lookup must return the table named
         * {@code referredTable}; {@link ForeignKey#referredTable()} checks that, and
         * {@link Table#validate()} checks the columns and their types as for any key made by name.
         *
         * @param columns this table's column names
         * @param referredTable the referenced table's name (and schema, in {@code options})
         * @param referredColumns the referenced column names
         * @param options name, actions, deferral
         * @param lookup returns the referenced table; called on every use, so it should be cheap
         * @return this builder
         */
        public Builder foreignKey(List<String> columns, String referredTable, List<String> referredColumns,
                                  ForeignKeyOptions options, java.util.function.Supplier<Table> lookup) {
            Objects.requireNonNull(referredTable, "referredTable");
            Objects.requireNonNull(lookup, "lookup");
            steps.add(t -> t.foreignKeyFoundLater(List.of(t.columnsNamed(columns.toArray(new String[0]))), referredTable,
                    referredColumns, options, lookup));
            return this;
        }

        /**
         * Declares a UNIQUE constraint by column names.
         *
         * @param name the constraint name, or {@code null}
         * @param columns the column names
         * @return this builder
         */
        public Builder unique(String name, String... columns) {
            steps.add(t -> t.unique(name, t.columnsNamed(columns)));
            return this;
        }

        /**
         * Declares a deferrable UNIQUE constraint by column names (PostgreSQL).
         *
         * @param name the constraint name, or {@code null}
         * @param initiallyDeferred whether it is checked at COMMIT unless a transaction says otherwise
         * @param columns the column names
         * @return this builder
         */
        public Builder uniqueDeferrable(String name, boolean initiallyDeferred, String... columns) {
            steps.add(t -> t.uniqueDeferrable(name, initiallyDeferred, t.columnsNamed(columns)));
            return this;
        }

        /**
         * Declares a CHECK constraint.
         *
         * @param name the constraint name, or {@code null}
         * @param condition the SQL condition
         * @return this builder
         */
        public Builder check(String name, String condition) {
            steps.add(t -> t.check(name, condition));
            return this;
        }

        /**
         * Declares an index over columns, by name.
         *
         * @param name the index name, or {@code null}
         * @param unique whether it is unique
         * @param columns the column names
         * @return this builder
         */
        public Builder index(String name, boolean unique, String... columns) {
            steps.add(t -> t.index(name, unique, elements(List.of(t.columnsNamed(columns))), null));
            return this;
        }

        /**
         * Declares an index of any kind: columns named as they are, other entries taken as SQL
         * expressions.
         *
         * @param name the index name, or {@code null}
         * @param unique whether it is unique
         * @param elements column names or SQL expressions
         * @param where the condition of a partial index, or {@code null}
         * @return this builder
         */
        public Builder index(String name, boolean unique, List<String> elements, String where) {
            steps.add(t -> {
                List<Index.Element> els = new ArrayList<>();
                for (String e : elements) {
                    Optional<Column<?>> c = t.findColumn(e);
                    els.add(c.isPresent() ? new Index.Element(c.get(), null) : new Index.Element(null, e));
                }
                t.index(name, unique, els, where);
            });
            return this;
        }

        /**
         * Sets the table comment.
         *
         * @param comment the text
         * @return this builder
         */
        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        /**
         * Makes the table (and adds it to the MetaData, if one was given).
         *
         * @return the table
         * @throws DefinitionException for any definition mistake, or a table without columns
         */
        public Table build() {
            Table t = new Table(metadata, schema, name);
            for (java.util.function.Consumer<Table> step : steps) {
                step.accept(t);
            }
            if (comment != null) {
                t.comment(comment);
            }
            if (t.columns.isEmpty()) {
                throw new DefinitionException("Table " + name + " has no columns. Define at least one column.");
            }
            return t;
        }
    }

    Column<?>[] columnsNamed(String... names) {
        Column<?>[] out = new Column<?>[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = column(names[i]);
        }
        return out;
    }
}
