package dev.retort.orm.deferred;

import dev.retort.InvalidStateException;
import dev.retort.engine.Engine;
import dev.retort.orm.ObjectState;
import dev.retort.orm.Registry;
import dev.retort.orm.Session;
import dev.retort.orm.SessionOptions;
import dev.retort.orm.StatementCaptureAccess;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.ArrayList;
import java.util.List;

import static dev.retort.orm.LoadOption.defer;
import static dev.retort.orm.LoadOption.joinedLoad;
import static dev.retort.orm.LoadOption.loadOnly;
import static dev.retort.orm.LoadOption.undefer;
import static dev.retort.orm.LoadOption.undeferGroup;
import static dev.retort.orm.OrmStatements.select;
import static dev.retort.orm.OrmStatements.update;
import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deferred columns on every database: what each query reads (exact SELECT lists), loading them
 * afterwards one object or a page at a time, flushes that never write what was not loaded,
 * merge and re-attachment of detached objects, the identity map, and both inheritance strategies.
 */
class DeferredColumnsTest {
    static final Registry REGISTRY = Registry.of(Team.class, Profile.class, Post.class, Venue.class, Shape.class, Poster.class, Doc.class, Report.class);

    static final String COLUMNS = "profile.id, profile.name, profile.email, profile.team_id, profile.version";
    /** The select-in load of the profiles' team, after each query that makes profiles. */
    static final String TEAM = "SELECT team.id, team.name FROM team WHERE team.id IN (?)";

    static Engine setUp(TestDatabase db) {
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        return engine;
    }

    /** Ada with every deferred column set, and Bob; returns Ada's id. */
    static long fill(Engine engine) {
        try (Session s = Session.open(engine)) {
            Profile ada = new Profile("ada", "ada@example.org", "Wrote the first program", 7);
            ada.photo = new byte[] {1, 2, 3};
            ada.photoType = "image/png";
            ada.team = new Team("engines");
            s.add(ada);
            s.add(new Profile("bob", "bob@example.org", "Builds bridges", 3));
            s.commit();
            return ada.id;
        }
    }

    /** The database's values of a profile, read with Core. */
    static String row(Session s, long id) {
        try (var r = s.execute(text("SELECT name, email, bio, photo_type, visits, version FROM profile WHERE id = :id").bind("id", id))) {
            var x = r.one();
            return x.get(0) + " " + x.get(1) + " " + x.get(2) + " " + x.get(3) + " " + x.get(4) + " v" + x.get(5);
        }
    }

    static List<String> sqlOf(Engine engine, Runnable work) {
        List<String> sql = new ArrayList<>();
        for (String q : StatementCaptureAccess.during(engine, work)) {
            sql.add(q.replaceAll("[`\"]", "").replaceAll("\\?(, \\?)+", "?, ..."));
        }
        return sql;
    }

    @EachDatabase
    void theDefaultSelectLeavesDeferredColumnsOutAndTheFieldsKeepTheirJavaDefaults(TestDatabase db) {
        Engine engine = setUp(db);
        long id = fill(engine);
        try (Session s = Session.open(engine)) {
            List<Profile> found = new ArrayList<>();
            List<String> sql = sqlOf(engine, () -> found.addAll(s.execute(select(Profile.class).orderBy(Profile_.ID)).all()));
            assertThat(sql).containsExactly("SELECT " + COLUMNS + " FROM profile ORDER BY profile.id ASC", TEAM);
            Profile ada = found.get(0);
            assertThat(ada.id).isEqualTo(id);
            assertThat(ada.name).isEqualTo("ada");
            assertThat(ada.team).as("a reference's key always loads").isNotNull();
            assertThat(ada.team.name).isEqualTo("engines");
            assertThat(ada.bio).isNull();
            assertThat(ada.photo).isNull();
            assertThat(ada.photoType).isNull();
            assertThat(ada.visits).isZero();
            assertThat(s.isModified(ada)).isFalse();
            assertThat(sqlOf(engine, () -> s.get(Profile.class, id))).as("from the identity map").isEmpty();
        }
    }

