package dev.retort.examples;

import dev.retort.engine.Engine;
import dev.retort.engine.ListenerRegistration;
import dev.retort.engine.StatementEvent;
import dev.retort.engine.StatementListener;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the deferred-columns section's code on every database, checking what it observed and the SQL the page shows. */
class DeferredColumnsGuideTest {

    static <T> T capture(Engine engine, List<String> sql, Supplier<T> work) {
        sql.clear();
        try (ListenerRegistration reg = engine.addListener(new StatementListener() {
            @Override
            public void beforeExecute(StatementEvent event) {
                sql.add(event.sql().replaceAll("[`\"]", ""));
            }
        })) {
            return work.get();
        }
    }

    @EachDatabase
    void theGuideRunsAndSendsTheSqlThePageShows(TestDatabase db) {
        Engine engine = db.engine();
        DeferredColumnsGuide.store(engine);
        List<String> sql = new ArrayList<>();
        assertThat(capture(engine, sql, () -> DeferredColumnsGuide.load(engine))).containsExactly(
                "Engines, body loaded: false", "On the analytical engine.", "image/png, same object: true");
        assertThat(sql).containsExactly(
                "SELECT article.id, article.title, article.author FROM article ORDER BY article.id ASC",
                "SELECT article.id, article.body FROM article WHERE article.id IN (?, ?, ?)",
                "SELECT article.id, article.title, article.author, article.cover, article.cover_type FROM article "
                        + "WHERE article.title = ?");
        assertThat(capture(engine, sql, () -> DeferredColumnsGuide.options(engine))).containsExactly("3 titles; Looms: Punched cards.");
        assertThat(sql).containsExactly(
                "SELECT article.id, article.title FROM article",
                "SELECT article.id, article.title, article.body FROM article WHERE article.id = ?");
        assertThat(capture(engine, sql, () -> DeferredColumnsGuide.update(engine))).containsExactly(
                "Engines, revised: On the analytical engine.");
        assertThat(sql).containsSubsequence(
                "SELECT article.id, article.title, article.author FROM article WHERE article.title = ?",
                "UPDATE article SET title = ? WHERE article.id = ?",
                "SELECT article.id, article.body FROM article WHERE article.id IN (?)");
    }
}
