package dev.retort.engine;

import dev.retort.dialect.DdlCompiler;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.ExistingObjects;
import dev.retort.schema.MetaData;
import dev.retort.schema.Table;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Creates and drops tables for an {@link Engine}: plans the DDL with the dialect's
 * {@link DdlCompiler} and runs it on one connection, in one transaction where the database has
 * transactional DDL (PostgreSQL, SQLite), so a failure leaves nothing half-created there. MariaDB
 * commits each DDL statement by itself; a failure there leaves the statements before it applied.
 */
final class SchemaOperations {
    private final Engine engine;

    SchemaOperations(Engine engine) {
        this.engine = engine;
    }

    void create(MetaData metadata, Collection<Table> tables, boolean checkFirst) {
        try (Connection conn = engine.connect()) {
            Dialect dialect = conn.dialect();
            ExistingObjects existing = checkFirst ? existing(conn, tables) : ExistingObjects.NONE;
            run(conn, dialect.newDdlCompiler().createStatements(metadata, tables, existing));
        }
    }

    void drop(MetaData metadata, Collection<Table> tables, boolean checkFirst) {
        try (Connection conn = engine.connect()) {
            Dialect dialect = conn.dialect();
            List<Table> present = new ArrayList<>(tables);
            if (checkFirst) {
                ExistingObjects existing = existing(conn, tables);
                present.removeIf(t -> !existing.tables().contains(ExistingObjects.key(t.schema(), t.name())));
            }
            if (!present.isEmpty()) {
                run(conn, dialect.newDdlCompiler().dropStatements(metadata, present));
            }
        }
    }

    private static ExistingObjects existing(Connection conn, Collection<Table> tables) {
        Set<String> schemas = new LinkedHashSet<>();
        for (Table t : tables) {
            schemas.add(t.schema());
        }
        conn.beforeStatement();
        try {
            return conn.dialect().existingObjects(conn.jdbc(), schemas);
        } catch (SQLException e) {
            throw conn.translate(e, "(catalog query for existing tables)", List.of(), 0);
        }
    }

    private static void run(Connection conn, List<String> statements) {
        for (String sql : statements) {
            conn.executeDdl(sql);
        }
        conn.commit();
    }
}
