package dev.retort.migrate.scratch;

import dev.retort.dialect.DatabaseUrl;
import dev.retort.dialect.Dialects;
import dev.retort.dialect.IdentifierPreparer;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.migrate.MigrationException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static dev.retort.sql.Statements.text;

/**
 * A database server (PostgreSQL, MariaDB, MySQL): CREATE DATABASE and DROP DATABASE through a
 * connection to the configured URL, and that URL pointed at the new database. The statements are
 * data per server family; the database's name is quoted by the server's dialect wherever it needs it.
 */
final class ServerScratch implements ScratchKind {
    private final DatabaseUrl url;
    private final IdentifierPreparer ids;
    private final String createSql;
    private final String dropSql;
    private final Set<String> droppedParameters;

    private ServerScratch(DatabaseUrl url, String createSql, String dropSql, Set<String> droppedParameters) {
        this.url = url;
        this.ids = Dialects.forScheme(url.scheme()).identifierPreparer();
        this.createSql = createSql;
        this.dropSql = dropSql;
        this.droppedParameters = droppedParameters;
    }

    /** PostgreSQL: the scratch database is dropped WITH (FORCE), ending any connection left on it (13+). */
    static ServerScratch postgres(DatabaseUrl url) {
        return new ServerScratch(url, "CREATE DATABASE %s", "DROP DATABASE IF EXISTS %s WITH (FORCE)",
                Set.of("currentSchema", "currentschema", "search_path"));
    }

    /** MariaDB and MySQL. */
    static ServerScratch mysqlFamily(DatabaseUrl url) {
        return new ServerScratch(url, "CREATE DATABASE %s", "DROP DATABASE IF EXISTS %s", Set.of());
    }

    @Override
    public String create(String name) {
        try {
            run(createSql.formatted(ids.quote(name)));
        } catch (RuntimeException e) {
            throw new MigrationException("Could not make the scratch database " + name + " on " + server() + ": "
                    + e.getMessage() + " The configured user must be allowed to create databases (PostgreSQL: "
                    + "CREATEDB; MariaDB, MySQL: the CREATE and DROP privileges).", e);
        }
        return urlFor(name);
    }

    @Override
    public void drop(String name) {
        try {
            run(dropSql.formatted(ids.quote(name)));
        } catch (RuntimeException e) {
            throw new MigrationException("Could not drop the scratch database " + name + " on " + server() + ": "
                    + e.getMessage() + " Drop it by hand.", e);
        }
    }

    /** @return the configured URL, its password masked, for messages */
    private String server() {
        return DatabaseUrl.maskPassword(urlFor(url.database()));
    }

    private void run(String sql) {
        try (Engine admin = Engine.create(urlFor(url.database())); Connection c = admin.connect()) {
            c.setAutocommit(true);
            c.execute(text(sql));
        }
    }

    /** The configured URL with another database, its schema-selecting parameters left out. */
    private String urlFor(String database) {
        StringBuilder b = new StringBuilder(url.scheme()).append("://");
        if (url.user() != null) {
            b.append(encode(url.user()));
            if (url.password() != null) {
                b.append(':').append(encode(url.password()));
            }
            b.append('@');
        }
        if (url.host() != null) {
            b.append(url.host());
        }
        if (url.port() != null) {
            b.append(':').append(url.port());
        }
        if (database != null) {
            b.append('/').append(encode(database));
        }
        String sep = "?";
        for (Map.Entry<String, String> e : url.query().entrySet()) {
            if (database != null && database.equals(url.database()) || !droppedParameters.contains(e.getKey())) {
                b.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
                sep = "&";
            }
        }
        return b.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
