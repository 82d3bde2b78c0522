package dev.retort.orm.rel;

import dev.retort.engine.Engine;
import dev.retort.orm.Registry;
import dev.retort.orm.Retort;
import dev.retort.orm.Session;
import dev.retort.orm.StatementCaptureAccess;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.List;

import static dev.retort.orm.LoadOption.joinedLoad;
import static dev.retort.orm.LoadOption.selectInLoad;
import static dev.retort.orm.OrmStatements.select;
import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Many-to-many through an association table: rows follow the collections, both sides stay in step. */
class ManyToManyTest {
    static final Registry REGISTRY = Registry.of(Playlist.class, Track.class);

    static Engine setUp(TestDatabase db) {
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        Session.runInTransaction(engine, s -> {
            Track a = new Track("a");
            Track b = new Track("b");
            Track c = new Track("c");
            Playlist morning = new Playlist("morning");
            morning.tracks.addAll(List.of(a, b));
            Playlist evening = new Playlist("evening");
            evening.tracks.addAll(List.of(b, c));
            s.addAll(List.of(morning, evening));        // the tracks come along (save-update)
        });
        return engine;
    }

    static List<String> pairs(Engine engine) {
        try (var c = engine.connect()) {
            return c.execute(text("SELECT p.name, t.title FROM playlist_track pt JOIN playlist p ON p.id = pt.playlist_id "
                    + "JOIN track t ON t.id = pt.track_id ORDER BY p.name, t.title")).all().stream()
                    .map(r -> r.get(0) + "/" + r.get(1)).toList();
        }
    }

    @EachDatabase
    void associationRowsFollowTheCollections(TestDatabase db) {
        Engine engine = setUp(db);
        assertThat(pairs(engine)).containsExactly("evening/b", "evening/c", "morning/a", "morning/b");
        try (Session s = Session.open(engine)) {
            Playlist morning = s.execute(select(Playlist.class).where(Playlist_.NAME.eq("morning"))).one();
            Track c = s.execute(select(Track.class).where(Track_.TITLE.eq("c"))).one();
            assertThat(c.playlists).extracting(p -> p.name).containsExactly("evening");   // lazy, the other side
            morning.tracks.remove(0);                     // a
            morning.tracks.add(c);
            assertThat(c.playlists).as("the other side, loaded, follows").extracting(p -> p.name).containsExactly("evening", "morning");
            List<String> sql = StatementCaptureAccess.during(engine, s::commit);
            assertThat(sql).as("one DELETE batch and one INSERT of association rows").hasSize(2);
        }
        assertThat(pairs(engine)).containsExactly("evening/b", "evening/c", "morning/b", "morning/c");
    }

    /**
     * Closing a session rolls back the association rows its flush wrote: the owner (whose own row
     * was not written) goes back to its last commit like any object the transaction wrote, so that
     * re-attached it neither claims rows that are gone nor loses a change silently.
     */
    @EachDatabase
    void associationRowsRolledBackAtCloseAreNotTakenForWrittenWhenTheOwnerIsReattached(TestDatabase db) {
        Engine engine = setUp(db);
        Playlist morning;
        try (Session s = Session.open(engine)) {
            morning = s.execute(select(Playlist.class).where(Playlist_.NAME.eq("morning"))).one();
            Track c = s.execute(select(Track.class).where(Track_.TITLE.eq("c"))).one();
            morning.tracks.add(c);
            s.flush();                                   // INSERT INTO playlist_track: not committed
        }                                                // rolled back
        assertThat(pairs(engine)).containsExactly("evening/b", "evening/c", "morning/a", "morning/b");
        try (Session s = Session.open(engine)) {
            s.add(morning);
            Track c = s.execute(select(Track.class).where(Track_.TITLE.eq("c"))).one();
            if (!morning.tracks.contains(c)) {
                morning.tracks.add(c);                   // the change made again, on what the session knows
            }
            s.commit();
        }
        assertThat(pairs(engine)).as("the rows follow the collection the object holds")
                .containsExactly("evening/b", "evening/c", "morning/a", "morning/b", "morning/c");
        try (Session s = Session.open(engine)) {
            Playlist again = s.execute(select(Playlist.class).where(Playlist_.NAME.eq("morning"))).one();
            assertThat(again.tracks).extracting(t -> t.title).containsExactlyInAnyOrder("a", "b", "c");
        }
    }

