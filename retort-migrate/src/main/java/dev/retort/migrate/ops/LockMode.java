package dev.retort.migrate.ops;

/**
 * The {@code LOCK=} clause MariaDB and MySQL take on ALTER TABLE and CREATE INDEX: the weakest
 * lock the change may take; the server refuses a change that needs a stronger one. Other
 * databases render nothing for it.
 */
public enum LockMode {
    /** Reads and writes continue during the change. */
    NONE,
    /** Reads continue; writes wait. */
    SHARED,
    /** Reads and writes wait. */
    EXCLUSIVE
}
