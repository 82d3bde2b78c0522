package dev.retort.examples;

import dev.retort.engine.Engine;
import dev.retort.orm.Registry;
import dev.retort.orm.Session;

import java.util.ArrayList;
import java.util.List;

import static dev.retort.orm.LoadOption.defer;
import static dev.retort.orm.LoadOption.loadOnly;
import static dev.retort.orm.LoadOption.undefer;
import static dev.retort.orm.LoadOption.undeferGroup;
import static dev.retort.orm.OrmStatements.select;

/**
 * The code of the section on deferred columns in {@code docs/relationships.md}. Each method
 * returns what it observed, so {@code DeferredColumnsGuideTest} can run it on every database and
 * check the SQL the page shows.
 */
public final class DeferredColumnsGuide {
    private DeferredColumnsGuide() {
    }

    /**
     * Creates the table and stores three articles.
     *
     * @param engine the engine
     */
    public static void store(Engine engine) {
        Registry.of(Article.class).metadata().createAll(engine);
        try (Session session = Session.open(engine)) {
            session.add(new Article("Engines", "Ada", "On the analytical engine.", new byte[] {1, 2}, "image/png"));
            session.add(new Article("Looms", "Joseph", "Punched cards.", null, null));
            session.add(new Article("Tables", "Charles", "Differences.", null, null));
            session.commit();
        }
    }

    /**
     * Loads a page without the deferred columns, then the bodies of the whole page at once.
     *
     * @param engine the engine
     * @return what was loaded
     */
    public static List<String> load(Engine engine) {
        List<String> out = new ArrayList<>();
        // tag::load[]
        try (Session session = Session.open(engine)) {
            List<Article> page = session.execute(select(Article.class).orderBy(Article_.ID)).all();
            out.add(page.get(0).title() + ", body loaded: " + (page.get(0).body() != null));
            session.undefer(page, Article_.BODY);     // one SELECT for the whole page
            out.add(page.get(0).body());
            Article same = session.execute(select(Article.class).where(Article_.TITLE.eq("Engines"))
                    .options(undeferGroup("cover"))).one();   // in the session already: its cover is filled in
            out.add(same.coverType() + ", same object: " + (same == page.get(0)));
        }
        // end::load[]
        return out;
    }

    /**
     * Chooses the columns per query.
     *
     * @param engine the engine
     * @return what was loaded
     */
    public static List<String> options(Engine engine) {
        List<String> out = new ArrayList<>();
        // tag::options[]
        try (Session session = Session.open(engine)) {
            List<Article> titles = session.execute(select(Article.class).options(loadOnly(Article_.TITLE))).all();
            Article looms = session.execute(select(Article.class).where(Article_.ID.eq(2L))
                    .options(undefer(Article_.BODY), defer(Article_.AUTHOR))).one();
            out.add(titles.size() + " titles; " + looms.title() + ": " + looms.body());
        }
        // end::options[]
        return out;
    }

    /**
     * Changes an article whose body was not loaded.
     *
     * @param engine the engine
     * @return the body the database still has
     */
    public static List<String> update(Engine engine) {
        List<String> out = new ArrayList<>();
        // tag::update[]
        try (Session session = Session.open(engine)) {
            Article engines = session.execute(select(Article.class).where(Article_.TITLE.eq("Engines"))).one();
            engines.setTitle("Engines, revised");     // body and cover not loaded: the UPDATE leaves them alone
            session.commit();
            session.undefer(engines, Article_.BODY);
            out.add(engines.title() + ": " + engines.body());
        }
        // end::update[]
        return out;
    }
}