    @EachDatabase
    void aStreamReadsTheQuerysColumnsAndItsDetachedObjectsNeverWriteUnloadedOnes(TestDatabase db) {
        Engine engine = setUp(db);
        long id = fill(engine);
        Profile streamed;
        try (Session s = Session.open(engine)) {
            List<Profile> found = new ArrayList<>();
            List<String> sql = sqlOf(engine, () -> {
                try (java.util.stream.Stream<Profile> profiles = s.stream(select(Profile.class).where(Profile_.ID.eq(id))
                        .options(dev.retort.orm.LoadOption.undefer(Profile_.BIO)))) {
                    profiles.forEach(found::add);
                }
            });
            assertThat(sql).singleElement().satisfies(q -> assertThat(q).contains("profile.bio").doesNotContain("photo"));
            streamed = found.get(0);
            assertThat(streamed.bio).isEqualTo("Wrote the first program");
            assertThat(streamed.visits).as("deferred and not undeferred").isZero();
            assertThat(s.state(streamed)).isEqualTo(ObjectState.DETACHED);
        }
        streamed.name = "ada2";
        try (Session s = Session.open(engine)) {
            Profile merged = s.merge(streamed);
            s.commit();
            assertThat(row(s, id)).as("the unloaded deferred columns keep the row's values")
                    .isEqualTo("ada2 ada@example.org Wrote the first program image/png 7 v2");
            assertThat(merged.name).isEqualTo("ada2");
        }
    }

    @EachDatabase
    void queryOptionsChooseTheColumnsAndTheValuesRoundTrip(TestDatabase db) {
        Engine engine = setUp(db);
        long id = fill(engine);
        try (Session s = Session.open(engine)) {
            Profile[] p = new Profile[1];
            assertThat(sqlOf(engine, () -> p[0] = s.execute(select(Profile.class).where(Profile_.ID.eq(id))
                    .options(undefer(Profile_.BIO, Profile_.VISITS))).one())).containsExactly(
                    "SELECT profile.id, profile.name, profile.email, profile.bio, profile.visits, profile.team_id, profile.version "
                            + "FROM profile WHERE profile.id = ?", TEAM);
            assertThat(p[0].bio).isEqualTo("Wrote the first program");
            assertThat(p[0].visits).isEqualTo(7);
            assertThat(p[0].photo).as("still deferred").isNull();
        }
        try (Session s = Session.open(engine)) {
            Profile[] p = new Profile[1];
            assertThat(sqlOf(engine, () -> p[0] = s.execute(select(Profile.class).where(Profile_.ID.eq(id))
                    .options(undeferGroup("photo"))).one())).containsExactly(
                    "SELECT profile.id, profile.name, profile.email, profile.photo, profile.photo_type, profile.team_id, profile.version "
                            + "FROM profile WHERE profile.id = ?", TEAM);
            assertThat(p[0].photo).containsExactly(1, 2, 3);
            assertThat(p[0].photoType).isEqualTo("image/png");
            assertThat(p[0].bio).isNull();
        }
        try (Session s = Session.open(engine)) {
            Profile[] p = new Profile[1];
            assertThat(sqlOf(engine, () -> p[0] = s.execute(select(Profile.class).where(Profile_.ID.eq(id))
                    .options(loadOnly(Profile_.NAME, Profile_.BIO))).one())).as("id, version and the reference's key always load")
                    .containsExactly("SELECT profile.id, profile.name, profile.bio, profile.team_id, profile.version "
                            + "FROM profile WHERE profile.id = ?", TEAM);
            assertThat(p[0].email).isNull();
            assertThat(p[0].bio).isEqualTo("Wrote the first program");
            assertThat(p[0].version).isEqualTo(1);
        }
        try (Session s = Session.open(engine)) {
            Profile[] p = new Profile[1];
            assertThat(sqlOf(engine, () -> p[0] = s.execute(select(Profile.class).where(Profile_.ID.eq(id))
                    .options(defer(Profile_.EMAIL), undefer(Profile_.VISITS))).one())).containsExactly(
                    "SELECT profile.id, profile.name, profile.visits, profile.team_id, profile.version FROM profile WHERE profile.id = ?", TEAM);
            assertThat(p[0].email).isNull();
            assertThat(p[0].visits).isEqualTo(7);
            p[0].name = "ada lovelace";
            assertThat(sqlOf(engine, s::flush)).as("the deferred-for-this-query email is not written")
                    .containsExactly("UPDATE profile SET name = ?, version = ? WHERE profile.id = ? AND profile.version = ?");
            assertThat(row(s, id)).isEqualTo("ada lovelace ada@example.org Wrote the first program image/png 7 v2");
            s.commit();
        }
    }

