package dev.retort.dialect;

import dev.retort.dialect.postgresql.PostgresDialect;
import dev.retort.sql.Executable;
import dev.retort.sql.StatementFormatter;

/**
 * Renders statements for {@code toString()} with the PostgreSQL dialect, the closest to standard
 * SQL, placeholders included. Registered as the {@link StatementFormatter} service.
 */
public final class DefaultStatementFormatter implements StatementFormatter {
    private static final Dialect DIALECT = new PostgresDialect();

    /** Created by {@link java.util.ServiceLoader}. */
    public DefaultStatementFormatter() {
    }

    @Override
    public String format(Executable statement) {
        return DIALECT.compile(statement).sql();
    }
}
