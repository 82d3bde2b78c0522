package dev.retort.schema;

import dev.retort.DefinitionException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A collection of tables (and PostgreSQL sequences) that belong together, with an optional
 * default schema and a {@link NamingConvention} for constraints. Creates and drops its tables in
 * foreign-key order, renders the DDL offline, and reads tables from a live database.
 *
 * <pre>{@code
 * MetaData metadata = MetaData.builder().namingConvention(NamingConvention.of(Map.of("fk", "fk_%(table_name)s_%(column_0_name)s"))).build();
 * ... tables defined with metadata ...
 * metadata.createAll(engine);
 * List<String> ddl = metadata.createScript(new PostgresDialect());
 * }</pre>
 *
 * <p>Define tables from one thread; once defined, a MetaData is safe to read from many.
 */
public final class MetaData {
    private final String schema;
    private final NamingConvention namingConvention;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Sequence> sequences = new LinkedHashMap<>();

    /** An empty MetaData with no default schema and no naming convention. */
    public MetaData() {
        this(null, NamingConvention.none());
    }

    private MetaData(String schema, NamingConvention namingConvention) {
        this.schema = schema;
        this.namingConvention = namingConvention;
    }

    /** @return a builder for a MetaData with a default schema or a naming convention */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the default schema of its tables, or {@code null} */
    public String schema() {
        return schema;
    }

    /** @return the naming convention for unnamed constraints */
    public NamingConvention namingConvention() {
        return namingConvention;
    }

    void register(Table table) {
        String key = key(table.schema(), table.name());
        if (tables.containsKey(key)) {
            throw new DefinitionException("This MetaData already has a table named " + table.fullName()
                    + ". Table names must be unique within a schema.");
        }
        tables.put(key, table);
    }

    /**
     * Lists a table that was built in no MetaData (an ORM entity's table, for one) in this one too,
     * so that {@link #createAll}, {@link #dropAll} and {@link #sortedTables()} include it. Such a
     * table may be listed by several MetaData; its own {@code metadata()} stays empty.
     *
     * @param table a table built without a MetaData
     * @return the table
     * @throws DefinitionException if the table belongs to another MetaData, or this one has another
     *                             table of that name
     */
    public Table add(Table table) {
        Objects.requireNonNull(table, "table");
        if (table.metadata().isPresent()) {
            if (table.metadata().get() == this) {
                return table;
            }
            throw new DefinitionException("Table " + table.fullName() + " belongs to another MetaData; "
                    + "only a table built without one can be added to a MetaData.");
        }
        Table existing = tables.get(key(table.schema(), table.name()));
        if (existing != table) {
            register(table);
        }
        return table;
    }

    /**
     * Removes a table (before reflecting it again, for instance).
     *
     * @param table the table
     */
    public void remove(Table table) {
        tables.remove(key(table.schema(), table.name()));
    }

    private static String key(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }

    /** @return the tables, in definition order */
    public List<Table> tables() {
        return List.copyOf(tables.values());
    }

    /**
     * A table by name, in the default schema.
     *
     * @param name the table name
     * @return the table, if defined
     */
    public Optional<Table> table(String name) {
        return table(schema, name);
    }

    /**
     * A table by schema and name.
     *
     * @param schema the schema, or {@code null} for the default
     * @param name the table name
     * @return the table, if defined
     */
    public Optional<Table> table(String schema, String name) {
        Table t = tables.get(key(schema != null ? schema : this.schema, name));
        if (t == null && schema == null) {
            t = tables.get(name);
        }
        return Optional.ofNullable(t);
    }

    /**
     * Defines a PostgreSQL sequence starting at 1, step 1.
     *
     * @param name the sequence name
     * @return the sequence
     */
    public Sequence sequence(String name) {
        return sequence(name, 1, 1);
    }

    /**
     * Defines a PostgreSQL sequence.
     *
     * @param name the sequence name
     * @param start the first value
     * @param increment the step
     * @return the sequence
     */
    public Sequence sequence(String name, long start, long increment) {
        Table.checkIdentifier("Sequence", name, null);
        if (increment == 0) {
            throw new DefinitionException("Sequence " + name + " has increment 0; use a non-zero step.");
        }
        if (sequences.containsKey(name)) {
            throw new DefinitionException("This MetaData already has a sequence named " + name + ".");
        }
        Sequence s = new Sequence(schema, name, start, increment);
        sequences.put(name, s);
        return s;
    }

    /** @return the sequences, in definition order */
    public List<Sequence> sequences() {
        return List.copyOf(sequences.values());
    }

    /**
     * The tables in the order to create them: every table after the tables it refers to.
     * Foreign keys that close a cycle, and those declared {@code useAlter}, are left out of the
     * ordering (see {@link #deferredForeignKeys}).
     *
     * @return the tables, validated
     * @throws DefinitionException if a table is empty or a foreign key refers to nothing
     */
    public List<Table> sortedTables() {
        return sort(tables.values());
    }

    /**
     * Sorts some of this MetaData's tables into creation order.
     *
     * @param subset the tables
     * @return the same tables, each after those it refers to
     */
    public List<Table> sort(Collection<Table> subset) {
        return sort(subset, deferredForeignKeys(subset));
    }

