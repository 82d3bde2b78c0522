package dev.retort.examples;

import dev.retort.engine.Engine;
import dev.retort.orm.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.retort.orm.OrmStatements.select;

/**
 * The code of the section "Streaming large results" of {@code docs/orm.md}: an entity query read
 * as a stream. Each method returns what it observed, so {@code OrmGuideStreamingTest} can run it
 * on every database.
 */
public final class OrmGuideStreaming {
    private OrmGuideStreaming() {
    }

    /**
     * Creates the guide's tables and puts {@code n} users in them, named {@code user 1} ...
     *
     * @param engine the engine
     * @param n how many users
     */
    public static void fill(Engine engine, int n) {
        OrmGuide.createTables(engine);
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            rows.add(Map.of("name", "user " + i, "email", "user" + i + "@example.org"));
        }
        Session.runInTransaction(engine, s -> s.bulkInsert(User.class, rows));
    }

    /**
     * Streams every user, checking which objects the session holds, and merges one change back.
     *
     * @param engine the engine, after {@link #fill}
     * @return what the stream showed
     */
    public static List<String> stream(Engine engine) {
        List<String> out = new ArrayList<>();
        // tag::stream[]
        try (Session session = Session.open(engine)) {
            User first = session.get(User.class, 1L);            // the session holds this one

            try (Stream<User> users = session.stream(select(User.class).where(User_.ID.le(2L)).orderBy(User_.ID))) {
                users.forEach(u -> out.add(u.name() + ": " + session.state(u) + (u == first ? ", the session's object" : "")));
            }                                                    // closing the stream closes the JDBC result

            User last;
            try (Stream<User> users = session.stream(select(User.class).orderBy(User_.ID))) {
                last = users.reduce((a, b) -> b).orElseThrow();  // reads every row, one at a time
            }
            out.add("last: " + last.name() + ", held by the session: " + session.contains(last));

            last.setEmail("LAST@example.org");                   // a detached object: not flushed ...
            User merged = session.merge(last);                   // ... unless merged onto the session's object
            session.commit();
            out.add("merged: " + merged.email());
        }
        // end::stream[]
        return out;
    }
}
