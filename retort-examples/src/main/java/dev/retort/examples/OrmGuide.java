package dev.retort.examples;

import dev.retort.engine.Engine;
import dev.retort.orm.EntityRow;
import dev.retort.orm.ObjectState;
import dev.retort.orm.Registry;
import dev.retort.orm.Retort;
import dev.retort.orm.Session;
import dev.retort.orm.StaleObjectException;
import dev.retort.orm.Synchronize;
import dev.retort.sql.Expression;

import java.util.ArrayList;
import java.util.List;

import static dev.retort.orm.OrmStatements.delete;
import static dev.retort.orm.OrmStatements.select;
import static dev.retort.orm.OrmStatements.update;
import static dev.retort.sql.Functions.count;

/**
 * The code of {@code docs/orm.md}, from the first entity to transactions. Each method returns what
 * it observed, so {@code OrmGuideTest} can run it on every database.
 */
public final class OrmGuide {
    private OrmGuide() {
    }

    /**
     * Maps the entities and creates their tables.
     *
     * @param engine the engine
     * @return the registry
     */
    public static Registry createTables(Engine engine) {
        // tag::registry[]
        Registry registry = Registry.of(User.class, Post.class);   // mapping mistakes fail here
        registry.metadata().createAll(engine);                      // CREATE TABLE users, post
        // end::registry[]
        return registry;
    }

    /**
     * Adds objects, commits, gets one back.
     *
     * @param engine the engine
     * @return what happened
     */
    public static List<String> addAndGet(Engine engine) {
        List<String> out = new ArrayList<>();
        // tag::add[]
        try (Session session = Session.open(engine)) {
            User ada = new User("Ada", "ADA@example.org");
            session.add(ada);                             // pending: nothing sent yet
            out.add("before commit: " + session.state(ada) + ", id " + ada.id());
            session.commit();                             // INSERT ... RETURNING id, then COMMIT
            out.add("after commit: " + session.state(ada) + ", id " + ada.id() + ", email " + ada.email());

            User same = session.get(User.class, ada.id()); // from the identity map
            out.add("same object: " + (same == ada));
        }
        // end::add[]
        return out;
    }

    /**
     * Queries entities and rows.
     *
     * @param engine the engine
     * @return what the queries returned
     */
    public static List<String> query(Engine engine) {
        List<String> out = new ArrayList<>();
        // tag::query[]
        try (Session session = Session.open(engine)) {
            User grace = new User("Grace", "grace@example.org");
            session.add(grace);
            session.flush();                               // grace gets her id
            session.addAll(List.of(new Post(grace, "COBOL"), new Post(grace, "Compilers")));

            List<User> found = session.execute(select(User.class)
                    .where(User_.NAME.like("G%"))
                    .orderBy(User_.NAME)).all();            // autoflush sends the posts first
            out.add("found " + found);

            Expression<Long> posts = count(Post_.ID);
            for (EntityRow row : session.execute(select(User.class, posts)
                    .join(Post_.TABLE, Post_.USER_ID.eq(User_.ID))
                    .groupBy(User_.ID, User_.NAME, User_.EMAIL, User_.JOINED_AT)).all()) {
                out.add(row.get(User.class).name() + " wrote " + row.get(posts));
            }

            record Title(String title) { }
            List<Title> titles = session.execute(dev.retort.sql.Statements.select(Post_.TITLE)
                    .orderBy(Post_.TITLE)).into(Title.class).all();
            out.add("titles " + titles);
            session.commit();
        }
        // end::query[]
        return out;
    }

    /**
     * Changes and deletes objects.
     *
     * @param engine the engine
     * @return the SQL the flush sent
     */
    public static List<String> changeAndDelete(Engine engine) {
        List<String> out = new ArrayList<>();
        // tag::change[]
        try (Session session = Session.open(engine)) {
            User grace = session.execute(select(User.class).where(User_.NAME.eq("Grace"))).one();
            grace.setEmail("GRACE@navy.example");      // a plain field change
            out.add("modified: " + session.isModified(grace));
            session.commit();                          // UPDATE users SET email = ? WHERE users.id = ?

            Post first = session.execute(select(Post.class).orderBy(Post_.ID).limit(1)).one();
            session.delete(first);
            session.commit();                          // DELETE FROM post WHERE ... AND post.version = ?
            out.add("deleted post is " + session.state(first));
        }
        // end::change[]
        return out;
    }

