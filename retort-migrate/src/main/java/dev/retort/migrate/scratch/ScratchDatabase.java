package dev.retort.migrate.scratch;

import dev.retort.ConfigurationException;
import dev.retort.dialect.DatabaseUrl;
import dev.retort.dialect.Dialects;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * A fresh, empty database made for one job and removed when closed: a temporary file for
 * SQLite, a database of a unique name ({@code retort_scratch_<seconds>_<hex>}) on a PostgreSQL or
 * MariaDB/MySQL server, made through the configured URL's connection (whose user must be allowed
 * to create databases). {@link #close()} removes it, also after a failure.
 *
 * <pre>{@code
 * try (ScratchDatabase scratch = ScratchDatabase.create(url)) {
 *     try (Engine engine = Engine.create(scratch.url())) { ... }
 * }
 * }</pre>
 *
 * Not thread-safe.
 */
public final class ScratchDatabase implements AutoCloseable {
    private static final Map<String, Function<DatabaseUrl, ScratchKind>> KINDS = Map.of(
            "sqlite", url -> new SqliteScratch(),
            "postgresql", ServerScratch::postgres,
            "mariadb", ServerScratch::mysqlFamily,
            "mysql", ServerScratch::mysqlFamily);

    private final ScratchKind kind;
    private final String name;
    private final String url;
    private boolean closed;

    private ScratchDatabase(ScratchKind kind, String name, String url) {
        this.kind = kind;
        this.name = name;
        this.url = url;
    }

    /**
     * Makes a scratch database on the server a URL names (for SQLite: a temporary file).
     *
     * @param serverUrl the configured database URL; its credentials and host are used
     * @return the scratch database
     * @throws ConfigurationException for a URL whose database cannot have scratch databases
     */
    public static ScratchDatabase create(String serverUrl) {
        DatabaseUrl parsed = DatabaseUrl.parse(Objects.requireNonNull(serverUrl, "serverUrl"));
        String dialect = Dialects.forScheme(parsed.scheme()).name();
        Function<DatabaseUrl, ScratchKind> make = KINDS.get(dialect);
        if (make == null) {
            throw new ConfigurationException("Cannot make a scratch database for " + DatabaseUrl.maskPassword(serverUrl)
                    + ": scratch databases are made on " + KINDS.keySet().stream().sorted().toList() + ".");
        }
        ScratchKind kind = make.apply(parsed);
        String name = "retort_scratch_" + Instant.now().getEpochSecond() + "_"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        String url = kind.create(name);
        return new ScratchDatabase(kind, name, url);
    }

    /** @return the scratch database's name (the temporary file's path for SQLite) */
    public String name() {
        return kind.displayName(name);
    }

    /** @return the URL that connects to the scratch database */
    public String url() {
        return url;
    }

    /**
     * Removes the scratch database (drops it, or deletes the file). Close every engine on it first.
     * Closing twice does nothing.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            kind.drop(name);
        }
    }
}
