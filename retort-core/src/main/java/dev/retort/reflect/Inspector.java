package dev.retort.reflect;

import dev.retort.DefinitionException;
import dev.retort.schema.MetaData;
import dev.retort.schema.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads what a live database holds: schemas, tables, views, and each table's columns (with
 * their types mapped back to Retort types), keys, constraints, indexes and comments. Get one from
 * an open connection and use it while the connection is open:
 *
 * <pre>{@code
 * try (Connection conn = engine.connect()) {
 *     Inspector inspector = conn.inspector();
 *     for (String name : inspector.tableNames(null)) {
 *         System.out.println(name + " " + inspector.columns(null, name));
 *     }
 * }
 * }</pre>
 *
 * <p>Every call runs fresh catalog queries; nothing is cached. A {@code schema} of {@code null}
 * means the connection's default schema. Asking for a table or view that does not exist throws
 * {@link NoSuchTableException}; a failing catalog query throws the engine's
 * {@code DatabaseException}. Not thread-safe (it uses one connection).
 */
public final class Inspector {
    private static final int MAX_NAMES_IN_MESSAGE = 30;

    private final SchemaReader reader;
    private final Connection jdbc;
    private final String databaseName;
    private final ErrorTranslator errors;

    /**
     * Turns a driver's exception from a catalog query into Retort's exception for it.
     */
    @FunctionalInterface
    public interface ErrorTranslator {
        /**
         * Translates an exception.
         *
         * @param e the driver's exception
         * @param what what was being read, e.g. {@code columns of table users}
         * @return the exception to throw
         */
        RuntimeException translate(SQLException e, String what);
    }

    /**
     * Creates an inspector. Applications get one from {@code connection.inspector()}; this
     * constructor is for that method and for dialect tests.
     *
     * @param reader the dialect's catalog queries
     * @param jdbc the JDBC connection to read through; the inspector never closes or commits it
     * @param databaseName the database's name for messages, e.g. {@code PostgreSQL 15.20}
     * @param errors translates failing catalog queries
     */
    public Inspector(SchemaReader reader, Connection jdbc, String databaseName, ErrorTranslator errors) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.databaseName = Objects.requireNonNull(databaseName, "databaseName");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    @FunctionalInterface
    private interface Query<T> {
        T run() throws SQLException;
    }

    private <T> T read(String what, Query<T> query) {
        try {
            return query.run();
        } catch (SQLException e) {
            throw errors.translate(e, what);
        }
    }

    /** @return the schema unqualified names resolve to (PostgreSQL's current schema, MariaDB's current database, SQLite's {@code main}) */
    public String defaultSchema() {
        return read("the default schema", () -> reader.defaultSchema(jdbc));
    }

    /** @return the schemas an application may use, sorted; system schemas are left out */
    public List<String> schemaNames() {
        return read("schema names", () -> reader.schemaNames(jdbc));
    }

    /**
     * The base tables of a schema.
     *
     * @param schema the schema, or {@code null} for the default
     * @return the table names, sorted
     */
    public List<String> tableNames(String schema) {
        return read("table names of " + describe(schema), () -> reader.tableNames(jdbc, schema));
    }

    /**
     * The views of a schema.
     *
     * @param schema the schema, or {@code null} for the default
     * @return the view names, sorted
     */
    public List<String> viewNames(String schema) {
        return read("view names of " + describe(schema), () -> reader.viewNames(jdbc, schema));
    }

    /**
     * The SELECT that defines a view, as the database prints it (PostgreSQL and MariaDB re-print
     * it from the parsed query; SQLite returns the text as written).
     *
     * @param schema the schema, or {@code null} for the default
     * @param view the view name
     * @return the definition
     * @throws NoSuchTableException if there is no such view
     */
    public String viewDefinition(String schema, String view) {
        Objects.requireNonNull(view, "view");
        return read("the definition of view " + view, () -> reader.viewDefinition(jdbc, schema, view))
                .orElseThrow(() -> notFound("View", schema, view, viewNames(schema)));
    }

