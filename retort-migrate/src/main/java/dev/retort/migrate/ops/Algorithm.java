package dev.retort.migrate.ops;

/**
 * The {@code ALGORITHM=} clause MariaDB and MySQL take on ALTER TABLE and CREATE INDEX: naming it
 * makes the server refuse a change it cannot make that way, instead of silently copying the
 * table. Other databases render nothing for it.
 */
public enum Algorithm {
    /** Metadata only; the server refuses anything that would touch the rows. */
    INSTANT,
    /** No copy of the table to a new one; may rebuild it in place (MariaDB: {@code NOCOPY} forbids that too). */
    INPLACE,
    /** Neither a copy nor an in-place rebuild of the clustered index (MariaDB 10.3+). */
    NOCOPY,
    /** A copy of the table, as the server would choose anyway when nothing else works. */
    COPY
}
