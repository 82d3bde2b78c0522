package dev.retort.sql;

import java.util.List;

/**
 * A row-locking clause: {@code FOR UPDATE | FOR SHARE [OF tables] [NOWAIT | SKIP LOCKED]}.
 *
 * @param share FOR SHARE rather than FOR UPDATE
 * @param of the tables whose rows are locked (PostgreSQL); empty for all
 * @param waitPolicy what to do with rows locked by others
 */
public record Lock(boolean share, List<TableReference> of, Wait waitPolicy) {

    /** What to do with rows another transaction has locked. */
    public enum Wait {
        /** Wait for them. */
        WAIT,
        /** Fail at once (NOWAIT). */
        NOWAIT,
        /** Leave them out of the result (SKIP LOCKED). */
        SKIP_LOCKED
    }

    /** Copies the tables. */
    public Lock {
        of = List.copyOf(of);
    }
}
