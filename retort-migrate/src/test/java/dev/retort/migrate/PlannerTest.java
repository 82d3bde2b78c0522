package dev.retort.migrate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which revisions a target applies or undoes, and the heads the version table names after each. */
class PlannerTest {
    private static final RevisionGraph LINEAR = RevisionGraph.of(Rev.empty("a"), Rev.empty("b", "a"), Rev.empty("c", "b"));
    private static final RevisionGraph BRANCHED = RevisionGraph.of(Rev.empty("a"), Rev.empty("b1", "a"),
            Rev.empty("b2", "a"));
    private static final RevisionGraph MERGED = RevisionGraph.of(Rev.empty("a"), Rev.empty("b1", "a"),
            Rev.empty("b2", "a"), Rev.empty("m", "b1", "b2"));

    /** Each step as {@code direction id [before] -> [after]}. */
    private static List<String> describe(List<Step> steps) {
        return steps.stream().map(s -> s.direction() + " " + s.revision().id() + " " + s.headsBefore() + " -> "
                + s.headsAfter()).toList();
    }

    @Test
    void upgradeAndDowngradeAlongALine() {
        Planner p = new Planner(LINEAR);
        assertThat(describe(p.upgrade(List.of(), Target.parse("head")))).containsExactly(
                "upgrade a [] -> [a]", "upgrade b [a] -> [b]", "upgrade c [b] -> [c]");
        assertThat(describe(p.upgrade(List.of("a"), Target.parse("+1")))).containsExactly("upgrade b [a] -> [b]");
        assertThat(describe(p.upgrade(List.of(), Target.parse("b")))).containsExactly(
                "upgrade a [] -> [a]", "upgrade b [a] -> [b]");
        assertThat(p.upgrade(List.of("c"), Target.parse("head"))).isEmpty();
        assertThat(p.upgrade(List.of("c"), Target.parse("a"))).isEmpty();
        assertThat(describe(p.downgrade(List.of("c"), Target.parse("-2")))).containsExactly(
                "downgrade c [c] -> [b]", "downgrade b [b] -> [a]");
        assertThat(describe(p.downgrade(List.of("c"), Target.parse("a")))).containsExactly(
                "downgrade c [c] -> [b]", "downgrade b [b] -> [a]");
        assertThat(describe(p.downgrade(List.of("b"), Target.parse("base")))).containsExactly(
                "downgrade b [b] -> [a]", "downgrade a [a] -> []");
    }

    @Test
    void branchesAreAppliedSideBySideAndMergedIntoOneHead() {
        Planner branched = new Planner(BRANCHED);
        assertThat(describe(branched.upgrade(List.of(), Target.parse("heads")))).containsExactly(
                "upgrade a [] -> [a]", "upgrade b1 [a] -> [b1]", "upgrade b2 [b1] -> [b1, b2]");
        assertThat(describe(branched.upgrade(List.of("a"), Target.parse("b2")))).containsExactly(
                "upgrade b2 [a] -> [b2]");
        Planner merged = new Planner(MERGED);
        assertThat(describe(merged.upgrade(List.of("b1", "b2"), Target.parse("head")))).containsExactly(
                "upgrade m [b1, b2] -> [m]");
        assertThat(describe(merged.upgrade(List.of("b1"), Target.parse("head")))).containsExactly(
                "upgrade b2 [b1] -> [b1, b2]", "upgrade m [b1, b2] -> [m]");
        assertThat(describe(merged.downgrade(List.of("m"), Target.parse("b1")))).containsExactly(
                "downgrade m [m] -> [b1, b2]");
        assertThat(describe(merged.downgrade(List.of("m"), Target.parse("a")))).containsExactly(
                "downgrade m [m] -> [b1, b2]", "downgrade b2 [b1, b2] -> [b1]", "downgrade b1 [b1] -> [a]");
    }

    @Test
    void aPlainUpgradeWithTwoHeadsNamesThemAndSaysToMerge() {
        Planner p = new Planner(BRANCHED);
        assertThatThrownBy(() -> p.upgrade(List.of("a"), Target.parse("head")))
                .isInstanceOf(MultipleHeadsException.class)
                .hasMessage("upgrade head is ambiguous: the revisions have 2 heads, b1 (test revision b1), "
                        + "b2 (test revision b2), branches that no merge revision joins. Write a merge revision that "
                        + "revises b1 and b2, or name one of them as the target (or 'heads' for all).")
                .extracting(e -> ((MultipleHeadsException) e).heads()).isEqualTo(List.of("b1", "b2"));
        assertThatThrownBy(() -> p.upgrade(List.of(), Target.parse("+1"))).isInstanceOf(MultipleHeadsException.class);
        assertThatThrownBy(() -> p.downgrade(List.of("b1", "b2"), Target.parse("-1")))
                .isInstanceOf(MultipleHeadsException.class).hasMessageContaining("[b1, b2]")
                .hasMessageContaining("Downgrade to a revision id instead");
    }

    @Test
    void badTargetsSayWhatWouldWork() {
        Planner p = new Planner(LINEAR);
        assertThatThrownBy(() -> p.upgrade(List.of(), Target.parse("zz"))).isInstanceOf(UnknownRevisionException.class)
                .hasMessageContaining("'zz'").hasMessageContaining("[a, b, c]");
        assertThatThrownBy(() -> p.upgrade(List.of(), Target.parse("+4"))).hasMessage(
                "Cannot upgrade +4: only 3 revision(s) are not applied yet [a, b, c]. Use upgrade head.");
        assertThatThrownBy(() -> p.upgrade(List.of(), Target.parse("-1"))).hasMessageContaining("use downgrade -1");
        assertThatThrownBy(() -> p.upgrade(List.of(), Target.parse("base"))).hasMessageContaining("downgrade base");
        assertThatThrownBy(() -> p.downgrade(List.of("a"), Target.parse("c"))).hasMessage("Cannot downgrade to c: it "
                + "is not applied; the database is at [a]. Downgrade to an applied revision, -n or base, or upgrade to c.");
        assertThatThrownBy(() -> p.downgrade(List.of("a"), Target.parse("head")))
                .hasMessageContaining("downgrade goes to a revision id, -n or base");
        assertThatThrownBy(() -> Target.parse("+0")).isInstanceOf(MigrationException.class).hasMessageContaining("no step");
        assertThatThrownBy(() -> p.upgrade(List.of("x9"), Target.parse("head")))
                .isInstanceOf(UnknownRevisionException.class)
                .hasMessageContaining("The version table names revision x9").hasMessageContaining("newer code");
    }

    @Test
    void stampTargets() {
        assertThat(new Planner(BRANCHED).stamp(Target.parse("heads"))).containsExactly("b1", "b2");
        assertThat(new Planner(LINEAR).stamp(Target.parse("base"))).isEmpty();
        assertThat(new Planner(LINEAR).stamp(Target.parse("b"))).containsExactly("b");
        assertThatThrownBy(() -> new Planner(LINEAR).stamp(Target.parse("+1"))).hasMessageContaining("stamp takes");
    }
}
