package dev.retort.dialect.mysql;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.DialectProvider;

import java.util.Set;

/** Serves the {@code mysql} and {@code mariadb} URL schemes. */
public final class MysqlDialectProvider implements DialectProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public MysqlDialectProvider() {
    }

    @Override
    public Set<String> schemes() {
        return Set.of("mysql", "mariadb");
    }

    @Override
    public Dialect create(String scheme) {
        return "mariadb".equals(scheme) ? new MariaDbDialect() : new MysqlDialect();
    }
}
