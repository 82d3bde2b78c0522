package dev.retort.examples;

import dev.retort.engine.Engine;
import dev.retort.orm.ObjectState;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the ORM guide's code on every database, checking what it observed. */
class OrmGuideTest {

    @EachDatabase
    void theGuideRunsFromTheFirstEntityToTransactions(TestDatabase db) {
        Engine engine = db.engine();
        OrmGuide.createTables(engine);
        assertThat(OrmGuide.addAndGet(engine)).containsExactly(
                "before commit: PENDING, id null",
                "after commit: PERSISTENT, id 1, email ada@example.org",
                "same object: true");
        assertThat(OrmGuide.query(engine)).containsExactly(
                "found [User[2, Grace]]",
                "Grace wrote 2",
                "titles [Title[title=COBOL], Title[title=Compilers]]");
        assertThat(OrmGuide.changeAndDelete(engine)).containsExactly("modified: true", "deleted post is DETACHED");
        assertThat(OrmGuide.transactions(engine)).containsExactly(
                "version 1",
                "after rollback: TRANSIENT, id null",
                "stale: UPDATE of Post with id 3 expected version 1 but the row has version 2");
        assertThat(OrmGuide.bulk(engine)).containsExactly("renamed 1, removed 99", "3 users in 1 statement");
        assertThat(OrmGuide.inheritance(engine)).containsExactly("all: [Employee[Ada], Manager[Grace], Engineer[Linus]]",
                "managers: [Manager[Grace]]", "same object: true", "an engineer? null");
        assertThat(OrmGuide.constructors(engine)).containsExactly("loaded: [Tag[java x0], Tag[sql x1]]");
        assertThat(OrmGuide.states(engine)).containsExactly(ObjectState.TRANSIENT, ObjectState.PENDING,
                ObjectState.PERSISTENT, ObjectState.DELETED, ObjectState.DETACHED);
    }
}