    @EachDatabase
    void undeferLoadsTheMissingColumnsOfOneObjectOrOfAPageInOneStatement(TestDatabase db) {
        Engine engine = setUp(db);
        long id = fill(engine);
        try (Session s = Session.open(engine)) {
            for (int i = 0; i < 120; i++) {
                s.add(new Profile("user" + i, null, "bio " + i, i));
            }
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            Profile ada = s.get(Profile.class, id);
            assertThat(sqlOf(engine, () -> s.undefer(ada, Profile_.BIO)))
                    .containsExactly("SELECT profile.id, profile.bio FROM profile WHERE profile.id IN (?)");
            assertThat(ada.bio).isEqualTo("Wrote the first program");
            assertThat(sqlOf(engine, () -> s.undefer(ada, Profile_.BIO))).as("nothing missing: no statement").isEmpty();
            assertThat(sqlOf(engine, () -> s.undefer(ada, Profile_.PHOTO_TYPE))).as("a column brings its group")
                    .containsExactly("SELECT profile.id, profile.photo, profile.photo_type FROM profile WHERE profile.id IN (?)");
            assertThat(ada.photo).containsExactly(1, 2, 3);
            assertThat(ada.photoType).isEqualTo("image/png");
            assertThat(sqlOf(engine, () -> s.undefer(ada))).as("no column named: everything it lacks")
                    .containsExactly("SELECT profile.id, profile.visits FROM profile WHERE profile.id IN (?)");
            assertThat(ada.visits).isEqualTo(7);
            assertThat(s.isModified(ada)).isFalse();

            List<Profile> page = s.execute(select(Profile.class).where(Profile_.NAME.like("user%")).orderBy(Profile_.ID)).all();
            assertThat(page).hasSize(120);
            assertThat(sqlOf(engine, () -> s.undefer(page, Profile_.BIO, Profile_.VISITS)))
                    .containsExactly("SELECT profile.id, profile.bio, profile.visits FROM profile WHERE profile.id IN (?, ...)");
            for (int i = 0; i < 120; i++) {
                assertThat(page.get(i).bio).isEqualTo("bio " + i);
                assertThat(page.get(i).visits).isEqualTo(i);
            }
            assertThat(sqlOf(engine, s::flush)).isEmpty();
        }
    }

    @EachDatabase
    void aFlushNeverWritesAnUnloadedColumnButWritesOneTheApplicationSet(TestDatabase db) {
        Engine engine = setUp(db);
        long id = fill(engine);
        try (Session s = Session.open(engine)) {
            Profile ada = s.get(Profile.class, id);
            ada.name = "ada lovelace";
            assertThat(sqlOf(engine, s::flush))
                    .containsExactly("UPDATE profile SET name = ?, version = ? WHERE profile.id = ? AND profile.version = ?");
            ada.bio = "Analytical engine notes";
            ada.visits = 8;
            assertThat(s.isModified(ada)).isTrue();
            assertThat(sqlOf(engine, s::flush)).as("a value set on an unloaded field is written")
                    .containsExactly("UPDATE profile SET bio = ?, visits = ?, version = ? WHERE profile.id = ? AND profile.version = ?");
            s.commit();
            assertThat(row(s, id)).isEqualTo("ada lovelace ada@example.org Analytical engine notes image/png 8 v3");
        }
        try (Session s = Session.open(engine)) {
            Profile ada = s.get(Profile.class, id);
            ada.bio = null;                                // cannot be told from "not loaded" (documented): not written
            ada.photoType = "image/jpeg";
            assertThat(sqlOf(engine, s::flush))
                    .containsExactly("UPDATE profile SET photo_type = ?, version = ? WHERE profile.id = ? AND profile.version = ?");
            s.undefer(ada, Profile_.BIO);                  // the way out: load it first ...
            assertThat(ada.bio).isEqualTo("Analytical engine notes");
            assertThat(ada.photoType).as("set by the application: not overwritten").isEqualTo("image/jpeg");
            ada.bio = null;                                // ... then null is a change like any other
            assertThat(sqlOf(engine, s::flush))
                    .containsExactly("UPDATE profile SET bio = ?, version = ? WHERE profile.id = ? AND profile.version = ?");
            s.commit();
            assertThat(row(s, id)).isEqualTo("ada lovelace ada@example.org null image/jpeg 8 v5");
        }
    }

