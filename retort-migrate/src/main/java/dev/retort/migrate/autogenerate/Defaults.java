package dev.retort.migrate.autogenerate;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compares server defaults as databases print them with defaults as the model writes them. Each
 * database prints a default its own way ({@code 'x'::character varying} on PostgreSQL,
 * {@code current_timestamp()} on MariaDB, the text as written on SQLite), so both sides are
 * normalised: casts, case, blanks and outer parentheses go, a quoted number is a number, numbers
 * lose trailing zeros, {@code true}/{@code false} are {@code 1}/{@code 0}, and the spellings of
 * the current timestamp are one.
 */
final class Defaults {
    private static final Pattern CAST = Pattern.compile(
            "::\\s*[a-z_][a-z0-9_]*(\\s+(varying|precision|with time zone|without time zone))*(\\s*\\([0-9,\\s]*\\))?(\\[\\])*");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern NOW = Pattern.compile("current_timestamp(\\(\\d*\\))?|now\\(\\)");

    private Defaults() {
    }

    /** Whether two defaults, as SQL text ({@code null}: none), say the same. */
    static boolean same(String model, String database) {
        if (model == null || database == null) {
            return model == null && database == null;
        }
        return normalize(model).equals(normalize(database));
    }

    static String normalize(String sql) {
        StringBuilder out = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                out.append(plain(plain));
                int end = i + 1;
                while (end < sql.length()) {
                    if (sql.charAt(end) == '\'') {
                        if (end + 1 < sql.length() && sql.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                String literal = sql.substring(i, Math.min(end + 1, sql.length()));
                String inner = literal.length() >= 2 ? literal.substring(1, literal.length() - 1) : literal;
                out.append(NUMBER.matcher(inner).matches() ? inner : literal);
                i = end + 1;
            } else {
                plain.append(c);
                i++;
            }
        }
        out.append(plain(plain));
        String s = unwrap(out.toString());
        if (NUMBER.matcher(s).matches()) {
            return new BigDecimal(s).stripTrailingZeros().toPlainString();
        }
        return switch (s) {
            case "true" -> "1";
            case "false" -> "0";
            default -> s;
        };
    }

    /** Text outside quotes: lower case, without casts and blanks. */
    private static String plain(StringBuilder b) {
        String s = CAST.matcher(b.toString().toLowerCase(Locale.ROOT)).replaceAll("");
        s = NOW.matcher(s).replaceAll("current_timestamp");
        b.setLength(0);
        return s.replaceAll("\\s+", "");
    }

    /** Removes parentheses around the whole text. */
    private static String unwrap(String s) {
        String t = s;
        while (t.length() >= 2 && t.charAt(0) == '(' && t.charAt(t.length() - 1) == ')' && closesAtEnd(t)) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }

    private static boolean closesAtEnd(String t) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
                if (depth == 0 && i < t.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }
}
