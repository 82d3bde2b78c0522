package dev.retort.migrate.lint;

import dev.retort.migrate.ops.ChangeKind;
import dev.retort.migrate.ops.PlannedChange;

import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * One rule of a dialect's table ({@link DialectRules}): the kind of change it judges, when it
 * applies, the lock and rewrite it reports, and its words.
 *
 * @param id the rule's id, e.g. {@code pg-create-index}
 * @param kind the kind of change it judges
 * @param applies whether it applies to a change, given what the range did before it
 * @param lock the lock, in the database's words
 * @param rewrite what happens to the rows
 * @param severity how much it matters
 * @param message what happens, from the change
 * @param alternative the online way, from the change
 */
public record LintRule(String id, ChangeKind kind, BiPredicate<PlannedChange, LintState> applies, String lock,
                       Rewrite rewrite, Severity severity, Function<PlannedChange, String> message,
                       Function<PlannedChange, String> alternative) {

    /**
     * Requires every field.
     *
     * @param id the rule's id, e.g. {@code pg-create-index}
     * @param kind the kind of change it judges
     * @param applies whether it applies to a change, given what the range did before it
     * @param lock the lock, in the database's words
     * @param rewrite what happens to the rows
     * @param severity how much it matters
     * @param message what happens, from the change
     * @param alternative the online way, from the change
     */
    public LintRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(applies, "applies");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(rewrite, "rewrite");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(alternative, "alternative");
    }

    /**
     * The finding this rule makes of a change, if it applies.
     *
     * @param change the change
     * @param state what the range did before it
     * @param revision the revision's id
     * @param dialect the dialect's name
     * @return the finding, or {@code null} when the rule does not apply
     */
    LintFinding judge(PlannedChange change, LintState state, String revision, String dialect) {
        if (change.kind() != kind || !applies.test(change, state)) {
            return null;
        }
        return new LintFinding(revision, change.operation(), dialect, id, lock, rewrite, severity,
                message.apply(change), alternative.apply(change));
    }
}