    @EachDatabase
    void mergeAndReattachOfADetachedObjectKeepTheRowsValuesOfColumnsItNeverLoaded(TestDatabase db) {
        Engine engine = setUp(db);
        long id = fill(engine);
        Profile detached;
        try (Session s = Session.open(engine)) {
            detached = s.get(Profile.class, id);
        }
        detached.name = "ada (merged)";
        try (Session s = Session.open(engine)) {
            Profile mine = s.merge(detached);
            assertThat(mine).isNotSameAs(detached);
            assertThat(sqlOf(engine, s::flush)).as("bio, photo and visits are not overwritten with their Java defaults")
                    .containsExactly("UPDATE profile SET name = ?, version = ? WHERE profile.id = ? AND profile.version = ?");
            s.commit();
            assertThat(row(s, id)).isEqualTo("ada (merged) ada@example.org Wrote the first program image/png 7 v2");
        }
        Profile form = new Profile("ada (form)", "form@example.org", null, 0);    // built from scratch, say from a form
        form.id = id;
        form.version = 2;
        try (Session s = Session.open(engine)) {
            assertThat(sqlOf(engine, () -> {
                s.merge(form);
                s.flush();
            })).as("its nulls and zeros are values: the columns the session's object lacks are loaded first, so they show "
                    + "as changes").containsExactly(
                    "SELECT " + COLUMNS + " FROM profile WHERE profile.id = ?", TEAM,
                    "SELECT profile.id, profile.bio, profile.photo, profile.photo_type, profile.visits FROM profile WHERE profile.id IN (?)",
                    "UPDATE profile SET name = ?, email = ?, bio = ?, photo = ?, photo_type = ?, visits = ?, team_id = ?, version = ? "
                            + "WHERE profile.id = ? AND profile.version = ?");
            s.commit();
            assertThat(row(s, id)).isEqualTo("ada (form) form@example.org null null 0 v3");
        }
        Profile again;
        try (Session s = Session.open(engine)) {
            again = s.get(Profile.class, id);
            s.undefer(again, Profile_.BIO);
        }
        again.name = "ada (re-attached)";
        again.bio = "Loaded, then changed";
        try (Session s = Session.open(engine)) {
            s.add(again);
            assertThat(sqlOf(engine, s::flush)).as("re-attached: the loaded bio is written, the unloaded visits are not")
                    .containsExactly("UPDATE profile SET name = ?, bio = ?, version = ? WHERE profile.id = ? AND profile.version = ?");
            s.commit();
            assertThat(row(s, id)).isEqualTo("ada (re-attached) form@example.org Loaded, then changed null 0 v4");
        }
    }

    @EachDatabase
    void aQueryWithUndeferFillsObjectsInTheSessionWithoutOverwritingChanges(TestDatabase db) {
        Engine engine = setUp(db);
        long id = fill(engine);
        try (Session s = Session.open(engine, SessionOptions.defaults().withAutoflush(false))) {
            Profile ada = s.get(Profile.class, id);
            ada.name = "changed, not flushed";
            ada.visits = 99;                               // set while unloaded: the application's value
            Profile same = s.execute(select(Profile.class).where(Profile_.ID.eq(id)).options(undefer(Profile_.BIO, Profile_.VISITS))).one();
            assertThat(same).isSameAs(ada);
            assertThat(ada.bio).as("filled from the row").isEqualTo("Wrote the first program");
            assertThat(ada.visits).isEqualTo(99);
            assertThat(ada.name).isEqualTo("changed, not flushed");
            assertThat(sqlOf(engine, () -> s.refresh(ada))).as("refresh reads what the object has loaded")
                    .containsExactly("SELECT profile.id, profile.name, profile.email, profile.bio, profile.visits, profile.team_id, "
                            + "profile.version FROM profile WHERE profile.id = ?");
            assertThat(ada.name).isEqualTo("ada");
            assertThat(ada.visits).isEqualTo(7);
            assertThat(ada.photo).isNull();
            s.expire(ada);
            s.execute(select(Profile.class).where(Profile_.ID.eq(id))).one();
            assertThat(ada.bio).as("expired and reloaded without it: unloaded again").isNull();
            assertThat(s.isModified(ada)).isFalse();
            assertThat(sqlOf(engine, () -> s.undefer(ada, Profile_.BIO)))
                    .containsExactly("SELECT profile.id, profile.bio FROM profile WHERE profile.id IN (?)");
            assertThat(ada.bio).isEqualTo("Wrote the first program");
            s.rollback();
        }
    }

