package dev.retort.dialect;

/**
 * Features that some databases, or some server versions, have and others lack. Ask
 * {@link Dialect#supports(Capability)}; tests skip by capability, not by database name.
 */
public enum Capability {
    /** SAVEPOINT, RELEASE SAVEPOINT and ROLLBACK TO SAVEPOINT. */
    SAVEPOINTS,
    /** INSERT ... RETURNING (PostgreSQL, SQLite 3.35+, MariaDB 10.5+). */
    INSERT_RETURNING,
    /** UPDATE ... RETURNING (PostgreSQL, SQLite 3.35+; not MariaDB). */
    UPDATE_RETURNING,
    /** DELETE ... RETURNING (PostgreSQL, SQLite 3.35+, MariaDB 10.0+). */
    DELETE_RETURNING,
    /** Row-level locks: concurrent transactions writing different rows do not block each other. */
    ROW_LOCKING,
    /** DDL statements take part in transactions and roll back (PostgreSQL, SQLite). */
    TRANSACTIONAL_DDL,
    /** VARCHAR(n) lengths are enforced (SQLite stores any length). */
    ENFORCED_STRING_LENGTH,
    /** The database runs as a separate server whose sessions can be killed (not embedded SQLite). */
    SERVER_SESSIONS,
    /** Indexes with a WHERE condition (PostgreSQL, SQLite). */
    PARTIAL_INDEXES,
    /** Indexes over expressions (PostgreSQL, SQLite). */
    EXPRESSION_INDEXES,
    /** CREATE SEQUENCE (PostgreSQL, MariaDB 10.3+). */
    SEQUENCES,
    /** DEFERRABLE foreign keys (PostgreSQL, SQLite). */
    DEFERRABLE_CONSTRAINTS,
    /** DEFERRABLE unique constraints, checked at COMMIT (PostgreSQL). */
    DEFERRABLE_UNIQUE,
    /** ALTER TABLE ... ADD CONSTRAINT (not SQLite). */
    ALTER_ADD_CONSTRAINT,
    /** ALTER TABLE changes a column's type, nullability or default in place (not SQLite, which rebuilds the table). */
    ALTER_COLUMN,
    /** ALTER TABLE ... DROP COLUMN (PostgreSQL, MariaDB, SQLite 3.35+). */
    ALTER_DROP_COLUMN,
    /** ALTER TABLE ... RENAME COLUMN (PostgreSQL, SQLite 3.25+, MariaDB 10.5+, MySQL 8.0+). */
    ALTER_RENAME_COLUMN,
    /** Table and column comments stored in the catalog (PostgreSQL, MariaDB). */
    COMMENTS,
    /** Named enum types created with CREATE TYPE (PostgreSQL). */
    NAMED_ENUM_TYPES,
    /** ARRAY columns (PostgreSQL). */
    ARRAYS,
    /** FULL OUTER JOIN (PostgreSQL, SQLite 3.39+). */
    FULL_OUTER_JOIN,
    /** UPDATE reading other tables (PostgreSQL, SQLite 3.33+, MariaDB's multi-table UPDATE). */
    UPDATE_FROM,
    /** DELETE reading other tables (PostgreSQL USING, MariaDB's multi-table DELETE). */
    DELETE_USING,
    /** LATERAL subqueries in FROM (PostgreSQL). */
    LATERAL,
    /** WITH before INSERT, UPDATE and DELETE (PostgreSQL, SQLite). */
    CTE_BEFORE_DML
}
