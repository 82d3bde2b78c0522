package dev.retort.examples;

import dev.retort.engine.Engine;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the Ref part of the relationships guide on every database, checking what it observed and sent. */
class RefGuideTest {

    @EachDatabase
    void theGuideRuns(TestDatabase db) {
        Engine engine = db.engine();
        RefGuide.store(engine);
        assertThat(RefGuide.lazy(engine)).containsExactly("loaded: false, key: true", "Ada, again: true",
                "same artist, no query: true");
        assertThat(RefGuide.options(engine)).containsExactly("Olympia: Ada", "Paradiso: Bob", "Roundhouse: Ada",
                "raise: Concert.headliner");
        List<String> sql = new ArrayList<>();
        try (var listener = engine.addListener(new dev.retort.engine.StatementListener() {
            @Override
            public void beforeExecute(dev.retort.engine.StatementEvent event) {
                sql.add(event.sql());
            }
        })) {
            assertThat(RefGuide.write(engine)).containsExactly("detached: true", "Olympia: Bob", "Paradiso: Bob",
                    "Roundhouse: Bob");
        }
        assertThat(sql).filteredOn(s -> s.startsWith("UPDATE"))
                .containsExactly("UPDATE concert SET headliner_id = ? WHERE concert.id = ?",     // autoflushed by the next query
                        "UPDATE concert SET headliner_id = ? WHERE concert.id = ?");    // at the commit
        assertThat(sql).filteredOn(s -> s.startsWith("SELECT artist")).hasSize(2);            // bob, then the check's select-in
    }
}
