package dev.retort.migrate;

import dev.retort.engine.Engine;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Revision classes found on the class path, in a package and its sub-packages. */
class RevisionScanTest {

    @Test
    void concreteRevisionClassesOfAPackageAndItsSubPackagesAreFound() {
        RevisionGraph graph = RevisionGraph.scan("dev.retort.migrate.scanned.good");
        assertThat(graph.revisions()).extracting(Revision::id).containsExactly("v1", "v2", "v3");
        assertThat(graph.revisions()).extracting(r -> r.getClass().getSimpleName())
                .containsExactly("V1Counter", "V2Count", "V3CountAgain");
        assertThat(graph.heads()).containsExactly("v3");
        assertThat(graph.get("v2").message()).isEqualTo("Count once");
    }

    @Test
    void aPackageWithoutRevisionsGivesAnEmptyGraph() {
        RevisionGraph graph = RevisionGraph.scan("dev.retort.migrate.scanned.nothing_here");
        assertThat(graph.isEmpty()).isTrue();
        assertThatThrownBy(() -> new Planner(graph).upgrade(java.util.List.of(), Target.parse("head")))
                .isInstanceOf(MigrationException.class).hasMessageContaining("there are no revisions");
    }

    @Test
    void aRevisionClassThatCannotBeMadeIsNamed() {
        assertThatThrownBy(() -> RevisionGraph.scan("dev.retort.migrate.scanned.broken"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Revision class dev.retort.migrate.scanned.broken.NoDefaultConstructor has no public "
                        + "no-argument constructor; add one that calls super(id, message, revises...).");
    }

    @EachDatabase
    void scannedRevisionsRunInOrder(TestDatabase db) {
        Engine engine = db.engine();
        Migrator migrator = Migrations.scan("dev.retort.migrate.scanned.good").migrator(engine);
        migrator.upgrade("head");
        assertThat(Snapshots.rows(engine, "SELECT n FROM counter")).singleElement()
                .satisfies(r -> assertThat(((Number) r.get("n")).intValue()).isEqualTo(2));
        migrator.downgrade("v1");
        assertThat(Snapshots.rows(engine, "SELECT n FROM counter")).singleElement()
                .satisfies(r -> assertThat(((Number) r.get("n")).intValue()).isZero());
        migrator.downgrade("base");
        assertThat(Snapshots.schema(engine)).isEmpty();
    }
}
