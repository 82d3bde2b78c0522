package dev.retort.compliance;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;

import static dev.retort.sql.Statements.text;

/**
 * Test tables written in SQL that all three databases accept, until the schema layer can
 * create them.
 */
final class Tables {
    private Tables() {
    }

    /** {@code items(id, name UNIQUE NOT NULL, qty CHECK >= 0, price NUMERIC(10,2))}. */
    static void createItems(Engine engine) {
        try (Connection c = engine.connect()) {
            c.execute(text("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL UNIQUE, "
                    + "qty INTEGER CHECK (qty >= 0), price NUMERIC(10, 2))"));
            c.commit();
        }
    }

    /** {@code parents(id)} and {@code children(id, parent_id REFERENCES parents)}. */
    static void createParentsAndChildren(Engine engine) {
        try (Connection c = engine.connect()) {
            c.execute(text("CREATE TABLE parents (id INTEGER PRIMARY KEY)"));
            c.execute(text("CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL, "
                    + "FOREIGN KEY (parent_id) REFERENCES parents (id))"));
            c.commit();
        }
    }

    /** {@code counters(id, n)} with rows (1, 0) and (2, 0). */
    static void createCounters(Engine engine) {
        try (Connection c = engine.connect()) {
            c.execute(text("CREATE TABLE counters (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)"));
            c.execute(text("INSERT INTO counters (id, n) VALUES (1, 0), (2, 0)"));
            c.commit();
        }
    }

    static long count(Engine engine, String table) {
        try (Connection c = engine.connect()) {
            return c.execute(text("SELECT COUNT(*) FROM " + table)).scalar(Long.class);
        }
    }

    static void insertItem(Connection c, int id, String name, Integer qty) {
        c.execute(text("INSERT INTO items (id, name, qty) VALUES (:id, :name, :qty)")
                .bind("id", id).bind("name", name).bind("qty", qty));
    }
}
