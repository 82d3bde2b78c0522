package dev.retort.engine;

import dev.retort.CheckViolationException;
import dev.retort.ConnectionFailureException;
import dev.retort.DataException;
import dev.retort.DatabaseException;
import dev.retort.DeadlockException;
import dev.retort.ErrorContext;
import dev.retort.ForeignKeyViolationException;
import dev.retort.IntegrityViolationException;
import dev.retort.LockTimeoutException;
import dev.retort.NotNullViolationException;
import dev.retort.ProgrammingException;
import dev.retort.SerializationFailureException;
import dev.retort.UniqueViolationException;
import dev.retort.dialect.Dialect;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.List;

/** Turns a driver's {@link SQLException} into the {@link DatabaseException} subclass its dialect classifies. */
final class ErrorTranslator {
    private ErrorTranslator() {
    }

    static DatabaseException translate(Dialect dialect, SQLException e, String sql, List<Object> parameters,
                                       int batchSize, boolean hideParameters) {
        SQLException cause = mostSpecific(e);
        ErrorContext ctx = new ErrorContext(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), sql,
                parameters, parameters.size(), batchSize, hideParameters);
        return switch (dialect.classify(cause)) {
            case UNIQUE_VIOLATION -> new UniqueViolationException("Unique constraint violated", ctx, e);
            case FOREIGN_KEY_VIOLATION -> new ForeignKeyViolationException("Foreign key constraint violated", ctx, e);
            case NOT_NULL_VIOLATION -> new NotNullViolationException("NOT NULL constraint violated", ctx, e);
            case CHECK_VIOLATION -> new CheckViolationException("CHECK constraint violated", ctx, e);
            case INTEGRITY_VIOLATION -> new IntegrityViolationException("Integrity constraint violated", ctx, e);
            case SERIALIZATION_FAILURE -> new SerializationFailureException(
                    "Serialization failure; run the transaction again", ctx, e);
            case DEADLOCK -> new DeadlockException("Deadlock; this transaction was rolled back, run it again", ctx, e);
            case LOCK_TIMEOUT -> new LockTimeoutException("Timed out waiting for a lock", ctx, e);
            case CONNECTION_FAILURE -> new ConnectionFailureException("Connection failure", ctx, e);
            case DATA_ERROR -> new DataException("Invalid data", ctx, e);
            case PROGRAMMING_ERROR -> new ProgrammingException("SQL error (syntax, unknown object or privilege)", ctx, e);
            case OTHER -> new DatabaseException("Database error", ctx, e);
        };
    }

    /** A batch failure often wraps the real error as its next exception (PostgreSQL). */
    private static SQLException mostSpecific(SQLException e) {
        if (e instanceof BatchUpdateException && e.getNextException() != null) {
            return e.getNextException();
        }
        if (e.getSQLState() == null && e.getCause() instanceof SQLException inner) {
            return inner;
        }
        return e;
    }
}
