package dev.retort.examples;

import dev.retort.UniqueViolationException;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Row;
import dev.retort.orm.Registry;
import dev.retort.orm.Session;

import java.util.List;
import java.util.Map;

import static dev.retort.orm.OrmStatements.select;
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
    public record UserRow(long id, String name, String email) {
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
        for (String line : runOrm(url)) {
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
                UserRow grace = conn.execute(text("SELECT * FROM users WHERE id = :id").bind("id", 2))
                        .into(UserRow.class).one();
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

    /**
     * The ORM part of the quickstart: two entities, a transaction, a query through the metamodel.
     *
     * @param url the database URL
     * @return the lines of output
     */
    public static List<String> runOrm(String url) {
        var out = new java.util.ArrayList<String>();
        // tag::orm-taste[]
        try (Engine engine = Engine.create(url)) {
            Registry.of(User.class, Post.class).metadata().createAll(engine);
            Session.runInTransaction(engine, session -> {
                User ada = new User("Ada", "ada@example.org");
                session.add(ada);
                session.flush();                                 // ada.id() is set
                session.add(new Post(ada, "Notes on the Analytical Engine"));
            });
            try (Session session = Session.open(engine)) {
                User ada = session.execute(select(User.class).where(User_.NAME.eq("Ada"))).one();
                List<Post> posts = session.execute(select(Post.class).where(Post_.USER_ID.eq(ada.id()))).all();
                out.add(ada.name() + " wrote \"" + posts.get(0).title() + "\"");
            }
        }
        // end::orm-taste[]
        return out;
    }
}
