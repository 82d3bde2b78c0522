package dev.retort.examples;

import dev.retort.engine.Engine;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the relationships guide's code on every database, checking what it observed. */
class RelationshipsGuideTest {

    @EachDatabase
    void theGuideRuns(TestDatabase db) {
        Engine engine = db.engine();
        assertThat(RelationshipsGuide.store(engine)).containsExactly("album's artist: Ada");
        assertThat(RelationshipsGuide.load(engine)).containsExactly("Ada / First: [Intro, Engines]", "Ada / Second: [Intro]");
        assertThat(RelationshipsGuide.joined(engine)).containsExactly("Ada: [First, Second]", "Ada with S: [Second]");
        assertThat(RelationshipsGuide.query(engine)).containsExactly("1 artist, 2 albums, 2 joined");
        assertThat(RelationshipsGuide.unloaded(engine)).containsExactly("raise: Artist.albums", "detached: true");
        assertThat(RelationshipsGuide.delete(engine)).containsExactly("albums left: 1", "albums left: 0, songs left: 2");
        assertThat(RelationshipsGuide.keyed(engine)).containsExactly("flour: 500 g", "left: [flour]");
        assertThat(RelationshipsGuide.cycle(engine)).containsExactly("Ada plays with Bob, who plays with Ada");
        assertThat(RelationshipsGuide.tableCycle(engine)).containsExactly("Research is managed by Ada, who works in Research");
    }
}
