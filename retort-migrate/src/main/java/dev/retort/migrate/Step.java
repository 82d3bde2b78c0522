package dev.retort.migrate;

import java.util.List;

/**
 * One revision applied or undone, with the heads the version table names before and after it.
 *
 * @param revision the revision
 * @param upgrade {@code true} to apply it, {@code false} to undo it
 * @param headsBefore the applied heads before the step
 * @param headsAfter the applied heads after it
 */
record Step(Revision revision, boolean upgrade, List<String> headsBefore, List<String> headsAfter) {
    Step {
        headsBefore = List.copyOf(headsBefore);
        headsAfter = List.copyOf(headsAfter);
    }

    String direction() {
        return upgrade ? "upgrade" : "downgrade";
    }
}
