package dev.retort.examples;

import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the samples of docs/sql.md on every database. */
class SqlGuideTest {

    @EachDatabase
    void samplesReturnTheDocumentedRows(TestDatabase db) {
        assertThat(SqlGuide.run(db.engine())).containsExactly(
                "ada@example.org spent 100.50",
                "ada@example.org spent 25.00",
                "2 customers with orders",
                "without orders: [linus@example.org]",
                "with orders: [ada@example.org, grace@example.org]",
                "grace@example.org <- ada@example.org",
                "linus@example.org <- ada@example.org",
                "ranks: [10#2, 11#1, 12#1]",
                "lineage: [linus@example.org, ada@example.org]",
                "Ada lives in Cambridge",
                "orders left: 2");
    }
}
