package dev.retort.migrate.autogenerate;

import java.util.Locale;

/**
 * Compares SQL that databases re-print (index expressions, partial-index conditions): case,
 * blanks, quotes, parentheses and casts are left out, so {@code lower((name)::text)} (PostgreSQL)
 * equals {@code lower(name)} as the model writes it.
 */
final class Expressions {
    private Expressions() {
    }

    static String normalize(String sql) {
        if (sql == null) {
            return null;
        }
        return sql.toLowerCase(Locale.ROOT).replaceAll("::[a-z_]+( varying| precision)?", "").replaceAll("[\\s\"`()\\[\\]]", "");
    }
}
