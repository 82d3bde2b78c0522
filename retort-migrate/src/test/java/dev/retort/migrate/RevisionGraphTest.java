package dev.retort.migrate;

import dev.retort.migrate.ops.Operations;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.retort.migrate.Rev.after;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The revision graph: order, heads, branches, merges, and the mistakes it refuses. */
class RevisionGraphTest {

    /** A second class, so that duplicate ids name two classes. */
    public static final class OtherRevision extends Revision {
        public OtherRevision() {
            super("a", "another a");
        }

        @Override
        public void upgrade(Operations ops) {
        }

        @Override
        public void downgrade(Operations ops) {
        }
    }

    private static List<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).toList();
    }

    @Test
    void linearHistoryComesInUpgradeOrderWhateverTheInputOrder() {
        RevisionGraph g = RevisionGraph.of(Rev.empty("c", "b"), Rev.empty("a"), Rev.empty("b", "a"));
        assertThat(ids(g.revisions())).containsExactly("a", "b", "c");
        assertThat(g.heads()).containsExactly("c");
        assertThat(g.bases()).containsExactly("a");
        assertThat(g.lineage(List.of("b"))).containsExactlyInAnyOrder("a", "b");
        assertThat(g.descendants("a")).containsExactlyInAnyOrder("b", "c");
        assertThat(g.get("b").revises()).containsExactly("a");
        assertThat(g.get("a").isBase()).isTrue();
    }

    @Test
    void branchesHaveSeveralHeadsUntilAMergeJoinsThem() {
        RevisionGraph branched = RevisionGraph.of(Rev.empty("a"), Rev.empty("b1", "a"), Rev.empty("b2", "a"));
        assertThat(branched.heads()).containsExactly("b1", "b2");
        RevisionGraph merged = RevisionGraph.of(Rev.empty("a"), Rev.empty("b1", "a"), Rev.empty("b2", "a"),
                Rev.empty("m", "b1", "b2"));
        assertThat(merged.heads()).containsExactly("m");
        assertThat(merged.get("m").isMerge()).isTrue();
        assertThat(ids(merged.revisions())).containsExactly("a", "b1", "b2", "m");
        assertThat(merged.inUpgradeOrder(List.of("m", "a", "b2"))).containsExactly("a", "b2", "m");
    }

    @Test
    void duplicateIdsNameBothClasses() {
        assertThatThrownBy(() -> RevisionGraph.of(Rev.empty("a"), new OtherRevision()))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("Two revisions have the id a")
                .hasMessageContaining(Rev.class.getName()).hasMessageContaining(OtherRevision.class.getName())
                .hasMessageContaining("another id");
    }

    @Test
    void aParentNoRevisionHasIsNamed() {
        assertThatThrownBy(() -> RevisionGraph.of(Rev.empty("a"), Rev.empty("b", "zz")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("Revision b (" + Rev.class.getName() + ") revises zz, which no revision has; the revisions "
                        + "are [a, b]. Fix the id, or add the missing revision.");
    }

    @Test
    void aCycleIsShownAsAPath() {
        assertThatThrownBy(() -> RevisionGraph.of(Rev.empty("root"), Rev.empty("a", "c"), Rev.empty("b", "a"),
                Rev.empty("c", "b", "root")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageStartingWith("The revisions form a cycle: a -> c -> b -> a (each revises the one after it).");
    }

    @Test
    void malformedIdsAndParentsAreRefusedWhenTheRevisionIsMade() {
        assertThatThrownBy(() -> Rev.empty("has space")).isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("'has space'").hasMessageContaining("1 to 64 letters");
        assertThatThrownBy(() -> Rev.empty("head")).isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("read as targets");
        assertThatThrownBy(() -> Rev.empty("-1")).isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("read as targets");
        assertThatThrownBy(() -> Rev.empty("a", "a")).isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("revises itself");
        assertThatThrownBy(() -> Rev.of("b", after("a", "a"), o -> { }, o -> { }))
                .isInstanceOf(RevisionGraphException.class).hasMessageContaining("revises a twice");
    }

    @Test
    void unknownIdsListTheKnownOnes() {
        RevisionGraph g = RevisionGraph.of(Rev.empty("a"), Rev.empty("b", "a"));
        assertThatThrownBy(() -> g.get("nope")).isInstanceOf(UnknownRevisionException.class)
                .hasMessage("No revision has the id 'nope'; the revisions are [a, b]. Use one of them (history() "
                        + "lists them), or head, base, +n or -n.")
                .extracting(e -> ((UnknownRevisionException) e).revision()).isEqualTo("nope");
    }
}
