package dev.retort.reflect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The reflection SPI: one database's catalog queries. Each dialect supplies one
 * ({@code Dialect.schemaReader()}); applications use {@link Inspector}, which wraps it.
 *
 * <p>Implementations are stateless and thread-safe; every method takes the JDBC connection to read
 * through, and runs only queries (never DDL), with names bound as parameters. A {@code schema} of
 * {@code null} stands for the connection's default schema (PostgreSQL's {@code current_schema()},
 * MariaDB's {@code DATABASE()}, SQLite's {@code main}).
 */
public interface SchemaReader {

    /**
     * The schema that unqualified names resolve to.
     *
     * @param connection the JDBC connection
     * @return the default schema's name
     * @throws SQLException if a catalog query fails
     */
    String defaultSchema(Connection connection) throws SQLException;

    /**
     * The schemas an application may use (system schemas are left out).
     *
     * @param connection the JDBC connection
     * @return the schema names, sorted
     * @throws SQLException if a catalog query fails
     */
    List<String> schemaNames(Connection connection) throws SQLException;

    /**
     * The base tables of a schema (views are left out).
     *
     * @param connection the JDBC connection
     * @param schema the schema, or {@code null} for the default
     * @return the table names, sorted
     * @throws SQLException if a catalog query fails
     */
    List<String> tableNames(Connection connection, String schema) throws SQLException;

    /**
     * The views of a schema.
     *
     * @param connection the JDBC connection
     * @param schema the schema, or {@code null} for the default
     * @return the view names, sorted
     * @throws SQLException if a catalog query fails
     */
    List<String> viewNames(Connection connection, String schema) throws SQLException;

    /**
     * The SELECT that defines a view.
     *
     * @param connection the JDBC connection
     * @param schema the schema, or {@code null} for the default
     * @param view the view name
     * @return the definition, or empty if there is no such view
     * @throws SQLException if a catalog query fails
     */
    Optional<String> viewDefinition(Connection connection, String schema, String view) throws SQLException;

    /**
     * Reads one table: columns, keys, constraints, indexes and comment.
     *
     * @param connection the JDBC connection
     * @param schema the schema, or {@code null} for the default
     * @param table the table name
     * @return the table, or empty if there is no such table
     * @throws SQLException if a catalog query fails
     */
    Optional<ReflectedTable> table(Connection connection, String schema, String table) throws SQLException;
}
