package dev.retort.examples;

import dev.retort.engine.Engine;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the streaming section of the ORM guide on every database, checking what it observed. */
class OrmGuideStreamingTest {

    @EachDatabase
    void theStreamReadsEveryUserAndKeepsOnlyTheSessionsOwn(TestDatabase db) {
        Engine engine = db.engine();
        OrmGuideStreaming.fill(engine, 2_500);
        assertThat(OrmGuideStreaming.stream(engine)).containsExactly(
                "user 1: PERSISTENT, the session's object",
                "user 2: DETACHED",
                "last: user 2500, held by the session: false",
                "merged: last@example.org");
    }
}
