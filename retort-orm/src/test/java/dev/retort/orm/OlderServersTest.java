package dev.retort.orm;

import dev.retort.dialect.Capability;
import dev.retort.engine.Engine;
import dev.retort.orm.model.Author;
import dev.retort.orm.model.Author_;
import dev.retort.orm.model.Note;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.OlderServers;
import dev.retort.testkit.TestDatabase;

import java.util.ArrayList;
import java.util.List;

import static dev.retort.orm.OrmStatements.delete;
import static dev.retort.orm.OrmStatements.select;
import static dev.retort.orm.OrmStatements.update;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flush and bulk statements on servers without INSERT/UPDATE/DELETE ... RETURNING (MariaDB
 * before 10.5, SQLite before 3.35): the engine speaks a dialect pinned to such a version on the
 * newer server here, so the keys come from JDBC generated keys and the changed rows from a SELECT.
 */
class OlderServersTest {

    @EachDatabase(only = {DatabaseKind.SQLITE_FILE, DatabaseKind.MARIADB})
    void keysDefaultsAndBulkStatementsWithoutReturning(TestDatabase db) {
        Engine engine = db.engine(OlderServers.withoutReturning(db.kind()));
        assertThat(engine.dialect().supports(Capability.INSERT_RETURNING)).isFalse();
        Registry.of(Author.class, Note.class).metadata().createAll(engine);
        List<String> sql = new ArrayList<>();
        try (Session s = Session.open(engine)) {
            List<Author> authors = List.of(new Author("a"), new Author("b"), new Author("c"));
            s.addAll(authors);
            Note note = new Note("n");
            s.add(note);
            sql.addAll(StatementCapture.during(engine, s::flush));
            assertThat(authors).extracting(a -> a.id).doesNotContainNull().doesNotHaveDuplicates();
            assertThat(note.id).isNotNull();
            assertThat(note.status).as("read back by a SELECT").isEqualTo("new");
            s.commit();
            assertThat(sql).noneMatch(q -> q.contains("RETURNING"));
            assertThat(sql.stream().filter(q -> q.startsWith("INSERT INTO authors"))).hasSize(3);
            assertThat(sql).anyMatch(q -> q.startsWith("SELECT note.status FROM note WHERE note.id = ?"));

            List<Author> loaded = s.execute(select(Author.class).orderBy(Author_.NAME)).all();
            assertThat(loaded).containsExactlyElementsOf(authors);
            try (Session other = Session.open(engine)) {
                for (Author a : authors) {
                    assertThat(other.get(Author.class, a.id).name).as("the row with key %s", a.id).isEqualTo(a.name);
                }
            }
            long changed = s.execute(update(Author.class).set(Author_.EMAIL, "x@example.org").where(Author_.NAME.ne("c")),
                    Synchronize.FETCH);
            assertThat(changed).isEqualTo(2);
            assertThat(authors.get(0).email).isEqualTo("x@example.org");
            assertThat(authors.get(2).email).isNull();
            long deleted = s.execute(delete(Author.class).where(Author_.NAME.eq("a")), Synchronize.FETCH);
            assertThat(deleted).isEqualTo(1);
            assertThat(s.state(authors.get(0))).isEqualTo(ObjectState.DELETED);
            s.commit();
            assertThat(SessionTest.countRows(s, "authors")).isEqualTo(2);
        }
    }
}
