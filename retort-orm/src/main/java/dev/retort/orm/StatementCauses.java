package dev.retort.orm;

import java.util.function.Supplier;

/**
 * Why the ORM is running the statement it runs on this thread ("get Author#7", "flush: UPDATE
 * of 3 Author"), so that {@link Retort#expectStatements} can say what caused each statement.
 */
final class StatementCauses {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private StatementCauses() {
    }

    static String current() {
        return CURRENT.get();
    }

    static <T> T with(String cause, Supplier<T> work) {
        String previous = CURRENT.get();
        CURRENT.set(cause);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    static void run(String cause, Runnable work) {
        with(cause, () -> {
            work.run();
            return null;
        });
    }
}