    /**
     * Sorts some of this MetaData's tables into creation order, ignoring some foreign keys.
     *
     * @param subset the tables
     * @param deferred foreign keys that do not order the tables (added after creation)
     * @return the same tables, each after those it refers to through the other foreign keys
     */
    public List<Table> sort(Collection<Table> subset, Set<ForeignKey> deferred) {
        for (Table t : subset) {
            t.validate();
        }
        List<Table> order = new ArrayList<>();
        Set<Table> done = new HashSet<>();
        Set<Table> members = new LinkedHashSet<>(subset);
        for (Table t : members) {
            visit(t, members, deferred, done, new HashSet<>(), order);
        }
        return order;
    }

    private void visit(Table t, Set<Table> members, Set<ForeignKey> deferred, Set<Table> done, Set<Table> onPath,
                       List<Table> order) {
        if (done.contains(t)) {
            return;
        }
        onPath.add(t);
        for (ForeignKey fk : t.foreignKeys()) {
            Table target = fk.referredTable();
            if (target != t && !deferred.contains(fk) && members.contains(target) && !onPath.contains(target)) {
                visit(target, members, deferred, done, onPath, order);
            }
        }
        onPath.remove(t);
        done.add(t);
        order.add(t);
    }

    /**
     * The foreign keys that must be added after the tables are created and dropped before them:
     * those declared {@code useAlter}, and one per cycle between tables (self-references are
     * no cycle: a table may refer to itself in CREATE TABLE).
     *
     * @param subset the tables considered
     * @return the foreign keys
     */
    public Set<ForeignKey> deferredForeignKeys(Collection<Table> subset) {
        Set<ForeignKey> deferred = new LinkedHashSet<>();
        for (Table t : subset) {
            for (ForeignKey fk : t.foreignKeys()) {
                if (fk.useAlter()) {
                    deferred.add(fk);
                }
            }
        }
        // Depth-first search; an edge to a table on the current path closes a cycle: defer it.
        Map<Table, Integer> state = new HashMap<>();
        Set<Table> members = new LinkedHashSet<>(subset);
        for (Table t : members) {
            findCycles(t, members, state, deferred);
        }
        return deferred;
    }

    private void findCycles(Table t, Set<Table> members, Map<Table, Integer> state, Set<ForeignKey> deferred) {
        Integer s = state.get(t);
        if (s != null) {
            return;
        }
        state.put(t, 1);
        for (ForeignKey fk : t.foreignKeys()) {
            Table target = fk.referredTable();
            if (target == t || deferred.contains(fk) || !members.contains(target)) {
                continue;
            }
            Integer ts = state.get(target);
            if (ts == null) {
                findCycles(target, members, state, deferred);
            } else if (ts == 1) {
                deferred.add(fk);
            }
        }
        state.put(t, 2);
    }

    // ---- DDL ----------------------------------------------------------------------------------

    /**
     * Creates every table that does not exist yet, with its constraints and indexes.
     *
     * @param executor an {@code Engine}
     */
    public void createAll(SchemaExecutor executor) {
        createAll(executor, true);
    }

    /**
     * Creates every table.
     *
     * @param executor an {@code Engine}
     * @param checkFirst skip tables that already exist
     */
    public void createAll(SchemaExecutor executor, boolean checkFirst) {
        Objects.requireNonNull(executor, "executor").createTables(this, tables.values(), checkFirst);
    }

    /**
     * Drops every table that exists.
     *
     * @param executor an {@code Engine}
     */
    public void dropAll(SchemaExecutor executor) {
        dropAll(executor, true);
    }

    /**
     * Drops every table.
     *
     * @param executor an {@code Engine}
     * @param checkFirst skip tables that do not exist
     */
    public void dropAll(SchemaExecutor executor, boolean checkFirst) {
        Objects.requireNonNull(executor, "executor").dropTables(this, tables.values(), checkFirst);
    }

    /**
     * The DDL that creates every table, without connecting.
     *
     * @param renderer a {@code Dialect}
     * @return the statements in order
     */
    public List<String> createScript(DdlRenderer renderer) {
        return renderer.createStatements(this, tables.values());
    }

    /**
     * The DDL that drops every table, without connecting.
     *
     * @param renderer a {@code Dialect}
     * @return the statements in order
     */
    public List<String> dropScript(DdlRenderer renderer) {
        return renderer.dropStatements(this, tables.values());
    }

    /**
     * Reads every table of the default schema from the database into this MetaData.
     *
     * @param executor an {@code Engine}
     * @return the tables read
     */
    public List<Table> reflectAll(SchemaExecutor executor) {
        return executor.reflectTables(this, schema, List.of());
    }

    /**
     * Reads some tables from the database into this MetaData.
     *
     * @param executor an {@code Engine}
     * @param tableNames the table names
     * @return the tables read
     */
    public List<Table> reflect(SchemaExecutor executor, String... tableNames) {
        return executor.reflectTables(this, schema, List.of(tableNames));
    }

    @Override
    public String toString() {
        return "MetaData" + Collections.unmodifiableSet(tables.keySet());
    }

    /** Builds a {@link MetaData}. */
    public static final class Builder {
        private String schema;
        private NamingConvention namingConvention = NamingConvention.none();

        private Builder() {
        }

        /**
         * Sets the default schema of the tables.
         *
         * @param schema the schema name
         * @return this builder
         */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /**
         * Sets the naming convention for unnamed constraints and indexes.
         *
         * @param convention the convention
         * @return this builder
         */
        public Builder namingConvention(NamingConvention convention) {
            this.namingConvention = Objects.requireNonNull(convention, "convention");
            return this;
        }

        /** @return the MetaData */
        public MetaData build() {
            return new MetaData(schema, namingConvention);
        }
    }
}
