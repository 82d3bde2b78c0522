package dev.retort.orm;

import dev.retort.engine.Engine;
import dev.retort.engine.ListenerRegistration;
import dev.retort.engine.StatementEvent;
import dev.retort.engine.StatementListener;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Test helpers: a statement budget that catches N+1 queries.
 *
 * <pre>{@code
 * List<User> users = Retort.expectStatements(engine, 2, () ->
 *         session.execute(select(User.class).where(User_.NAME.like("a%"))).all());
 * }</pre>
 *
 * When the work runs more statements than allowed, the {@link StatementBudgetExceeded} error
 * lists every statement with what caused it: the session operation, the entity, and for loads
 * of relationships the attribute.
 */
public final class Retort {
    private Retort() {
    }

    /**
     * Runs work and fails if it sent more than {@code max} statements (batches count once) from
     * this thread through the engine.
     *
     * @param engine the engine to watch
     * @param max the most statements allowed
     * @param work the work
     * @param <T> its result
     * @return what the work returned
     * @throws StatementBudgetExceeded listing the statements, if there were more
     */
    public static <T> T expectStatements(Engine engine, int max, Supplier<T> work) {
        if (max < 0) {
            throw new IllegalArgumentException("expectStatements: max is " + max + "; give 0 or more");
        }
        List<String> seen = new ArrayList<>();
        Thread me = Thread.currentThread();
        T result;
        try (ListenerRegistration registration = engine.addListener(new StatementListener() {
            @Override
            public void beforeExecute(StatementEvent event) {
                if (Thread.currentThread() == me) {
                    String cause = StatementCauses.current();
                    seen.add(event.sql() + (event.isBatch() ? "  [batch of " + event.parameterSets().size() + "]" : "")
                            + (cause != null ? "  -- " + cause : ""));
                }
            }
        })) {
            result = work.get();
        }
        if (seen.size() > max) {
            StringBuilder m = new StringBuilder("Expected at most " + max + " statement" + (max == 1 ? "" : "s") + " but "
                    + seen.size() + " ran:");
            for (int i = 0; i < seen.size(); i++) {
                m.append('\n').append(i + 1).append(". ").append(seen.get(i));
            }
            throw new StatementBudgetExceeded(m.toString(), List.copyOf(seen));
        }
        return result;
    }

    /**
     * Runs work and fails if it sent more than {@code max} statements.
     *
     * @param engine the engine to watch
     * @param max the most statements allowed
     * @param work the work
     * @throws StatementBudgetExceeded listing the statements, if there were more
     */
    public static void expectStatements(Engine engine, int max, Runnable work) {
        expectStatements(engine, max, () -> {
            work.run();
            return null;
        });
    }

    /** A statement budget was exceeded: an assertion failure that lists the statements. */
    public static final class StatementBudgetExceeded extends AssertionError {
        private static final long serialVersionUID = 1L;
        private final transient List<String> statements;

        StatementBudgetExceeded(String message, List<String> statements) {
            super(message);
            this.statements = statements;
        }

        /** @return each statement's SQL and cause, in order */
        public List<String> statements() {
            return statements;
        }
    }
}
