package dev.retort.examples;

import dev.retort.UniqueViolationException;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Row;

import java.util.List;
import java.util.Map;

import static dev.retort.sql.Statements.text;

/**
 * Retort's quickstart: creates a table, inserts rows in a transaction, queries them back, and
 * shows a classified error. Runs on embedded SQLite in memory unless given another URL.
 *
 * <pre>
 * mvn -q -pl retort-examples -am package -DskipTests -Pquickstart
 * </pre>
 */
public final class Quickstart {
    private Quickstart() {
    }

    /** A row of the {@code users} table, filled by column name. */
    public record User(long id, String name, String email) {
    }

    /**
     * Runs the quickstart.
     *
     * @param args an optional database URL (default {@code sqlite://}, in memory)
     */
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "sqlite://";
        System.out.println("Retort quickstart on " + url);
        for (String line : run(url)) {
            System.out.println("  " + line);
        }
    }

    /**
     * Runs the quickstart and returns what it printed, so a test can check it.
     *
     * @param url the database URL
     * @return the lines of output
     */
    public static List<String> run(String url) {
        var out = new java.util.ArrayList<String>();
        // tag::taste[]
        try (Engine engine = Engine.create(url)) {
            engine.runInTransaction(conn -> {
                conn.execute(text("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, "
                        + "email VARCHAR(100) UNIQUE)"));
                var insert = text("INSERT INTO users (id, name, email) VALUES (:id, :name, :email)");
                conn.executeMany(insert, List.of(
                        Map.of("id", 1, "name", "Ada", "email", "ada@example.org"),
                        Map.of("id", 2, "name", "Grace", "email", "grace@example.org")));
            });

            try (Connection conn = engine.connect()) {
                for (Row row : conn.execute(text("SELECT id, name FROM users WHERE name LIKE :p ORDER BY id")
                        .bind("p", "%a%"))) {
                    out.add("user " + row.getLong("id") + ": " + row.getString("name"));
                }
                User grace = conn.execute(text("SELECT * FROM users WHERE id = :id").bind("id", 2))
                        .into(User.class).one();
                out.add("as a record: " + grace);
                try {
                    conn.execute(text("INSERT INTO users (id, name, email) VALUES (3, 'Eve', 'ada@example.org')"));
                } catch (UniqueViolationException e) {
                    out.add("refused: " + e.getClass().getSimpleName() + " on " + e.sql());
                    conn.rollback();
                }
                long count = conn.execute(text("SELECT COUNT(*) FROM users")).scalar(Long.class);
                out.add(count + " users on " + engine.dialect().displayName());
            }
        }
        // end::taste[]
        return out;
    }
}
