package dev.retort.sql;

/**
 * Checks of the names users give parameters, aliases, CTEs and functions: letters, digits and
 * {@code _}, not starting with a digit (functions may also hold dots, for schema-qualified
 * names). Written out rather than as regular expressions: they run whenever a statement is built.
 */
final class SqlNames {
    private SqlNames() {
    }

    /**
     * @param s a name
     * @return whether it is letters, digits and {@code _}, not starting with a digit
     */
    static boolean isName(String s) {
        return check(s, false);
    }

    /**
     * @param s a function name
     * @return whether it is a name, or names joined by dots
     */
    static boolean isQualifiedName(String s) {
        return check(s, true);
    }

    private static boolean check(String s, boolean dots) {
        if (s == null || s.isEmpty() || !start(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!start(c) && !(c >= '0' && c <= '9') && !(dots && c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean start(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
    }
}
