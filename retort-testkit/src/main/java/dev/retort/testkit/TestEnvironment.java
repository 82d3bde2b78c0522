package dev.retort.testkit;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads the harness's settings from the environment (or system properties of the same name). */
final class TestEnvironment {
    static final String POSTGRESQL_URL = "RETORT_TEST_POSTGRESQL_URL";
    static final String MARIADB_URL = "RETORT_TEST_MARIADB_URL";
    static final String DATABASES = "RETORT_TEST_DATABASES";

    private TestEnvironment() {
    }

    static String get(String name, String fallback) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            v = System.getenv(name);
        }
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    static boolean isCi() {
        return "true".equalsIgnoreCase(get("CI", "false"));
    }

    static String serverUrl(DatabaseKind kind) {
        return switch (kind) {
            case POSTGRESQL -> get(POSTGRESQL_URL, "postgresql://postgres@127.0.0.1:5432/test");
            case MARIADB -> get(MARIADB_URL, "mariadb://root@127.0.0.1:3306/test");
            default -> throw new IllegalArgumentException(kind + " is not a server");
        };
    }

    static List<DatabaseKind> selected() {
        String v = get(DATABASES, "");
        if (v.isEmpty()) {
            return List.of(DatabaseKind.values());
        }
        Set<DatabaseKind> kinds = EnumSet.noneOf(DatabaseKind.class);
        for (String part : v.split(",")) {
            if (!part.isBlank()) {
                kinds.add(DatabaseKind.fromLabel(part));
            }
        }
        return new ArrayList<>(kinds);
    }
}
