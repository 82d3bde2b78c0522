package dev.retort.migrate.ops;

import java.util.Optional;

/** A database without online DDL forms (SQLite): the statements as rendered, no validation step. */
final class PlainOnlineForms implements OnlineForms {
    static final PlainOnlineForms INSTANCE = new PlainOnlineForms();

    @Override
    public String createIndex(String sql, OnlineSettings settings) {
        return sql;
    }

    @Override
    public String alterTable(String sql, OnlineSettings settings) {
        return sql;
    }

    @Override
    public String addConstraint(String sql, OnlineSettings settings) {
        return sql;
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
