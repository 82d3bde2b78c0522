package dev.retort.examples;

import dev.retort.engine.Engine;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the association-object guide's code on every database, checking what it observed. */
class AssociationGuideTest {

    @EachDatabase
    void theGuideRuns(TestDatabase db) {
        Engine engine = db.engine();
        assertThat(AssociationGuide.store(engine)).containsExactly("Algebra/Ada: A");
        assertThat(AssociationGuide.query(engine)).containsExactly("in Logic: [Ada]", "Algebra: [Ada, Bob]", "Logic: [Ada]");
    }
}
