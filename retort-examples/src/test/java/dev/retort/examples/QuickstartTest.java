package dev.retort.examples;

import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class QuickstartTest {

    @EachDatabase
    void quickstartRunsOnEveryDatabase(TestDatabase db) {
        assertThat(Quickstart.run(db.url()))
                .hasSize(5)
                .startsWith("user 1: Ada", "user 2: Grace",
                        "as a record: UserRow[id=2, name=Grace, email=grace@example.org]")
                .anySatisfy(line -> assertThat(line).startsWith("refused: UniqueViolationException"))
                .last().asString().startsWith("2 users on ");
    }

    @EachDatabase
    void ormQuickstartRunsOnEveryDatabase(TestDatabase db) {
        assertThat(Quickstart.runOrm(db.url())).containsExactly("Ada wrote \"Notes on the Analytical Engine\"");
    }
}
