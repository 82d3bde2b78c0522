package dev.retort.dialect;

/**
 * What kind of error a {@link java.sql.SQLException} reports, as a dialect classifies it from
 * SQLSTATE, vendor code or message. The engine turns each category into its exception class.
 */
public enum ErrorCategory {
    /** Duplicate key in a primary key or unique constraint. */
    UNIQUE_VIOLATION,
    /** A foreign key constraint failed. */
    FOREIGN_KEY_VIOLATION,
    /** NULL written to a NOT NULL column. */
    NOT_NULL_VIOLATION,
    /** A CHECK constraint failed. */
    CHECK_VIOLATION,
    /** Another integrity constraint failed. */
    INTEGRITY_VIOLATION,
    /** The transaction could not be serialized; retry it. */
    SERIALIZATION_FAILURE,
    /** The transaction was a deadlock victim; retry it. */
    DEADLOCK,
    /** A lock could not be acquired in time; retry the transaction. */
    LOCK_TIMEOUT,
    /** The connection failed or was closed by the server. */
    CONNECTION_FAILURE,
    /** A value was invalid: too long, out of range, badly formatted. */
    DATA_ERROR,
    /** The SQL is wrong: syntax, unknown object, privileges. */
    PROGRAMMING_ERROR,
    /** None of the above. */
    OTHER
}
