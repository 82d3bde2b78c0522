package dev.retort.testkit;

import java.util.Locale;

/** The databases the harness runs tests on. */
public enum DatabaseKind {
    /** SQLite in memory: {@code sqlite://}. */
    SQLITE_MEMORY("sqlite-memory", false),
    /** SQLite in a temporary file, with write-ahead logging. */
    SQLITE_FILE("sqlite-file", false),
    /** The PostgreSQL server, in a fresh schema per test. */
    POSTGRESQL("postgresql", true),
    /** The MariaDB server, in a fresh database per test. */
    MARIADB("mariadb", true);

    private final String label;
    private final boolean server;

    DatabaseKind(String label, boolean server) {
        this.label = label;
        this.server = server;
    }

    /** @return the short name used in test names and {@code RETORT_TEST_DATABASES} */
    public String label() {
        return label;
    }

    /** @return whether the database is a separate server process */
    public boolean isServer() {
        return server;
    }

    /** @return whether this is SQLite (in memory or in a file) */
    public boolean isSqlite() {
        return this == SQLITE_MEMORY || this == SQLITE_FILE;
    }

    static DatabaseKind fromLabel(String label) {
        String l = label.trim().toLowerCase(Locale.ROOT);
        for (DatabaseKind k : values()) {
            if (k.label.equals(l) || k.name().toLowerCase(Locale.ROOT).equals(l)) {
                return k;
            }
        }
        throw new IllegalArgumentException("RETORT_TEST_DATABASES names unknown database '" + label
                + "'; known: sqlite-memory, sqlite-file, postgresql, mariadb");
    }
}