    /**
     * A view and its definition.
     *
     * @param schema the schema, or {@code null} for the default
     * @param view the view name
     * @return the view
     * @throws NoSuchTableException if there is no such view
     */
    public ReflectedView view(String schema, String view) {
        return new ReflectedView(schema, view, viewDefinition(schema, view));
    }

    /**
     * Whether a base table exists.
     *
     * @param schema the schema, or {@code null} for the default
     * @param table the table name
     * @return {@code true} if it does
     */
    public boolean hasTable(String schema, String table) {
        Objects.requireNonNull(table, "table");
        return read("table " + table, () -> reader.table(jdbc, schema, table)).isPresent();
    }

    /**
     * Everything about one table.
     *
     * @param schema the schema, or {@code null} for the default
     * @param table the table name
     * @return the table
     * @throws NoSuchTableException naming the table, the schema and the tables there, if it does not exist
     */
    public ReflectedTable table(String schema, String table) {
        Objects.requireNonNull(table, "table");
        Optional<ReflectedTable> found = read("table " + table + " in " + describe(schema),
                () -> reader.table(jdbc, schema, table));
        if (found.isEmpty() && viewNames(schema).contains(table)) {
            throw new NoSuchTableException(table + " in " + describe(schema) + " of " + databaseName
                    + " is a view, not a table; read its definition with viewDefinition(schema, name).", schema, table);
        }
        return found.orElseThrow(() -> notFound("Table", schema, table, tableNames(schema)));
    }

    /**
     * A table's columns, in table order.
     *
     * @param schema the schema, or {@code null} for the default
     * @param table the table name
     * @return the columns
     * @throws NoSuchTableException if the table does not exist
     */
    public List<ReflectedColumn> columns(String schema, String table) {
        return table(schema, table).columns();
    }

    /**
     * A table's primary key.
     *
     * @param schema the schema, or {@code null} for the default
     * @param table the table name
     * @return the key, or empty if the table has none
     * @throws NoSuchTableException if the table does not exist
     */
    public Optional<ReflectedPrimaryKey> primaryKey(String schema, String table) {
        return table(schema, table).optionalPrimaryKey();
    }

    /**
     * A table's foreign keys.
     *
     * @param schema the schema, or {@code null} for the default
     * @param table the table name
     * @return the foreign keys
     * @throws NoSuchTableException if the table does not exist
     */
    public List<ReflectedForeignKey> foreignKeys(String schema, String table) {
        return table(schema, table).foreignKeys();
    }

    /**
     * A table's indexes, without those a primary key or unique constraint owns and those the
     * database made by itself for a foreign key (MariaDB).
     *
     * @param schema the schema, or {@code null} for the default
     * @param table the table name
     * @return the indexes
     * @throws NoSuchTableException if the table does not exist
     */
    public List<ReflectedIndex> indexes(String schema, String table) {
        return table(schema, table).indexes();
    }

    /**
     * A table's UNIQUE constraints. MariaDB does not tell a unique constraint from a unique
     * index: there every unique key is reported here.
     *
     * @param schema the schema, or {@code null} for the default
     * @param table the table name
     * @return the constraints
     * @throws NoSuchTableException if the table does not exist
     */
    public List<ReflectedUniqueConstraint> uniqueConstraints(String schema, String table) {
        return table(schema, table).uniqueConstraints();
    }

    /**
     * A table's CHECK constraints, without those a Retort type implies (SQLite's enum check,
     * MariaDB's {@code json_valid} check of a JSON column).
     *
     * @param schema the schema, or {@code null} for the default
     * @param table the table name
     * @return the constraints
     * @throws NoSuchTableException if the table does not exist
     */
    public List<ReflectedCheckConstraint> checkConstraints(String schema, String table) {
        return table(schema, table).checkConstraints();
    }

    /**
     * A table's comment (PostgreSQL, MariaDB; SQLite stores none).
     *
     * @param schema the schema, or {@code null} for the default
     * @param table the table name
     * @return the comment, if any
     * @throws NoSuchTableException if the table does not exist
     */
    public Optional<String> tableComment(String schema, String table) {
        return table(schema, table).optionalComment();
    }

