package dev.retort;

import java.sql.Connection;

/**
 * The SQL transaction isolation levels. Set one for a whole engine
 * ({@code EngineOptions.Builder.isolationLevel}), for one connection, or for one transaction.
 *
 * <p>Not every database offers every level: SQLite has only {@link #SERIALIZABLE} and
 * {@link #READ_UNCOMMITTED} (the latter only with a shared cache). Asking a dialect for a level
 * it lacks fails with a {@link ConfigurationException}.
 */
public enum IsolationLevel {
    /** Dirty reads allowed. */
    READ_UNCOMMITTED(Connection.TRANSACTION_READ_UNCOMMITTED, "READ UNCOMMITTED"),
    /** Each statement sees data committed before it began (PostgreSQL's default). */
    READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED, "READ COMMITTED"),
    /** The transaction sees one snapshot (MariaDB's default). */
    REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ, "REPEATABLE READ"),
    /** Transactions behave as if run one after another; conflicts fail with a retryable error. */
    SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE, "SERIALIZABLE");

    private final int jdbcLevel;
    private final String sqlName;

    IsolationLevel(int jdbcLevel, String sqlName) {
        this.jdbcLevel = jdbcLevel;
        this.sqlName = sqlName;
    }

    /** @return the {@code java.sql.Connection.TRANSACTION_*} constant */
    public int jdbcLevel() {
        return jdbcLevel;
    }

    /** @return the level as SQL spells it, e.g. {@code READ COMMITTED} */
    public String sqlName() {
        return sqlName;
    }

    /**
     * Finds the level for a name as databases report it: {@code "read committed"},
     * {@code "REPEATABLE-READ"} (MariaDB) or {@code "SERIALIZABLE"}.
     *
     * @param name the reported name
     * @return the level
     * @throws IllegalArgumentException if the name is no isolation level
     */
    public static IsolationLevel fromName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("Unknown isolation level null");
        }
        String n = name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', ' ').replace('_', ' ');
        for (IsolationLevel l : values()) {
            if (l.sqlName.equals(n)) {
                return l;
            }
        }
        throw new IllegalArgumentException("Unknown isolation level '" + name + "'");
    }

    /**
     * Finds the level for a JDBC constant.
     *
     * @param jdbcLevel a {@code java.sql.Connection.TRANSACTION_*} constant
     * @return the level
     * @throws IllegalArgumentException for {@code TRANSACTION_NONE} or an unknown value
     */
    public static IsolationLevel fromJdbc(int jdbcLevel) {
        for (IsolationLevel l : values()) {
            if (l.jdbcLevel == jdbcLevel) {
                return l;
            }
        }
        throw new IllegalArgumentException("Unknown JDBC isolation level " + jdbcLevel);
    }
}
