package dev.retort.sql;

import java.util.ServiceLoader;

/**
 * Renders a statement as readable SQL for {@code toString()}, without the statement package
 * depending on the compilers: the dialect layer provides the implementation as a service.
 */
public interface StatementFormatter {

    /**
     * Renders a statement.
     *
     * @param statement the statement
     * @return its SQL
     */
    String format(Executable statement);

    /**
     * Renders a statement with the registered formatter, or describes it when there is none or
     * it cannot be rendered.
     *
     * @param statement the statement
     * @param fallback what to show otherwise
     * @return the SQL or the fallback
     */
    static String describe(Executable statement, String fallback) {
        StatementFormatter f = Holder.FORMATTER;
        if (f == null) {
            return fallback;
        }
        try {
            return f.format(statement);
        } catch (RuntimeException e) {
            return fallback + " (" + e.getMessage() + ")";
        }
    }

    /** Loads the formatter once. */
    final class Holder {
        static final StatementFormatter FORMATTER = ServiceLoader.load(StatementFormatter.class,
                StatementFormatter.class.getClassLoader()).findFirst().orElse(null);

        private Holder() {
        }
    }
}
