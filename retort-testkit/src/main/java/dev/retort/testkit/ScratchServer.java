package dev.retort.testkit;

import dev.retort.dialect.DatabaseUrl;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.EngineOptions;
import dev.retort.engine.Row;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

import static dev.retort.sql.Statements.text;

/**
 * One database server the harness uses: checks once whether it is reachable, and makes and
 * drops a scratch namespace per test run (a schema on PostgreSQL, a database on MariaDB).
 * Names are {@code rt_<epoch seconds>_<random>}; scratch namespaces older than two hours, left by
 * a killed run, are dropped the first time the server is used.
 */
final class ScratchServer {
    private static final Map<DatabaseKind, ScratchServer> SERVERS = new EnumMap<>(DatabaseKind.class);
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Duration STALE = Duration.ofHours(2);

    private final DatabaseKind kind;
    private final String baseUrl;
    private Engine admin;
    private String unreachable;

    private ScratchServer(DatabaseKind kind) {
        this.kind = kind;
        this.baseUrl = TestEnvironment.serverUrl(kind);
    }

    static ScratchServer of(DatabaseKind kind) {
        LOCK.lock();
        try {
            ScratchServer s = SERVERS.get(kind);
            if (s == null) {
                s = new ScratchServer(kind);
                s.start();
                SERVERS.put(kind, s);
            }
            return s;
        } finally {
            LOCK.unlock();
        }
    }

    private void start() {
        try {
            admin = Engine.create(baseUrl, EngineOptions.builder().poolSize(2).minIdle(0)
                    .maxWait(Duration.ofSeconds(10)).autocommit(true).poolName("retort-testkit-" + kind.label()).build());
            try (Connection c = admin.connect()) {
                dropStale(c);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(admin::close, "retort-testkit-close-" + kind.label()));
        } catch (RuntimeException e) {
            unreachable = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            if (admin != null) {
                admin.close();
            }
            admin = null;
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    /** @return why the server cannot be used, or {@code null} if it can */
    String unreachable() {
        return unreachable;
    }

    String createNamespace() {
        String name = "rt_" + Instant.now().getEpochSecond() + "_"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        try (Connection c = admin.connect()) {
            if (kind == DatabaseKind.POSTGRESQL) {
                c.execute(text("CREATE SCHEMA " + name));
            } else {
                c.execute(text("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"));
            }
        }
        return name;
    }

    void dropNamespace(String name) {
        try (Connection c = admin.connect()) {
            if (kind == DatabaseKind.POSTGRESQL) {
                c.execute(text("DROP SCHEMA IF EXISTS " + name + " CASCADE"));
            } else {
                c.execute(text("DROP DATABASE IF EXISTS " + name));
            }
        }
    }

    /** The server URL pointed at a scratch namespace. */
    String urlFor(String namespace) {
        DatabaseUrl u = DatabaseUrl.parse(baseUrl);
        StringBuilder b = new StringBuilder(u.scheme()).append("://");
        if (u.user() != null) {
            b.append(encode(u.user()));
            if (u.password() != null) {
                b.append(':').append(encode(u.password()));
            }
            b.append('@');
        }
        b.append(u.host() == null ? "127.0.0.1" : u.host());
        if (u.port() != null) {
            b.append(':').append(u.port());
        }
        b.append('/').append(kind == DatabaseKind.POSTGRESQL ? u.database() : namespace);
        String sep = "?";
        for (Map.Entry<String, String> e : u.query().entrySet()) {
            b.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = "&";
        }
        if (kind == DatabaseKind.POSTGRESQL) {
            b.append(sep).append("currentSchema=").append(namespace);
        }
        return b.toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void dropStale(Connection c) {
        String list = kind == DatabaseKind.POSTGRESQL
                ? "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rt\\_%'"
                : "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'rt\\_%'";
        long now = Instant.now().getEpochSecond();
        for (Row r : c.execute(text(list)).all()) {
            String name = r.getString(0).toLowerCase(Locale.ROOT);
            String[] parts = name.split("_");
            if (parts.length == 3 && parts[1].matches("\\d+") && now - Long.parseLong(parts[1]) > STALE.toSeconds()) {
                try {
                    dropNamespace(name);
                } catch (RuntimeException e) {
                    System.err.println("retort-testkit: could not drop stale scratch namespace " + name + ": " + e.getMessage());
                }
            }
        }
    }
}
