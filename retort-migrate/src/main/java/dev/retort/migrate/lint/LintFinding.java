package dev.retort.migrate.lint;

import java.util.Objects;

/**
 * One thing {@code lint} found: a change of a revision that locks or rewrites a table on a
 * database, and the online alternative.
 *
 * @param revision the revision's id
 * @param operation the operation in words, e.g. {@code create index ix_orders_customer on orders}
 * @param dialect the dialect's name, e.g. {@code postgresql}
 * @param rule the rule's id, e.g. {@code pg-create-index}
 * @param lock the lock taken, in the database's words, e.g. {@code SHARE (blocks writes)}
 * @param rewrite what happens to the rows
 * @param severity how much it matters
 * @param message what happens and why
 * @param alternative the online way to do it, or what to do instead
 */
public record LintFinding(String revision, String operation, String dialect, String rule, String lock, Rewrite rewrite,
                          Severity severity, String message, String alternative) {

    /**
     * Requires every field.
     *
     * @param revision the revision's id
     * @param operation the operation in words, e.g. {@code create index ix_orders_customer on orders}
     * @param dialect the dialect's name, e.g. {@code postgresql}
     * @param rule the rule's id, e.g. {@code pg-create-index}
     * @param lock the lock taken, in the database's words, e.g. {@code SHARE (blocks writes)}
     * @param rewrite what happens to the rows
     * @param severity how much it matters
     * @param message what happens and why
     * @param alternative the online way to do it, or what to do instead
     */
    public LintFinding {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(rewrite, "rewrite");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(alternative, "alternative");
    }

    /** @return e.g. {@code warning 0002_ix [pg-create-index] create index ix on orders: message Instead: alternative} */
    @Override
    public String toString() {
        return severity.label() + " " + revision + " [" + rule + "] " + operation + ": " + message + " Instead: "
                + alternative;
    }
}
