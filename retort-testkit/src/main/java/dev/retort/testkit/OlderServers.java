package dev.retort.testkit;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.ServerVersion;
import dev.retort.dialect.mysql.MariaDbDialect;
import dev.retort.dialect.sqlite.SqliteDialect;

/**
 * Dialects pinned to server versions older than the ones the tests run on, to test the paths a
 * newer server does not take: MariaDB 10.4 and SQLite 3.34 have no INSERT ... RETURNING. Use them
 * with {@link TestDatabase#engine(Dialect)}.
 */
public final class OlderServers {
    private OlderServers() {
    }

    /**
     * A dialect of the database at a version without INSERT ... RETURNING, kept whatever version
     * the server reports.
     *
     * @param kind {@link DatabaseKind#MARIADB}, {@link DatabaseKind#SQLITE_FILE} or {@link DatabaseKind#SQLITE_MEMORY}
     * @return the pinned dialect
     * @throws IllegalArgumentException for PostgreSQL, which has always had it
     */
    public static Dialect withoutReturning(DatabaseKind kind) {
        return switch (kind) {
            case MARIADB -> new MariaDbDialect(ServerVersion.parse("10.4.3-MariaDB")) {
                @Override
                public Dialect forServer(String productName, String productVersion) {
                    return this;
                }
            };
            case SQLITE_FILE, SQLITE_MEMORY -> new SqliteDialect(ServerVersion.parse("3.34.1")) {
                @Override
                public Dialect forServer(String productName, String productVersion) {
                    return this;
                }
            };
            default -> throw new IllegalArgumentException(kind + " always has INSERT ... RETURNING");
        };
    }
}
