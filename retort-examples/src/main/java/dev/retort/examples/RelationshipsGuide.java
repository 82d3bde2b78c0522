package dev.retort.examples;

import dev.retort.engine.Engine;
import dev.retort.examples.cycles.Department;
import dev.retort.examples.cycles.Employee;
import dev.retort.orm.Registry;
import dev.retort.orm.Retort;
import dev.retort.orm.Session;
import dev.retort.orm.UnloadedRelationshipException;

import java.util.ArrayList;
import java.util.List;

import static dev.retort.orm.LoadOption.containsEager;
import static dev.retort.orm.LoadOption.joinedLoad;
import static dev.retort.orm.LoadOption.noLoad;
import static dev.retort.orm.LoadOption.raiseLoad;
import static dev.retort.orm.LoadOption.selectInLoad;
import static dev.retort.orm.OrmStatements.select;

/**
 * The code of {@code docs/relationships.md}. Each method returns what it observed, so
 * {@code RelationshipsGuideTest} can run it on every database.
 */
public final class RelationshipsGuide {
    private RelationshipsGuide() {
    }

    /**
     * Creates the tables and stores a small catalogue through the artists alone.
     *
     * @param engine the engine
     * @return what happened
     */
    public static List<String> store(Engine engine) {
        List<String> out = new ArrayList<>();
        Registry.of(Artist.class, Album.class, Song.class).metadata().createAll(engine);   // and album_song
        // tag::store[]
        try (Session session = Session.open(engine)) {
            Song intro = new Song("Intro");
            Artist ada = new Artist("Ada");
            Album first = new Album("First");
            first.songs.addAll(List.of(intro, new Song("Engines")));
            Album second = new Album("Second");
            second.songs.add(intro);                  // the same song on two albums
            ada.albums.addAll(List.of(first, second));
            session.add(ada);                         // albums and songs come along (save-update)
            out.add("album's artist: " + first.artist().name());
            session.commit();                         // artist, albums, songs, then album_song rows
        }
        // end::store[]
        return out;
    }

    /**
     * Loads artists with their albums and songs in three statements.
     *
     * @param engine the engine
     * @return what was loaded
     */
    public static List<String> load(Engine engine) {
        List<String> out = new ArrayList<>();
        // tag::load[]
        try (Session session = Session.open(engine)) {
            List<Artist> artists = Retort.expectStatements(engine, 3, () -> session.execute(select(Artist.class)
                    .options(selectInLoad(Artist_.ALBUMS).then(selectInLoad(Album_.SONGS)))).all());
            for (Artist a : artists) {
                for (Album album : a.albums()) {      // already loaded: no query
                    out.add(a.name() + " / " + album.title() + ": " + album.songs().stream().map(Song::title).toList());
                }
            }
        }
        // end::load[]
        return out;
    }

    /**
     * Loads a page of artists with their albums in one statement, the albums joined.
     *
     * @param engine the engine
     * @return what was loaded
     */
    public static List<String> joined(Engine engine) {
        List<String> out = new ArrayList<>();
        // tag::joined[]
        try (Session session = Session.open(engine)) {
            List<Artist> page = Retort.expectStatements(engine, 1, () -> session.execute(select(Artist.class)
                    .orderBy(Artist_.NAME).limit(10)                   // ten artists, however many albums they have
                    .options(joinedLoad(Artist_.ALBUMS).then(noLoad(Album_.SONGS)))).all());
            for (Artist a : page) {
                out.add(a.name() + ": " + a.albums().stream().map(Album::title).toList());
            }
        }
        // end::joined[]
        // tag::containsEager[]
        try (Session session = Session.open(engine)) {
            List<Artist> artists = session.execute(select(Artist.class)
                    .join(Artist_.ALBUMS).where(Album_.TITLE.like("S%"))            // the query's own join, filtered
                    .options(containsEager(Artist_.ALBUMS).then(noLoad(Album_.SONGS)))).all();
            for (Artist a : artists) {
                out.add(a.name() + " with S: " + a.albums().stream().map(Album::title).toList());   // only the joined rows
            }
        }
        // end::containsEager[]
        return out;
    }

    /**
     * What raise-loading and a closed session do to unloaded collections.
     *
     * @param engine the engine
     * @return the exceptions' first words
     */
    public static List<String> unloaded(Engine engine) {
        List<String> out = new ArrayList<>();
        // tag::raise[]
        try (Session session = Session.open(engine)) {
            Artist ada = session.execute(select(Artist.class).options(raiseLoad(Artist_.ALBUMS))).one();
            try {
                ada.albums().size();                  // would be a query: refused
            } catch (UnloadedRelationshipException e) {
                out.add("raise: " + e.getMessage().substring(0, e.getMessage().indexOf(" is not loaded")));
            }
        }
        Artist kept;
        try (Session session = Session.open(engine)) {
            kept = session.execute(select(Album.class).where(Album_.TITLE.eq("First"))).one().artist();
        }
        try {
            kept.albums().isEmpty();                  // not loaded, and its session is closed
        } catch (UnloadedRelationshipException e) {
            out.add("detached: " + e.getMessage().contains("detached"));
        }
        // end::raise[]
        return out;
    }

