package dev.retort.dialect.postgresql;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.DialectProvider;

import java.util.Set;

/** Serves the {@code postgresql} and {@code postgres} URL schemes. */
public final class PostgresDialectProvider implements DialectProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public PostgresDialectProvider() {
    }

    @Override
    public Set<String> schemes() {
        return Set.of("postgresql", "postgres");
    }

    @Override
    public Dialect create(String scheme) {
        return new PostgresDialect();
    }
}