    @EachDatabase
    void aRollbackReturnsToTheColumnsLoadedAtTheLastCommit(TestDatabase db) {
        Engine engine = setUp(db);
        long id = fill(engine);
        try (Session s = Session.open(engine, SessionOptions.defaults().withExpireOnCommit(false))) {
            Profile ada = s.get(Profile.class, id);
            ada.bio = "Changed, flushed, rolled back";
            s.flush();
            s.rollback();
            assertThat(ada.bio).as("unloaded again, as at the last commit").isNull();
            assertThat(sqlOf(engine, s::flush)).isEmpty();
            s.undefer(ada, Profile_.BIO);
            assertThat(ada.bio).isEqualTo("Wrote the first program");
        }
    }

    @EachDatabase
    void singleTableAndJoinedSubclassesDeferTheirOwnColumns(TestDatabase db) {
        Engine engine = setUp(db);
        long posterId;
        long reportId;
        try (Session s = Session.open(engine)) {
            Poster poster = new Poster("gig", "<svg/>");
            Report report = new Report("q3", 12, "Sales grew.");
            s.add(new Shape("plain"));
            s.add(poster);
            s.add(new Doc("memo"));
            s.add(report);
            s.commit();
            posterId = poster.id;
            reportId = report.id;
        }
        try (Session s = Session.open(engine)) {
            List<Shape> shapes = new ArrayList<>();
            assertThat(sqlOf(engine, () -> shapes.addAll(s.execute(select(Shape.class).orderBy(Shape_.ID)).all())))
                    .containsExactly("SELECT shape.id, shape.label, shape.type FROM shape ORDER BY shape.id ASC");
            Poster poster = (Poster) shapes.get(1);
            assertThat(poster.artwork).isNull();
            poster.label = "gig poster";
            assertThat(sqlOf(engine, s::flush)).as("its not-null artwork is not loaded, so not checked")
                    .containsExactly("UPDATE shape SET label = ? WHERE shape.id = ?");
            assertThat(sqlOf(engine, () -> s.undefer(shapes, Poster_.ARTWORK))).as("the shape without the column is left out")
                    .containsExactly("SELECT shape.id, shape.artwork FROM shape WHERE shape.id IN (?)");
            assertThat(poster.artwork).isEqualTo("<svg/>");
            Poster again = s.execute(select(Poster.class).options(undefer(Poster_.ARTWORK))).one();
            assertThat(again).isSameAs(poster);

            List<Doc> docs = new ArrayList<>();
            assertThat(sqlOf(engine, () -> docs.addAll(s.execute(select(Doc.class).orderBy(Doc_.ID)).all()))).containsExactly(
                    "SELECT doc.id, doc.title, doc.type, report.id, report.pages FROM doc "
                            + "LEFT OUTER JOIN report ON report.id = doc.id ORDER BY doc.id ASC");
            Report report = (Report) docs.get(1);
            assertThat(report.pages).isEqualTo(12);
            assertThat(report.body).isNull();
            report.pages = 13;
            assertThat(sqlOf(engine, s::flush)).containsExactly("UPDATE report SET pages = ? WHERE report.id = ?");
            assertThat(sqlOf(engine, () -> s.undefer(report))).containsExactly(
                    "SELECT doc.id, report.body FROM doc LEFT OUTER JOIN report ON report.id = doc.id WHERE doc.id IN (?)");
            assertThat(report.body).isEqualTo("Sales grew.");
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            Report r = s.execute(select(Report.class).options(undefer(Report_.BODY))).one();
            assertThat(r.id).isEqualTo(reportId);
            assertThat(r.body).isEqualTo("Sales grew.");
            assertThat(r.pages).isEqualTo(13);
            Poster p = s.get(Poster.class, posterId);
            assertThat(p.label).isEqualTo("gig poster");
            assertThat(p.artwork).isNull();
            assertThat(sqlOf(engine, () -> s.execute(select(Shape.class).options(undefer(Poster_.ARTWORK))).all()))
                    .as("a query of the root may read a subclass's deferred column").containsExactly(
                            "SELECT shape.id, shape.label, shape.type, shape.artwork FROM shape");
            assertThat(p.artwork).as("filled in on the session's object").isEqualTo("<svg/>");
            p.artwork = null;                              // loaded, then cleared: the not-null check applies again
            assertThatThrownBy(s::flush).isInstanceOf(InvalidStateException.class)
                    .hasMessageStartingWith("Poster.artwork is null, but it is declared not-null.");
            s.rollback();
        }
    }

