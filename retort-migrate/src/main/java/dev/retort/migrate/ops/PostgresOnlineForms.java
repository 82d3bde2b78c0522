package dev.retort.migrate.ops;

import java.util.Optional;

/**
 * PostgreSQL's online forms: {@code CREATE [UNIQUE] INDEX CONCURRENTLY} (outside a transaction),
 * {@code ADD CONSTRAINT ... NOT VALID} and {@code VALIDATE CONSTRAINT}. ALGORITHM and LOCK
 * clauses are MariaDB's and render nothing here.
 */
final class PostgresOnlineForms implements OnlineForms {
    private static final String UNIQUE = "CREATE UNIQUE INDEX ";
    private static final String PLAIN = "CREATE INDEX ";

    @Override
    public String createIndex(String sql, OnlineSettings settings) {
        if (!settings.concurrently) {
            return sql;
        }
        String prefix = sql.startsWith(UNIQUE) ? UNIQUE : PLAIN;
        if (!sql.startsWith(prefix)) {
            throw new IllegalStateException("Not a CREATE INDEX statement: " + sql);
        }
        return prefix + "CONCURRENTLY " + sql.substring(prefix.length());
    }

    @Override
    public String alterTable(String sql, OnlineSettings settings) {
        return sql;
    }

    @Override
    public String addConstraint(String sql, OnlineSettings settings) {
        return settings.notValid ? sql + " NOT VALID" : sql;
    }

    @Override
    public Optional<String> validateConstraint(String quotedTable, String quotedName) {
        return Optional.of("ALTER TABLE " + quotedTable + " VALIDATE CONSTRAINT " + quotedName);
    }

    @Override
    public boolean needsNoTransaction(OnlineSettings settings) {
        return settings.concurrently;
    }
}
