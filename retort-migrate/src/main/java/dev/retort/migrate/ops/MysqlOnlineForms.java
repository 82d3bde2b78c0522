package dev.retort.migrate.ops;

import java.util.Optional;

/**
 * MariaDB's and MySQL's online forms: {@code ALGORITHM=} and {@code LOCK=} clauses, after the
 * alter specifications of ALTER TABLE ({@code , ALGORITHM=INSTANT}) and at the end of CREATE
 * INDEX ({@code ALGORITHM=INPLACE LOCK=NONE}). NOT VALID and CONCURRENTLY are PostgreSQL's and
 * render nothing here.
 */
final class MysqlOnlineForms implements OnlineForms {

    @Override
    public String createIndex(String sql, OnlineSettings settings) {
        return withClauses(sql, " ", settings);
    }

    @Override
    public String alterTable(String sql, OnlineSettings settings) {
        return withClauses(sql, ", ", settings);
    }

    /** The statement with its ALGORITHM and LOCK clauses, each after the separator its syntax takes. */
    private static String withClauses(String sql, String separator, OnlineSettings settings) {
        StringBuilder b = new StringBuilder(sql);
        if (settings.algorithm != null) {
            b.append(separator).append("ALGORITHM=").append(settings.algorithm);
        }
        if (settings.lock != null) {
            b.append(separator).append("LOCK=").append(settings.lock);
        }
        return b.toString();
    }

    @Override
    public String addConstraint(String sql, OnlineSettings settings) {
        return alterTable(sql, settings);
    }

    @Override
    public Optional<String> validateConstraint(String quotedTable, String quotedName) {
        return Optional.empty();
    }

    @Override
    public boolean needsNoTransaction(OnlineSettings settings) {
        return false;
    }
}