    @EachDatabase
    void selectInLoadsEveryPlaylistsTracksInOneQuery(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            List<Playlist> all = Retort.expectStatements(engine, 2, () ->
                    s.execute(select(Playlist.class).options(selectInLoad(Playlist_.TRACKS)).orderBy(Playlist_.NAME)).all());
            assertThat(all.get(0).tracks).extracting(t -> t.title).containsExactly("b", "c");
            assertThat(all.get(1).tracks).extracting(t -> t.title).containsExactly("a", "b");
            assertThat(all.get(0).tracks.get(0)).as("one object per row").isSameAs(all.get(1).tracks.get(1));
        }
    }

    @EachDatabase
    void referencesOfTheTargetsLoadJoinedInTheCollectionsQuery(TestDatabase db) {
        Engine engine = setUp(db);
        Session.runInTransaction(engine, s -> {
            Track c = s.execute(select(Track.class).where(Track_.TITLE.eq("c"))).one();
            c.original = s.execute(select(Track.class).where(Track_.TITLE.eq("a"))).one();
        });
        try (Session s = Session.open(engine)) {
            List<List<Playlist>> found = new java.util.ArrayList<>();
            List<String> sql = StatementCaptureAccess.during(engine, () -> found.add(s.execute(select(Playlist.class)
                    .options(selectInLoad(Playlist_.TRACKS).then(joinedLoad(Track_.ORIGINAL))).orderBy(Playlist_.NAME)).all()));
            assertThat(sql).as("the playlists, then their tracks with the originals joined: no select-in of the originals")
                    .hasSize(2);
            assertThat(sql.get(1)).isEqualTo("SELECT track.id, track.title, track.original_id, j0_track.id, j0_track.title, "
                    + "j0_track.original_id, playlist_track.playlist_id FROM track JOIN playlist_track ON playlist_track.track_id = "
                    + "track.id LEFT OUTER JOIN track AS j0_track ON j0_track.id = track.original_id "
                    + "WHERE playlist_track.playlist_id IN (?, ?) ORDER BY track.id ASC");
            Playlist evening = found.get(0).get(0);
            Playlist morning = found.get(0).get(1);
            Track c = evening.tracks.get(1);
            assertThat(c.title).isEqualTo("c");
            assertThat(c.original).as("one object per row").isSameAs(morning.tracks.get(0));
            assertThat(c.original.title).isEqualTo("a");
            assertThat(evening.tracks.get(0).original).isNull();
        }
    }

    @EachDatabase
    void deletingAnObjectDeletesItsAssociationRowsFirst(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Playlist evening = s.execute(select(Playlist.class).where(Playlist_.NAME.eq("evening"))).one();
            Track b = evening.tracks.get(0);
            s.delete(b);
            assertThat(evening.tracks).extracting(t -> t.title).containsExactly("c");
            s.commit();
            s.delete(s.execute(select(Playlist.class).where(Playlist_.NAME.eq("morning"))).one());   // tracks stay
            s.commit();
        }
        assertThat(pairs(engine)).containsExactly("evening/c");
        try (var c = engine.connect()) {
            assertThat(((Number) c.execute(text("SELECT COUNT(*) FROM track")).scalar()).intValue()).isEqualTo(2);
        }
    }

    @EachDatabase
    void undoingADeleteReplacingACollectionAndRollingBackKeepTheRowsRight(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Playlist evening = s.execute(select(Playlist.class).where(Playlist_.NAME.eq("evening"))).one();
            Track b = evening.tracks.get(0);
            s.delete(b);
            s.add(b);                                    // undone: b is back in evening's tracks
            assertThat(evening.tracks).extracting(t -> t.title).containsExactlyInAnyOrder("b", "c");
            s.commit();
        }
        assertThat(pairs(engine)).containsExactly("evening/b", "evening/c", "morning/a", "morning/b");
        try (Session s = Session.open(engine)) {
            Playlist morning = s.execute(select(Playlist.class).where(Playlist_.NAME.eq("morning"))).one();
            Track c = s.execute(select(Track.class).where(Track_.TITLE.eq("c"))).one();
            morning.tracks = new java.util.ArrayList<>(List.of(c));     // replaced while unloaded
            s.commit();
        }
        assertThat(pairs(engine)).containsExactly("evening/b", "evening/c", "morning/c");
        try (Session s = Session.open(engine)) {
            Track a = s.execute(select(Track.class).where(Track_.TITLE.eq("a"))).one();
            Playlist night = new Playlist("night");
            night.tracks.add(a);
            s.add(night);
            s.flush();
            s.rollback();
            s.add(night);                                // again, after the rollback
            s.commit();
        }
        assertThat(pairs(engine)).contains("night/a");
    }

    @EachDatabase
    void duplicatesBulkDeletesAndJoinsAreHandled(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Playlist morning = s.execute(select(Playlist.class).where(Playlist_.NAME.eq("morning"))).one();
            Track b = morning.tracks.get(1);
            assertThat(b.playlists).hasSize(2);
            morning.tracks.add(b);                       // a duplicate in the list
            morning.tracks.remove(b);                    // one copy goes, one stays
            assertThat(b.playlists).extracting(p -> p.name).contains("morning");
            s.commit();
            assertThat(pairs(engine)).contains("morning/b");
            // A bulk delete of tracks: the database's ON DELETE CASCADE removes their association rows.
            s.execute(dev.retort.orm.OrmStatements.delete(Track.class).where(Track_.TITLE.eq("b")), dev.retort.orm.Synchronize.FETCH);
            s.commit();
        }
        assertThat(pairs(engine)).containsExactly("evening/c", "morning/a");
        try (Session s = Session.open(engine)) {
            List<String> sql = StatementCaptureAccess.during(engine, () -> assertThat(s.execute(select(Playlist.class)
                    .join(Playlist_.TRACKS).where(Track_.TITLE.eq("c"))).all()).extracting(p -> p.name).containsExactly("evening"));
            assertThat(sql.get(0)).startsWith("SELECT playlist.id, playlist.name FROM playlist "
                    + "JOIN playlist_track ON playlist_track.playlist_id = playlist.id "
                    + "JOIN track ON track.id = playlist_track.track_id WHERE track.title = ?");
            dev.retort.sql.TableAlias other = Track_.TABLE.as("other");
            assertThat(s.execute(select(Playlist.class).outerJoin(Playlist_.TRACKS, other)
                    .where(other.column(Track_.TITLE).isNull())).all()).as("no playlist is empty").isEmpty();
            assertThat(s.execute(select(Track.class).where(Track_.PLAYLISTS.any(Playlist_.NAME.eq("morning")))).all())
                    .extracting(t -> t.title).containsExactly("a");
            assertThat(s.execute(select(Playlist.class).where(Playlist_.TRACKS.any().not())).all()).isEmpty();
        }
    }

    /** Pals name their friends: a many-to-many of an entity with itself. */
    @dev.retort.orm.Entity(table = "pal")
    static class Pal {
        @dev.retort.orm.Id @dev.retort.orm.Generated Long id;
        String name;
        @dev.retort.orm.ManyToMany(table = "pal_friend", joinColumn = "pal_id", inverseJoinColumn = "friend_id")
        List<Pal> friends = new java.util.ArrayList<>();

        Pal() {
        }

        Pal(String name) {
            this.name = name;
        }
    }

    @EachDatabase
    void aManyToManyOfAnEntityWithItselfIsJoinedAndTestedThroughAnAlias(TestDatabase db) {
        Engine engine = db.engine();
        Registry.of(Pal.class).metadata().createAll(engine);
        Session.runInTransaction(engine, s -> {
            Pal ada = new Pal("ada");
            Pal bob = new Pal("bob");
            Pal cy = new Pal("cy");
            ada.friends.add(bob);
            cy.friends.addAll(List.of(ada, bob));
            s.addAll(List.of(ada, bob, cy));
        });
        var friends = dev.retort.orm.mapping.EntityMapping.of(Pal.class).relation("friends");
        var other = dev.retort.orm.mapping.EntityMapping.of(Pal.class).table().as("other");
        try (Session s = Session.open(engine)) {
            assertThat(s.execute(select(Pal.class).join(friends, other).distinct()).all())
                    .extracting(p -> p.name).containsExactlyInAnyOrder("ada", "cy");
            // Without an alias the related table would be the owner's own: in EXISTS it hid the owner
            // (no pal matched), in a join it was named twice. Both are refused, as for references.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> friends.any())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relates Pal to itself: join an alias");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> select(Pal.class).join(friends))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relates Pal to itself; join an alias");
        }
    }
}
