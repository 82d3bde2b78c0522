package dev.retort.examples;

import dev.retort.engine.Engine;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the one-to-one part of the relationships guide on every database, checking what it observed. */
class OneToOneGuideTest {

    @EachDatabase
    void theGuideRuns(TestDatabase db) {
        Engine engine = db.engine();
        assertThat(OneToOneGuide.store(engine)).containsExactly("contract's musician: Ada", "musician's contract: Difference Discs");
        assertThat(OneToOneGuide.load(engine)).containsExactly("Ada: Analytical Records", "Bob: Difference Discs",
                "Analytical Records: Ada, same: true", "Difference Discs: Bob, same: true");
        assertThat(OneToOneGuide.replace(engine)).containsExactly("Bob: null", "Difference Discs: Ada");
    }
}
