package dev.retort.engine;

import dev.retort.ConfigurationException;
import dev.retort.DatabaseException;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * When and how often {@link Engine#inTransaction(RetryPolicy, java.util.function.Function)} runs a
 * transaction again. By default it retries errors the dialect classified as retryable
 * (serialization failures, deadlocks, lock timeouts: {@link DatabaseException#isRetryable()}),
 * up to 5 attempts in all, waiting 10 ms, 20 ms, 40 ms ... (at most 1 s) with random jitter
 * between attempts.
 *
 * <p>The whole function runs again on a fresh connection, so it must not have effects outside
 * the database that cannot be repeated. Immutable and thread-safe.
 */
public final class RetryPolicy {
    private static final Predicate<RuntimeException> RETRYABLE =
            e -> e instanceof DatabaseException d && d.isRetryable();
    private static final RetryPolicy DEFAULTS = new RetryPolicy(5, Duration.ofMillis(10), Duration.ofSeconds(1), 2.0, 0.5, RETRYABLE);

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final double jitter;
    private final Predicate<RuntimeException> retryOn;

    private RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
                        double jitter, Predicate<RuntimeException> retryOn) {
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.multiplier = multiplier;
        this.jitter = jitter;
        this.retryOn = retryOn;
    }

    /** @return the default policy: 5 attempts, exponential backoff from 10 ms to 1 s, retryable errors only */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * The default policy with another number of attempts.
     *
     * @param maxAttempts attempts in all, at least 1
     * @return the policy
     */
    public static RetryPolicy maxAttempts(int maxAttempts) {
        return DEFAULTS.withMaxAttempts(maxAttempts);
    }

    /**
     * Sets the number of attempts in all (the first run included).
     *
     * @param maxAttempts at least 1
     * @return a new policy
     */
    public RetryPolicy withMaxAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new ConfigurationException("RetryPolicy maxAttempts must be at least 1, got " + maxAttempts);
        }
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, retryOn);
    }

    /**
     * Sets the wait before the first retry and the most any wait may grow to.
     *
     * @param initial the first wait, zero or more
     * @param max the longest wait, at least {@code initial}
     * @return a new policy
     */
    public RetryPolicy withBackoff(Duration initial, Duration max) {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new ConfigurationException("RetryPolicy backoff needs 0 <= initial <= max, got initial "
                    + initial.toMillis() + " ms and max " + max.toMillis() + " ms");
        }
        return new RetryPolicy(maxAttempts, initial, max, multiplier, jitter, retryOn);
    }

    /**
     * Sets how much each wait grows over the one before (default 2).
     *
     * @param multiplier at least 1
     * @return a new policy
     */
    public RetryPolicy withMultiplier(double multiplier) {
        if (!(multiplier >= 1.0)) {
            throw new ConfigurationException("RetryPolicy multiplier must be at least 1, got " + multiplier);
        }
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, retryOn);
    }

    /**
     * Sets the random part of each wait: 0.5 (the default) waits between 50% and 100% of it, so
     * that transactions that collided do not collide again in step.
     *
     * @param jitter between 0 and 1
     * @return a new policy
     */
    public RetryPolicy withJitter(double jitter) {
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new ConfigurationException("RetryPolicy jitter must be between 0 and 1, got " + jitter);
        }
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, retryOn);
    }

    /**
     * Sets which exceptions lead to a retry, replacing the default (retryable database errors).
     *
     * @param retryOn the test
     * @return a new policy
     */
    public RetryPolicy retryOn(Predicate<RuntimeException> retryOn) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter,
                Objects.requireNonNull(retryOn, "retryOn"));
    }

    /** @return attempts in all */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Whether to run again after an attempt failed.
     *
     * @param error what the attempt threw
     * @param attempt the number of the attempt that failed, from 1
     * @return {@code true} to retry
     */
    public boolean shouldRetry(RuntimeException error, int attempt) {
        return attempt < maxAttempts && retryOn.test(error);
    }

    /**
     * How long to wait after a failed attempt.
     *
     * @param attempt the number of the attempt that failed, from 1
     * @return the wait, jitter included
     */
    public Duration backoff(int attempt) {
        double nanos = initialBackoff.toNanos() * Math.pow(multiplier, attempt - 1);
        nanos = Math.min(nanos, maxBackoff.toNanos());
        nanos *= 1.0 - jitter * ThreadLocalRandom.current().nextDouble();
        return Duration.ofNanos((long) nanos);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", backoff=" + initialBackoff.toMillis() + ".."
                + maxBackoff.toMillis() + " ms x" + multiplier + ", jitter=" + jitter + "]";
    }
}
