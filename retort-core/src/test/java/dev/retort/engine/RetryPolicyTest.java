package dev.retort.engine;

import dev.retort.ConfigurationException;
import dev.retort.DatabaseException;
import dev.retort.DeadlockException;
import dev.retort.ErrorContext;
import dev.retort.SerializationFailureException;
import dev.retort.UniqueViolationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {
    private static final ErrorContext CONTEXT = ErrorContext.withoutStatement("boom", "40001", 0);

    @Test
    void defaultsAllowFiveAttempts() {
        assertThat(RetryPolicy.defaults().maxAttempts()).isEqualTo(5);
    }

    @Test
    void defaultsDescribeThemselves() {
        assertThat(RetryPolicy.defaults())
                .hasToString("RetryPolicy[maxAttempts=5, backoff=10..1000 ms x2.0, jitter=0.5]");
    }

    @Test
    void backoffWithoutJitterDoublesFromTenMillisecondsAndIsCappedAtMax() {
        RetryPolicy p = RetryPolicy.defaults().withJitter(0);

        assertThat(p.backoff(1)).isEqualTo(Duration.ofMillis(10));
        assertThat(p.backoff(2)).isEqualTo(Duration.ofMillis(20));
        assertThat(p.backoff(3)).isEqualTo(Duration.ofMillis(40));
        assertThat(p.backoff(4)).isEqualTo(Duration.ofMillis(80));
        assertThat(p.backoff(7)).isEqualTo(Duration.ofMillis(640));
        assertThat(p.backoff(8)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.backoff(30)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.backoff(5000)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void backoffFollowsConfiguredInitialMaxAndMultiplier() {
        RetryPolicy p = RetryPolicy.defaults().withJitter(0)
                .withBackoff(Duration.ofMillis(100), Duration.ofMillis(500))
                .withMultiplier(3);

        assertThat(p.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(p.backoff(2)).isEqualTo(Duration.ofMillis(300));
        assertThat(p.backoff(3)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void backoffWithHalfJitterStaysBetweenHalfAndFullWaitAndVaries() {
        RetryPolicy p = RetryPolicy.defaults().withJitter(0.5);
        Set<Duration> seen = new HashSet<>();

        for (int i = 0; i < 200; i++) {
            Duration first = p.backoff(1);
            assertThat(first).isBetween(Duration.ofMillis(5), Duration.ofMillis(10));
            Duration capped = p.backoff(20);
            assertThat(capped).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
            seen.add(first);
        }
        assertThat(seen).hasSizeGreaterThan(1);
    }

    @Test
    void defaultsRetryRetryableDatabaseErrorsBeforeTheLastAttempt() {
        RetryPolicy p = RetryPolicy.defaults();
        SerializationFailureException serialization = new SerializationFailureException("s", CONTEXT, null);
        DeadlockException deadlock = new DeadlockException("d", CONTEXT, null);

        assertThat(p.shouldRetry(serialization, 1)).isTrue();
        assertThat(p.shouldRetry(deadlock, 4)).isTrue();
        assertThat(p.shouldRetry(serialization, 5)).isFalse();
        assertThat(p.shouldRetry(serialization, 6)).isFalse();
    }

    @Test
    void defaultsDoNotRetryNonRetryableErrors() {
        RetryPolicy p = RetryPolicy.defaults();

        assertThat(p.shouldRetry(new UniqueViolationException("u", CONTEXT, null), 1)).isFalse();
        assertThat(p.shouldRetry(new DatabaseException("x", CONTEXT, null), 1)).isFalse();
        assertThat(p.shouldRetry(new IllegalStateException("x"), 1)).isFalse();
    }

    @Test
    void customPredicateReplacesDefault() {
        RetryPolicy p = RetryPolicy.maxAttempts(3).retryOn(e -> e instanceof IllegalStateException);

        assertThat(p.maxAttempts()).isEqualTo(3);
        assertThat(p.shouldRetry(new IllegalStateException("x"), 1)).isTrue();
        assertThat(p.shouldRetry(new IllegalStateException("x"), 2)).isTrue();
        assertThat(p.shouldRetry(new IllegalStateException("x"), 3)).isFalse();
        assertThat(p.shouldRetry(new SerializationFailureException("s", CONTEXT, null), 1)).isFalse();
    }

    @Test
    void singleAttemptNeverRetries() {
        assertThat(RetryPolicy.maxAttempts(1).shouldRetry(new SerializationFailureException("s", CONTEXT, null), 1))
                .isFalse();
    }

    @Test
    void withMethodsReturnNewPolicyAndLeaveOriginalUnchanged() {
        RetryPolicy original = RetryPolicy.defaults();
        RetryPolicy changed = original.withMaxAttempts(2);

        assertThat(changed).isNotSameAs(original);
        assertThat(changed.maxAttempts()).isEqualTo(2);
        assertThat(original.maxAttempts()).isEqualTo(5);
        assertThat(RetryPolicy.defaults().maxAttempts()).isEqualTo(5);
    }

    @Test
    void zeroMaxAttemptsIsRejected() {
        assertThatThrownBy(() -> RetryPolicy.maxAttempts(0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("RetryPolicy maxAttempts must be at least 1, got 0");
        assertThatThrownBy(() -> RetryPolicy.defaults().withMaxAttempts(0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("maxAttempts");
    }

    @Test
    void multiplierBelowOneIsRejected() {
        assertThatThrownBy(() -> RetryPolicy.defaults().withMultiplier(0.5))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("RetryPolicy multiplier must be at least 1, got 0.5");
        assertThatThrownBy(() -> RetryPolicy.defaults().withMultiplier(Double.NaN))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("multiplier");
    }

    @Test
    void jitterOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> RetryPolicy.defaults().withJitter(2))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("RetryPolicy jitter must be between 0 and 1, got 2.0");
        assertThatThrownBy(() -> RetryPolicy.defaults().withJitter(-0.1))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("jitter");
        assertThatThrownBy(() -> RetryPolicy.defaults().withJitter(Double.NaN))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("jitter");
    }

    @Test
    void negativeInitialBackoffIsRejected() {
        assertThatThrownBy(() -> RetryPolicy.defaults().withBackoff(Duration.ofMillis(-1), Duration.ofSeconds(1)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("RetryPolicy backoff needs 0 <= initial <= max, got initial -1 ms and max 1000 ms");
    }

    @Test
    void maxBackoffBelowInitialIsRejected() {
        assertThatThrownBy(() -> RetryPolicy.defaults().withBackoff(Duration.ofMillis(200), Duration.ofMillis(100)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("RetryPolicy backoff needs 0 <= initial <= max, got initial 200 ms and max 100 ms");
    }

    @Test
    void zeroBackoffIsAllowed() {
        RetryPolicy p = RetryPolicy.defaults().withBackoff(Duration.ZERO, Duration.ZERO);

        assertThat(p.backoff(1)).isEqualTo(Duration.ZERO);
        assertThat(p.backoff(3)).isEqualTo(Duration.ZERO);
    }
}
