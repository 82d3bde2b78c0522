package dev.retort.migrate.ops;

import dev.retort.schema.ServerDefault;
import dev.retort.types.SqlType;

import java.util.Objects;

/**
 * One schema change a recorded operation makes on a dialect, described without running it: what
 * {@code lint} judges. An operation makes one or more (a batch one per change, plus
 * {@link ChangeKind#REBUILD_TABLE} where the dialect rebuilds the table).
 *
 * @param kind what the change does
 * @param table the table changed, or {@code null} (enum types, raw SQL)
 * @param name the column, index or constraint changed, or {@code null}
 * @param type a new or added column's type, or {@code null}
 * @param existingType the column's type before the change, when the revision says it ({@code existingType(...)}), else {@code null}
 * @param serverDefault an added column's server default, or {@code null}
 * @param autoincrement whether an added column is filled by an identity or sequence
 * @param condition a CHECK constraint's condition, or {@code null}
 * @param concurrently whether the index is built CONCURRENTLY
 * @param notValid whether the constraint is added NOT VALID
 * @param algorithm the ALGORITHM clause asked for, or {@code null}
 * @param lock the LOCK clause asked for, or {@code null}
 * @param operation the recorded operation in words, e.g. {@code create index ix on orders}
 */
public record PlannedChange(ChangeKind kind, String table, String name, SqlType<?> type, SqlType<?> existingType,
                            ServerDefault serverDefault, boolean autoincrement, String condition, boolean concurrently,
                            boolean notValid, Algorithm algorithm, LockMode lock, String operation) {

    /**
     * Requires the kind and the operation.
     *
     * @param kind what the change does
     * @param table the table changed, or {@code null} (enum types, raw SQL)
     * @param name the column, index or constraint changed, or {@code null}
     * @param type a new or added column's type, or {@code null}
     * @param existingType the column's type before the change, when the revision says it ({@code existingType(...)}), else {@code null}
     * @param serverDefault an added column's server default, or {@code null}
     * @param autoincrement whether an added column is filled by an identity or sequence
     * @param condition a CHECK constraint's condition, or {@code null}
     * @param concurrently whether the index is built CONCURRENTLY
     * @param notValid whether the constraint is added NOT VALID
     * @param algorithm the ALGORITHM clause asked for, or {@code null}
     * @param lock the LOCK clause asked for, or {@code null}
     * @param operation the recorded operation in words, e.g. {@code create index ix on orders}
     */
    public PlannedChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(operation, "operation");
    }

    /** A change with no details beyond its kind, table and name. */
    static PlannedChange of(ChangeKind kind, String table, String name, String operation) {
        return new PlannedChange(kind, table, name, null, null, null, false, null, false, false, null, null, operation);
    }

    /** This change with the online settings of its operation. */
    PlannedChange with(OnlineSettings s) {
        return new PlannedChange(kind, table, name, type, existingType, serverDefault, autoincrement, condition,
                s.concurrently, s.notValid, s.algorithm, s.lock, operation);
    }

    /** This change named as part of another operation (a batch). */
    PlannedChange in(String op) {
        return new PlannedChange(kind, table, name, type, existingType, serverDefault, autoincrement, condition,
                concurrently, notValid, algorithm, lock, op);
    }
}
