package dev.retort.orm;

/**
 * How a {@link Session} behaves. Immutable; {@link #defaults()} then the {@code with...} methods.
 *
 * @param autoflush whether pending changes are flushed before a query or {@code get} reads the
 *                  database, so the query sees them (default {@code true})
 * @param expireOnCommit whether every object is marked expired at commit, so the next {@code get}
 *                       or query that reaches its row reloads it (default {@code true})
 */
public record SessionOptions(boolean autoflush, boolean expireOnCommit) {

    /** @return autoflush and expire-on-commit both on */
    public static SessionOptions defaults() {
        return DEFAULTS;
    }

    private static final SessionOptions DEFAULTS = new SessionOptions(true, true);

    /**
     * @param on whether to autoflush
     * @return new options
     */
    public SessionOptions withAutoflush(boolean on) {
        return new SessionOptions(on, expireOnCommit);
    }

    /**
     * @param on whether to expire objects at commit
     * @return new options
     */
    public SessionOptions withExpireOnCommit(boolean on) {
        return new SessionOptions(autoflush, on);
    }
}
