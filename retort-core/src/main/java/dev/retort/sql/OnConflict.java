package dev.retort.sql;

import java.util.List;

/**
 * What an INSERT does when a row would break a unique constraint: nothing, or update the existing
 * row. PostgreSQL and SQLite render {@code ON CONFLICT (target) DO NOTHING | DO UPDATE SET ...
 * [WHERE ...]}; MariaDB renders {@code ON DUPLICATE KEY UPDATE ...}, which reacts to any unique
 * key (the target columns are not part of its syntax) and has no WHERE.
 *
 * @param target the columns of the unique constraint that decides a conflict
 * @param assignments the updates, empty for DO NOTHING
 * @param where a condition on the existing row for the update, or {@code null}
 */
public record OnConflict(List<ColumnReference<?>> target, List<Update.Assignment> assignments, Predicate where) {
    /** Copies the lists. */
    public OnConflict {
        target = List.copyOf(target);
        assignments = List.copyOf(assignments);
    }

    /** @return whether a conflicting row is left as it is */
    public boolean doNothing() {
        return assignments.isEmpty();
    }
}