    /**
     * Reads tables into a MetaData as {@link Table} objects, ready for queries and DDL. Tables
     * their foreign keys refer to are read as well, unless the MetaData already has them, so that
     * every foreign key resolves; the result lists only the tables asked for.
     *
     * <p>A table asked for that the MetaData already holds is returned as it is if it was itself
     * reflected; if code defined it, this throws rather than replace the definition.
     *
     * @param metadata the MetaData to add the tables to
     * @param schema the schema, or {@code null} for the MetaData's default
     * @param tableNames the tables to read; empty for every base table of the schema
     * @return the tables asked for, in the order asked (sorted by name when reading all)
     * @throws NoSuchTableException if a table asked for does not exist
     * @throws DefinitionException if the MetaData already has a table of that name defined in code
     */
    public List<Table> reflect(MetaData metadata, String schema, Collection<String> tableNames) {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(tableNames, "tableNames");
        List<Table> before = metadata.tables();
        try {
            return reflectInto(metadata, schema, tableNames);
        } catch (RuntimeException e) {
            for (Table t : metadata.tables()) {
                if (!before.contains(t)) {
                    metadata.remove(t);
                }
            }
            throw e;
        }
    }

    private List<Table> reflectInto(MetaData metadata, String schema, Collection<String> tableNames) {
        List<String> names = tableNames.isEmpty() ? tableNames(schema) : List.copyOf(tableNames);
        List<Table> result = new ArrayList<>();
        Deque<ReflectedTable> made = new ArrayDeque<>();
        for (String name : names) {
            Objects.requireNonNull(name, "table name");
            Optional<Table> existing = metadata.table(schema, name);
            if (existing.isPresent()) {
                result.add(reuse(existing.get()));
                continue;
            }
            ReflectedTable rt = table(schema, name);
            existing = metadata.table(schema, rt.name());
            if (existing.isPresent()) {
                result.add(reuse(existing.get()));
                continue;
            }
            result.add(TableFactory.create(metadata, rt));
            made.add(rt);
        }
        while (!made.isEmpty()) {
            ReflectedTable rt = made.poll();
            for (ReflectedForeignKey fk : rt.foreignKeys()) {
                String targetSchema = fk.referredSchema() != null ? fk.referredSchema() : rt.schema();
                if (metadata.table(targetSchema, fk.referredTable()).isPresent()) {
                    continue;
                }
                Optional<ReflectedTable> target = read("table " + fk.referredTable(),
                        () -> reader.table(jdbc, targetSchema, fk.referredTable()));
                if (target.isPresent() && metadata.table(targetSchema, target.get().name()).isEmpty()) {
                    TableFactory.create(metadata, target.get());
                    made.add(target.get());
                }
            }
        }
        return result;
    }

    private static Table reuse(Table existing) {
        if (!TableFactory.isReflected(existing)) {
            throw new DefinitionException("This MetaData already defines table " + existing.fullName()
                    + " in code; reflecting it would replace that definition. Reflect into another MetaData, "
                    + "or remove the table first with metadata.remove(table).");
        }
        return existing;
    }

    private NoSuchTableException notFound(String kind, String schema, String name, List<String> present) {
        String listed = present.size() > MAX_NAMES_IN_MESSAGE
                ? present.subList(0, MAX_NAMES_IN_MESSAGE) + " and " + (present.size() - MAX_NAMES_IN_MESSAGE) + " more"
                : present.toString();
        return new NoSuchTableException(kind + " " + name + " does not exist in " + describe(schema) + " of "
                + databaseName + "; the " + kind.toLowerCase(java.util.Locale.ROOT) + "s there are " + listed
                + ". Check the name (and its case) and the schema.", schema, name);
    }

    private static String describe(String schema) {
        return schema == null ? "the default schema" : "schema " + schema;
    }

    @Override
    public String toString() {
        return "Inspector[" + databaseName + "]";
    }
}
