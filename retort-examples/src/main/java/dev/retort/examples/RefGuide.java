package dev.retort.examples;

import dev.retort.engine.Engine;
import dev.retort.orm.Ref;
import dev.retort.orm.Registry;
import dev.retort.orm.Retort;
import dev.retort.orm.Session;
import dev.retort.orm.UnloadedRelationshipException;

import java.util.ArrayList;
import java.util.List;

import static dev.retort.orm.LoadOption.raiseLoad;
import static dev.retort.orm.LoadOption.selectInLoad;
import static dev.retort.orm.OrmStatements.select;

/**
 * The {@code Ref} code of {@code docs/relationships.md}. Each method returns what it observed, so
 * {@code RefGuideTest} can run it on every database.
 */
public final class RefGuide {
    private RefGuide() {
    }

    /**
     * Creates the tables and stores two artists and three concerts.
     *
     * @param engine the engine
     */
    public static void store(Engine engine) {
        Registry.of(Artist.class, Album.class, Song.class, Concert.class).metadata().createAll(engine);
        try (Session session = Session.open(engine)) {
            Artist ada = new Artist("Ada");
            Artist bob = new Artist("Bob");
            session.addAll(List.of(new Concert("Roundhouse", ada), new Concert("Paradiso", bob), new Concert("Olympia", ada)));
            session.commit();
        }
    }

    /**
     * Reads a concert, then its headliner on first access.
     *
     * @param engine the engine
     * @return what was read
     */
    public static List<String> lazy(Engine engine) {
        List<String> out = new ArrayList<>();
        // tag::lazy[]
        try (Session session = Session.open(engine)) {
            Concert gig = session.execute(select(Concert.class).where(Concert_.VENUE.eq("Roundhouse"))).one();
            Ref<Artist> headliner = gig.headliner();
            out.add("loaded: " + headliner.isLoaded() + ", key: " + (headliner.id() != null));   // no query
            Artist ada = Retort.expectStatements(engine, 1, () -> headliner.get());    // SELECT artist ... WHERE artist.id IN (?)
            out.add(ada.name() + ", again: " + (Retort.expectStatements(engine, 0, () -> headliner.get()) == ada));
            Concert olympia = session.execute(select(Concert.class).where(Concert_.VENUE.eq("Olympia"))).one();
            out.add("same artist, no query: " + (Retort.expectStatements(engine, 0, () -> olympia.headliner().get()) == ada));
        }
        // end::lazy[]
        return out;
    }

    /**
     * Loads the headliners of a page with the query, and refuses an accidental load.
     *
     * @param engine the engine
     * @return what was read
     */
    public static List<String> options(Engine engine) {
        List<String> out = new ArrayList<>();
        // tag::options[]
        try (Session session = Session.open(engine)) {
            List<Concert> all = Retort.expectStatements(engine, 2, () -> session.execute(select(Concert.class)
                    .options(selectInLoad(Concert_.HEADLINER)).orderBy(Concert_.VENUE)).all());
            all.forEach(c -> out.add(c.venue() + ": " + c.headliner().get().name()));     // loaded: no query
        }
        try (Session session = Session.open(engine)) {
            Concert gig = session.execute(select(Concert.class).where(Concert_.VENUE.eq("Paradiso"))
                    .options(raiseLoad(Concert_.HEADLINER))).one();
            try {
                gig.headliner().get();                // would be a query: refused
            } catch (UnloadedRelationshipException e) {
                out.add("raise: " + e.getMessage().substring(0, e.getMessage().indexOf(" is not loaded")));
            }
        }
        // end::options[]
        return out;
    }

    /**
     * Points concerts at other artists, by object and by key.
     *
     * @param engine the engine
     * @return what the database holds afterwards
     */
    public static List<String> write(Engine engine) {
        List<String> out = new ArrayList<>();
        // tag::write[]
        Concert kept;
        try (Session session = Session.open(engine)) {
            Artist bob = session.execute(select(Artist.class).where(Artist_.NAME.eq("Bob"))).one();
            Concert roundhouse = session.execute(select(Concert.class).where(Concert_.VENUE.eq("Roundhouse"))).one();
            roundhouse.headliner().set(bob);          // UPDATE concert SET headliner_id = ? WHERE concert.id = ?
            Concert olympia = session.execute(select(Concert.class).where(Concert_.VENUE.eq("Olympia"))).one();
            olympia.headliner(Ref.toId(bob.id));      // by key: the same UPDATE, without loading anyone
            session.commit();
            kept = olympia;
        }
        try {
            kept.headliner().get();                   // not loaded, and its session is closed
        } catch (UnloadedRelationshipException e) {
            out.add("detached: " + e.getMessage().contains("detached"));
        }
        // end::write[]
        try (Session session = Session.open(engine)) {
            for (Concert c : session.execute(select(Concert.class).options(selectInLoad(Concert_.HEADLINER))
                    .orderBy(Concert_.VENUE)).all()) {
                out.add(c.venue() + ": " + c.headliner().get().name());
            }
        }
        return out;
    }
}
