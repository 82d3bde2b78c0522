package dev.retort.examples;

import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the samples of docs/types.md on every database. */
class TypesGuideTest {

    @EachDatabase
    void everyColumnComesBackAsWritten(TestDatabase db) {
        assertThat(TypesGuide.roundTrip(db.engine())).containsExactly(
                "true", "2024-02-29", "PT1.5S", "CLOSED", "19.99", "web[a, b]", "ok 😀", "true");
    }
}
