package dev.retort.migrate;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.reflect.Inspector;
import dev.retort.reflect.ReflectedTable;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.retort.sql.Statements.text;

/** What a test compares before and after migrations: every table as reflected, and rows. */
final class Snapshots {
    private Snapshots() {
    }

    /** Every table of the connection's schema but the version table, as the database describes it. */
    static Map<String, ReflectedTable> schema(Engine engine) {
        Map<String, ReflectedTable> out = new TreeMap<>();
        try (Connection conn = engine.connect()) {
            Inspector inspector = conn.inspector();
            for (String name : inspector.tableNames(null)) {
                if (!name.equals("retort_version")) {
                    out.put(name, inspector.table(null, name));
                }
            }
        }
        return out;
    }

    /** The rows of a query, each as column name to value. */
    static List<Map<String, Object>> rows(Engine engine, String sql) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text(sql)).mappings().all();
        }
    }

    /** The version table's rows. */
    static List<String> versionRows(Engine engine) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text("SELECT revision FROM retort_version ORDER BY revision")).scalars(String.class).all();
        }
    }
}
