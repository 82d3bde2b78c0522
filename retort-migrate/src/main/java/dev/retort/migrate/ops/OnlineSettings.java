package dev.retort.migrate.ops;

/**
 * The online-DDL settings of one recorded operation, set through its {@link IndexOptions},
 * {@link AlterOptions} or {@link ConstraintOptions} handle while the revision records, read when
 * the plan renders. Mutable; used on the recording thread only.
 */
final class OnlineSettings {
    boolean concurrently;
    boolean notValid;
    Algorithm algorithm;
    LockMode lock;

    /** @return whether any setting was made */
    boolean any() {
        return concurrently || notValid || algorithm != null || lock != null;
    }

    /** @return the settings in words, e.g. {@code [concurrently]}, empty when none */
    String describe() {
        StringBuilder b = new StringBuilder();
        if (concurrently) {
            b.append(" concurrently");
        }
        if (notValid) {
            b.append(" not valid");
        }
        if (algorithm != null) {
            b.append(" algorithm=").append(algorithm);
        }
        if (lock != null) {
            b.append(" lock=").append(lock);
        }
        return b.length() == 0 ? "" : " [" + b.substring(1) + "]";
    }
}
