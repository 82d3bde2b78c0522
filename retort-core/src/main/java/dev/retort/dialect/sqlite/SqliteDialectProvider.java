package dev.retort.dialect.sqlite;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.DialectProvider;

import java.util.Set;

/** Serves the {@code sqlite} URL scheme. */
public final class SqliteDialectProvider implements DialectProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public SqliteDialectProvider() {
    }

    @Override
    public Set<String> schemes() {
        return Set.of("sqlite");
    }

    @Override
    public Dialect create(String scheme) {
        return new SqliteDialect();
    }
}
