package dev.retort;

import java.util.List;

/**
 * An error reported by the database or its driver, classified by SQLSTATE and vendor code.
 *
 * <p>Subclasses say what kind of error it was: {@link IntegrityViolationException} (and its
 * unique, foreign-key, not-null and check subclasses), {@link TransientDatabaseException}
 * (serialization failures, deadlocks and lock timeouts, safe to retry as a whole transaction),
 * {@link ConnectionFailureException}, {@link DataException} and {@link ProgrammingException}.
 * A plain {@code DatabaseException} is an error that fits none of them.
 *
 * <p>Each carries the SQL that failed (when a statement was running), the SQLSTATE, the
 * vendor's error code and the number of bound parameters. The parameter values are shown in the
 * message and returned by {@link #parameters()} unless the engine hides them.
 * The driver's {@link java.sql.SQLException} is kept as the cause.
 */
public class DatabaseException extends RetortException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_SQL_IN_MESSAGE = 2000;

    private final String sql;
    private final String sqlState;
    private final int vendorCode;
    private final int parameterCount;
    private final transient List<Object> parameters;

    /**
     * Creates the exception.
     *
     * @param summary what kind of error this is, e.g. "Unique constraint violated"
     * @param context the failing statement, its parameters and the database's codes
     * @param cause the driver's exception
     */
    public DatabaseException(String summary, ErrorContext context, Throwable cause) {
        super(message(summary, context), cause);
        this.sql = context.sql();
        this.sqlState = context.sqlState();
        this.vendorCode = context.vendorCode();
        this.parameterCount = context.parameterCount();
        this.parameters = context.parametersHidden() ? null : context.parameters();
    }

    /** @return the SQL that failed, or {@code null} when no statement was running */
    public String sql() {
        return sql;
    }

    /** @return the five-character SQLSTATE, or {@code null} when the driver gave none */
    public String sqlState() {
        return sqlState;
    }

    /** @return the database vendor's error code (0 when the driver gave none) */
    public int vendorCode() {
        return vendorCode;
    }

    /** @return how many parameters were bound to the failing statement */
    public int parameterCount() {
        return parameterCount;
    }

    /**
     * The parameter values bound to the failing statement, in order.
     *
     * @return the values, or an empty list when the engine hides parameter values
     */
    public List<Object> parameters() {
        return parameters == null ? List.of() : parameters;
    }

    /**
     * Whether running the whole transaction again may succeed. True for serialization
     * failures, deadlocks and lock timeouts.
     *
     * @return {@code true} if the transaction can be retried
     */
    public boolean isRetryable() {
        return false;
    }

    private static String message(String summary, ErrorContext c) {
        StringBuilder m = new StringBuilder(summary);
        if (c.databaseMessage() != null && !c.databaseMessage().isBlank()) {
            m.append(": ").append(c.databaseMessage().strip());
        }
        m.append(" [SQLSTATE ").append(c.sqlState() == null ? "none" : c.sqlState())
                .append(", vendor code ").append(c.vendorCode()).append(']');
        if (c.sql() != null) {
            String s = c.sql();
            if (s.length() > MAX_SQL_IN_MESSAGE) {
                s = s.substring(0, MAX_SQL_IN_MESSAGE) + "... (" + c.sql().length() + " characters)";
            }
            m.append("\nSQL: ").append(s);
            m.append("\nParameters (").append(c.parameterCount()).append(")");
            if (c.batchSize() > 1) {
                m.append(", batch of ").append(c.batchSize()).append(" sets");
            }
            if (c.parameterCount() > 0) {
                if (c.parametersHidden()) {
                    m.append(": hidden by the engine's hideParameters option");
                } else {
                    m.append(c.batchSize() > 1 ? ", first set: " : ": ").append(ErrorContext.render(c.parameters()));
                }
            }
        }
        return m.toString();
    }
}