    /**
     * Transactions: in one call, rollback, optimistic locking.
     *
     * @param engine the engine
     * @return what happened
     */
    public static List<String> transactions(Engine engine) {
        List<String> out = new ArrayList<>();
        // tag::transactions[]
        Post post = Session.inTransaction(engine, session -> {
            User ada = session.execute(select(User.class).where(User_.NAME.eq("Ada"))).one();
            Post p = new Post(ada, "Notes on the Analytical Engine");
            session.add(p);
            return p;                                  // committed when the function returns
        });
        out.add("version " + post.version());

        try (Session session = Session.open(engine)) {
            User temp = new User("Temp", null);
            session.add(temp);
            session.flush();
            session.rollback();                        // the INSERT is undone
            out.add("after rollback: " + session.state(temp) + ", id " + temp.id());
        }
        // end::transactions[]

        // tag::locking[]
        try (Session mine = Session.open(engine); Session theirs = Session.open(engine)) {
            Post a = mine.get(Post.class, post.id());
            mine.commit();                              // ends the read; a stays in the session
            Post b = theirs.get(Post.class, post.id());
            b.setTitle("Sketch of the Analytical Engine");
            theirs.commit();                            // version 1 -> 2

            a.setTitle("My title");
            try {
                mine.flush();                           // UPDATE ... WHERE version = 1 matches nothing
            } catch (StaleObjectException e) {
                out.add("stale: " + e.getMessage().substring(0, e.getMessage().indexOf(':')));
                mine.rollback();                        // required after a failed flush
            }
        }
        // end::locking[]
        return out;
    }

    /**
     * Bulk statements and the statement budget.
     *
     * @param engine the engine
     * @return what happened
     */
    public static List<String> bulk(Engine engine) {
        List<String> out = new ArrayList<>();
        // tag::bulk[]
        try (Session session = Session.open(engine)) {
            List<User> many = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                many.add(new User("reader " + i, null));
            }
            session.bulkInsert(User.class, many);      // multi-row INSERTs; objects not tracked

            long renamed = session.execute(update(User.class)
                    .set(User_.EMAIL, "reader@example.org")
                    .where(User_.NAME.eq("reader 7")), Synchronize.FETCH);
            long removed = session.execute(delete(User.class)
                    .where(User_.NAME.like("reader %")).where(User_.EMAIL.isNull()), Synchronize.FETCH);
            out.add("renamed " + renamed + ", removed " + removed);

            // A test can assert how many statements some code runs: an N+1 guard.
            List<User> users = Retort.expectStatements(engine, 1, () -> session.execute(select(User.class)).all());
            out.add(users.size() + " users in 1 statement");
            session.commit();
        }
        // end::bulk[]
        return out;
    }

    /**
     * The states of one object.
     *
     * @param engine the engine
     * @return the states it went through
     */
    public static List<ObjectState> states(Engine engine) {
        List<ObjectState> out = new ArrayList<>();
        User u = new User("States", "states@example.org");
        try (Session s = Session.open(engine)) {
            out.add(s.state(u));
            s.add(u);
            out.add(s.state(u));
            s.flush();
            out.add(s.state(u));
            s.delete(u);
            out.add(s.state(u));
            s.commit();
            out.add(s.state(u));
        }
        return out;
    }

    /**
     * A single-table hierarchy: polymorphic and subclass queries, one identity per row.
     *
     * @param engine the engine
     * @return what the queries returned
     */
    public static List<String> inheritance(Engine engine) {
        List<String> out = new ArrayList<>();
        // tag::inheritance[]
        Registry.of(Employee.class, Engineer.class, Manager.class).metadata().createAll(engine);
        try (Session session = Session.open(engine)) {
            session.addAll(List.of(new Employee("Ada"), new Engineer("Linus", "C"), new Manager("Grace", 1000)));
            session.commit();                     // INSERTs with type = 'employee', 'engineer', 'manager'

            List<Employee> all = session.execute(select(Employee.class).orderBy(Employee_.NAME)).all();
            out.add("all: " + all);               // each row as its own class
            List<Manager> managers = session.execute(select(Manager.class)
                    .where(Manager_.NAME.like("G%"))).all();   // ... WHERE staff.type = ? AND staff.name LIKE ?
            out.add("managers: " + managers);

            Employee grace = session.get(Employee.class, managers.get(0).id());
            out.add("same object: " + (grace == managers.get(0)));
            out.add("an engineer? " + session.get(Engineer.class, grace.id()));
        }
        // end::inheritance[]
        return out;
    }

    /**
     * An entity made through its constructor: Retort passes each parameter the row's value of the
     * field of the same name.
     *
     * @param engine the engine
     * @return what the session loaded
     */
    public static List<String> constructors(Engine engine) {
        List<String> out = new ArrayList<>();
        Registry.of(Tag.class).metadata().createAll(engine);
        // tag::constructor[]
        try (Session session = Session.open(engine)) {
            Tag sql = new Tag("sql");
            sql.use();
            session.addAll(List.of(sql, new Tag("java")));
            session.commit();
        }
        try (Session session = Session.open(engine)) {
            List<Tag> tags = session.execute(select(Tag.class).orderBy(Tag_.LABEL)).all();   // new Tag(id, label, uses) per row
            out.add("loaded: " + tags);
        }
        // end::constructor[]
        return out;
    }
}