    /**
     * Queries along relationships.
     *
     * @param engine the engine
     * @return what they found
     */
    public static List<String> query(Engine engine) {
        List<String> out = new ArrayList<>();
        // tag::query[]
        try (Session session = Session.open(engine)) {
            // Artists with an album titled "Second": EXISTS (SELECT ... FROM album WHERE album.artist_id = artist.id AND ...)
            List<Artist> withSecond = session.execute(select(Artist.class)
                    .where(Artist_.ALBUMS.any(Album_.TITLE.eq("Second")))).all();
            // Albums of an artist by name: EXISTS on the reference
            List<Album> ofAda = session.execute(select(Album.class)
                    .where(Album_.ARTIST.has(Artist_.NAME.eq("Ada"))).orderBy(Album_.TITLE)).all();
            // A join, to filter and order by the related table's columns
            List<Album> joined = session.execute(select(Album.class).join(Album_.ARTIST)
                    .where(Artist_.NAME.like("A%")).orderBy(Artist_.NAME, Album_.TITLE)).all();
            out.add(withSecond.size() + " artist, " + ofAda.size() + " albums, " + joined.size() + " joined");
        }
        // end::query[]
        return out;
    }

    /**
     * Deletes through a cascade and removes an orphan.
     *
     * @param engine the engine
     * @return the counts left
     */
    public static List<String> delete(Engine engine) {
        List<String> out = new ArrayList<>();
        // tag::delete[]
        try (Session session = Session.open(engine)) {
            Artist ada = session.execute(select(Artist.class)).one();
            ada.albums().remove(0);                   // an orphan: deleted at the next flush
            session.commit();
            out.add("albums left: " + session.execute(select(Album.class)).all().size());
            session.delete(ada);                      // its albums go too (DELETE cascade)
            session.commit();
            out.add("albums left: " + session.execute(select(Album.class)).all().size()
                    + ", songs left: " + session.execute(select(Song.class)).all().size());
        }
        // end::delete[]
        return out;
    }

    /**
     * Two new rows that refer to each other, through a post-update reference.
     *
     * @param engine the engine
     * @return the SQL of the flush and what a new session loads
     */
    public static List<String> cycle(Engine engine) {
        List<String> out = new ArrayList<>();
        Registry.of(Player.class).metadata().createAll(engine);
        // tag::cycle[]
        try (Session session = Session.open(engine)) {
            Player ada = new Player("Ada");
            Player bob = new Player("Bob");
            Player.pair(ada, bob);                    // ada -> bob -> ada: no INSERT order can hold both keys
            session.addAll(List.of(ada, bob));
            session.commit();                         // INSERT both with partner_id NULL, then UPDATE player SET partner_id = ?
        }
        try (Session session = Session.open(engine)) {
            Player ada = session.execute(select(Player.class).where(Player_.NAME.eq("Ada"))).one();
            out.add(ada + " plays with " + ada.partner() + ", who plays with " + ada.partner().partner());
        }
        // end::cycle[]
        return out;
    }

    /**
     * Two new rows of two tables that refer to each other, through a post-update reference.
     *
     * @param engine the engine
     * @return what a new session loads
     */
    public static List<String> tableCycle(Engine engine) {
        List<String> out = new ArrayList<>();
        Registry.of(Department.class, Employee.class).metadata().createAll(engine);   // one key by ALTER TABLE
        // tag::table-cycle[]
        try (Session session = Session.open(engine)) {
            Department research = new Department("Research");
            Employee ada = new Employee("Ada", research);     // ada -> research, and in its staff
            research.manager(ada);                            // research -> ada: a cycle of two tables
            session.add(research);                            // ada comes along (save-update)
            // INSERT INTO department (manager_id NULL); INSERT INTO employee; UPDATE department SET manager_id = ?
            Retort.expectStatements(engine, 3, session::flush);
            session.commit();
        }
        try (Session session = Session.open(engine)) {
            Department research = session.execute(select(Department.class)).one();
            out.add(research.name() + " is managed by " + research.manager().name()
                    + ", who works in " + research.manager().department().name());
        }
        // end::table-cycle[]
        return out;
    }

    /**
     * A one-to-many held as a map keyed by an element field.
     *
     * @param engine the engine
     * @return what a new session reads
     */
    public static List<String> keyed(Engine engine) {
        List<String> out = new ArrayList<>();
        Registry.of(Recipe.class, Ingredient.class).metadata().createAll(engine);
        // tag::keyed[]
        try (Session session = Session.open(engine)) {
            Recipe bread = new Recipe("Bread");
            bread.add(new Ingredient("flour", "500 g"));
            bread.add(new Ingredient("water", "350 ml"));
            session.add(bread);
            session.commit();
        }
        try (Session session = Session.open(engine)) {
            Recipe bread = session.execute(select(Recipe.class).options(selectInLoad(Recipe_.INGREDIENTS))).one();
            out.add("flour: " + bread.ingredients().get("flour").amount());
            bread.ingredients().remove("water");      // an orphan: deleted at the commit
            session.commit();
            out.add("left: " + bread.ingredients().keySet());
        }
        // end::keyed[]
        return out;
    }
}