    @EachDatabase
    void optionsAndUndeferRefuseColumnsTheyCannotLoad(TestDatabase db) {
        Engine engine = setUp(db);
        long id = fill(engine);
        assertThatThrownBy(() -> select(Profile.class).options(undefer(Team_.NAME)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("undefer(team.name): team.name is not a column of Profile (table profile); name columns of Profile_, "
                        + "or query the entity the column belongs to");
        assertThatThrownBy(() -> select(Profile.class).options(loadOnly(Profile_.TEAM_ID)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("profile.team_id is the key column of a relationship of Profile; relationships load by their "
                        + "own strategy (selectInLoad, joinedLoad, noLoad)");
        assertThatThrownBy(() -> select(Profile.class).options(defer(Profile_.VERSION)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("defer(profile.version): profile.version is the version of Profile, which always loads; leave it out of defer(...)");
        assertThatThrownBy(() -> select(Profile.class).options(defer(Profile_.ID)))
                .hasMessageContaining("profile.id is the id of Profile, which always loads");
        assertThatThrownBy(() -> select(Profile.class).options(undeferGroup("avatar")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("undeferGroup(\"avatar\"): Profile has no @Deferred group \"avatar\"; its groups are [photo]");
        try (Session s = Session.open(engine)) {
            Profile ada = s.get(Profile.class, id);
            assertThatThrownBy(() -> s.undefer(ada, Team_.NAME))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("team.name is not a column of Profile");
            Profile fresh = new Profile("new", null, null, 0);
            assertThatThrownBy(() -> s.undefer(fresh, Profile_.BIO))
                    .isInstanceOf(InvalidStateException.class)
                    .hasMessage("Cannot undefer columns of a Profile that is TRANSIENT; only persistent objects of this session "
                            + "have columns to load");
        }
    }

    @EachDatabase
    void relatedObjectsRowQueriesAndBulkUpdatesReadTheDefaultColumns(TestDatabase db) {
        Engine engine = setUp(db);
        long id = fill(engine);
        try (Session s = Session.open(engine)) {
            s.add(new Post("Notes", s.get(Profile.class, id)));
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            Post[] post = new Post[1];
            assertThat(sqlOf(engine, () -> post[0] = s.execute(select(Post.class).options(joinedLoad(Post_.AUTHOR))).one()))
                    .containsExactly("SELECT post.id, post.title, post.author_id, j0_profile.id, j0_profile.name, j0_profile.email, "
                            + "j0_profile.team_id, j0_profile.version FROM post LEFT OUTER JOIN profile AS j0_profile "
                            + "ON j0_profile.id = post.author_id", TEAM);
            Profile ada = post[0].author;
            assertThat(ada.name).isEqualTo("ada");
            assertThat(ada.bio).isNull();
            s.undefer(ada, Profile_.BIO);
            assertThat(ada.bio).isEqualTo("Wrote the first program");
        }
        try (Session s = Session.open(engine)) {
            Post post = s.execute(select(Post.class)).one();      // the author select-in
            assertThat(post.author.bio).isNull();
            assertThat(post.author.name).isEqualTo("ada");
            var rows = s.execute(select(Profile.class, Profile_.VISITS).where(Profile_.ID.eq(id))).all();
            assertThat(rows.get(0).get(Profile.class)).isSameAs(post.author);
            assertThat(rows.get(0).get(Profile_.VISITS)).as("a row query reads what it names").isEqualTo(7);
            assertThat(post.author.visits).as("still unloaded on the object").isZero();
            s.execute(update(Profile.class).set(Profile_.BIO, "Bulk").where(Profile_.ID.eq(id)), dev.retort.orm.Synchronize.FETCH);
            assertThat(post.author.bio).as("a bulk update's value is loaded").isEqualTo("Bulk");
            assertThat(sqlOf(engine, () -> s.undefer(post.author, Profile_.BIO))).isEmpty();
            s.commit();
        }
    }

    @EachDatabase
    void anEmbeddedValueIsDeferredWithAllItsColumns(TestDatabase db) {
        Engine engine = setUp(db);
        long id;
        try (Session s = Session.open(engine)) {
            Venue hall = new Venue("hall", new Place("Leeds", "UK"));
            s.add(hall);
            s.commit();
            id = hall.id;
        }
        try (Session s = Session.open(engine)) {
            Venue[] v = new Venue[1];
            assertThat(sqlOf(engine, () -> v[0] = s.get(Venue.class, id)))
                    .containsExactly("SELECT venue.id, venue.name FROM venue WHERE venue.id = ?");
            assertThat(v[0].place).isNull();
            v[0].name = "great hall";
            assertThat(sqlOf(engine, s::flush)).containsExactly("UPDATE venue SET name = ? WHERE venue.id = ?");
            assertThat(sqlOf(engine, () -> s.undefer(v[0], Venue_.PLACE_CITY))).as("a component brings its value's other columns")
                    .containsExactly("SELECT venue.id, venue.place_city, venue.place_country FROM venue WHERE venue.id IN (?)");
            assertThat(v[0].place).isEqualTo(new Place("Leeds", "UK"));
            v[0].place = new Place("York", "UK");
            assertThat(sqlOf(engine, s::flush)).containsExactly("UPDATE venue SET place_city = ? WHERE venue.id = ?");
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            Venue v = s.execute(select(Venue.class).options(undefer(Venue_.PLACE_COUNTRY))).one();
            assertThat(v.name).isEqualTo("great hall");
            assertThat(v.place).as("naming one component reads the whole value").isEqualTo(new Place("York", "UK"));
        }
    }

    @EachDatabase
    void aWholeEmbeddedValueAssignedWhileUnloadedIsWrittenWhole(TestDatabase db) {
        Engine engine = setUp(db);
        long id;
        try (Session s = Session.open(engine)) {
            Venue hall = new Venue("hall", new Place("Leeds", "UK"));
            s.add(hall);
            s.commit();
            id = hall.id;
        }
        try (Session s = Session.open(engine)) {
            Venue v = s.get(Venue.class, id);
            assertThat(v.place).as("deferred: not loaded").isNull();
            v.place = new Place(null, "France");           // a new value, not null: the field differs from its Java default
            assertThat(sqlOf(engine, s::flush)).as("the value is written whole, its null component too")
                    .containsExactly("UPDATE venue SET place_city = ?, place_country = ? WHERE venue.id = ?");
            s.commit();
            assertThat(s.execute(text("SELECT place_city, place_country FROM venue WHERE id = :id").bind("id", id)).all())
                    .extracting(r -> r.get(0) + " " + r.get(1)).containsExactly("null France");
        }
    }

    @EachDatabase
    void aBulkUpdateOfOneComponentOfAnUnloadedEmbeddedValueLoadsTheWholeValue(TestDatabase db) {
        Engine engine = setUp(db);
        long id;
        try (Session s = Session.open(engine)) {
            Venue hall = new Venue("hall", new Place("Leeds", "UK"));
            s.add(hall);
            s.commit();
            id = hall.id;
        }
        try (Session s = Session.open(engine)) {
            Venue v = s.get(Venue.class, id);
            assertThat(v.place).isNull();
            s.execute(update(Venue.class).set(Venue_.PLACE_COUNTRY, "France").where(Venue_.ID.eq(id)), dev.retort.orm.Synchronize.FETCH);
            assertThat(v.place).as("the whole value, as the row holds it, never a part of it").isEqualTo(new Place("Leeds", "France"));
            assertThat(sqlOf(engine, () -> s.undefer(v))).as("nothing left to load").isEmpty();
            assertThat(sqlOf(engine, s::flush)).isEmpty();
            s.commit();
        }
    }

    @EachDatabase
    void aFormMergedOntoAnObjectWhoseUnloadedFieldTheApplicationSetWritesTheFormsNull(TestDatabase db) {
        Engine engine = setUp(db);
        long id = fill(engine);
        try (Session s = Session.open(engine, SessionOptions.defaults().withAutoflush(false))) {
            Profile ada = s.get(Profile.class, id);
            ada.bio = "A draft, not flushed";                // set while unloaded
            Profile form = new Profile("ada (form)", "form@example.org", null, 7);
            form.id = id;
            form.version = 1;
            form.photo = new byte[] {1, 2, 3};
            form.photoType = "image/png";
            assertThat(s.merge(form)).isSameAs(ada);
            assertThat(ada.bio).as("the form's value").isNull();
            s.commit();
            assertThat(row(s, id)).as("the form's null is written, as merge promises for a form's nulls")
                    .isEqualTo("ada (form) form@example.org null image/png 7 v2");
        }
    }
}
