package dev.retort.engine;

import dev.retort.ConfigurationException;
import dev.retort.IsolationLevel;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class EngineOptionsTest {

    @Test
    void builderStartsWithDefaults() {
        EngineOptions o = EngineOptions.builder().build();

        assertThat(o.poolSize()).isNull();
        assertThat(o.minIdle()).isEqualTo(1);
        assertThat(o.maxWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.maxLifetime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(o.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(o.keepaliveTime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.validationTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.prePing()).isFalse();
        assertThat(o.isolationLevel()).isNull();
        assertThat(o.autocommit()).isFalse();
        assertThat(o.hideParameters()).isFalse();
        assertThat(o.echo()).isFalse();
        assertThat(o.statementCacheSize()).isEqualTo(500);
        assertThat(o.streamFetchSize()).isEqualTo(1000);
        assertThat(o.poolName()).isNull();
        assertThat(o.driverProperties()).isEmpty();
    }

    @Test
    void defaultsMatchFreshBuilder() {
        EngineOptions d = EngineOptions.defaults();

        assertThat(d.maxWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.statementCacheSize()).isEqualTo(500);
        assertThat(d.poolSize()).isNull();
    }

    private static EngineOptions everythingChanged() {
        return EngineOptions.builder()
                .poolSize(7)
                .minIdle(3)
                .maxWait(Duration.ofSeconds(2))
                .maxLifetime(Duration.ofMinutes(5))
                .idleTimeout(Duration.ofSeconds(20))
                .keepaliveTime(Duration.ofSeconds(45))
                .validationTimeout(Duration.ofSeconds(1))
                .prePing(true)
                .isolationLevel(IsolationLevel.SERIALIZABLE)
                .autocommit(true)
                .hideParameters(true)
                .echo(true)
                .statementCacheSize(42)
                .streamFetchSize(50)
                .poolName("orders")
                .driverProperty("sslmode", "require")
                .driverProperty("connectTimeout", "3")
                .build();
    }

    @Test
    void toBuilderCopiesEveryOption() {
        EngineOptions copy = everythingChanged().toBuilder().build();

        assertThat(copy.poolSize()).isEqualTo(7);
        assertThat(copy.minIdle()).isEqualTo(3);
        assertThat(copy.maxWait()).isEqualTo(Duration.ofSeconds(2));
        assertThat(copy.maxLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(copy.idleTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(copy.keepaliveTime()).isEqualTo(Duration.ofSeconds(45));
        assertThat(copy.validationTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(copy.prePing()).isTrue();
        assertThat(copy.isolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
        assertThat(copy.autocommit()).isTrue();
        assertThat(copy.hideParameters()).isTrue();
        assertThat(copy.echo()).isTrue();
        assertThat(copy.statementCacheSize()).isEqualTo(42);
        assertThat(copy.streamFetchSize()).isEqualTo(50);
        assertThat(copy.poolName()).isEqualTo("orders");
        assertThat(copy.driverProperties()).containsExactly(entry("sslmode", "require"), entry("connectTimeout", "3"));
    }

    @Test
    void changingCopyLeavesOriginalUnchanged() {
        EngineOptions original = everythingChanged();
        EngineOptions changed = original.toBuilder()
                .poolSize(1)
                .driverProperty("sslmode", "disable")
                .driverProperty("extra", "x")
                .build();

        assertThat(changed.poolSize()).isEqualTo(1);
        assertThat(changed.driverProperties()).containsExactly(
                entry("sslmode", "disable"), entry("connectTimeout", "3"), entry("extra", "x"));
        assertThat(original.poolSize()).isEqualTo(7);
        assertThat(original.driverProperties()).containsExactly(entry("sslmode", "require"), entry("connectTimeout", "3"));
    }

    @Test
    void builderChangesAfterBuildDoNotReachBuiltOptions() {
        EngineOptions.Builder b = EngineOptions.builder().driverProperty("a", "1");
        EngineOptions built = b.build();

        b.driverProperty("b", "2").poolSize(9);

        assertThat(built.driverProperties()).containsExactly(entry("a", "1"));
        assertThat(built.poolSize()).isNull();
    }

    @Test
    void driverPropertiesAreUnmodifiable() {
        EngineOptions o = EngineOptions.builder().driverProperty("a", "1").build();

        assertThatThrownBy(() -> o.driverProperties().put("b", "2"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void zeroDurationsMeanForeverWhereAllowed() {
        EngineOptions o = EngineOptions.builder()
                .maxLifetime(Duration.ZERO)
                .idleTimeout(Duration.ZERO)
                .keepaliveTime(Duration.ZERO)
                .statementCacheSize(0)
                .minIdle(0)
                .build();

        assertThat(o.maxLifetime()).isZero();
        assertThat(o.idleTimeout()).isZero();
        assertThat(o.keepaliveTime()).isZero();
        assertThat(o.statementCacheSize()).isZero();
        assertThat(o.minIdle()).isZero();
    }

    @Test
    void poolSizeZeroIsRejected() {
        assertThatThrownBy(() -> EngineOptions.builder().poolSize(0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("EngineOptions.poolSize must be at least 1, got 0");
    }

    @Test
    void maxWaitBelow250MillisecondsIsRejected() {
        assertThatThrownBy(() -> EngineOptions.builder().maxWait(Duration.ofMillis(100)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("EngineOptions.maxWait must be at least 250 ms, got 100 ms");
    }

    @Test
    void nullMaxWaitIsRejected() {
        assertThatThrownBy(() -> EngineOptions.builder().maxWait(null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("EngineOptions.maxWait must be at least 250 ms, got null");
    }

    @Test
    void negativeStatementCacheSizeIsRejected() {
        assertThatThrownBy(() -> EngineOptions.builder().statementCacheSize(-1))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("EngineOptions.statementCacheSize must be at least 0, got -1");
    }

    @Test
    void shortMaxLifetimeIsRejected() {
        assertThatThrownBy(() -> EngineOptions.builder().maxLifetime(Duration.ofSeconds(5)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("EngineOptions.maxLifetime must be at least 30000 ms, got 5000 ms");
    }

    @Test
    void otherInvalidValuesNameTheirOption() {
        assertThatThrownBy(() -> EngineOptions.builder().minIdle(-1))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("EngineOptions.minIdle ");
        assertThatThrownBy(() -> EngineOptions.builder().idleTimeout(Duration.ofSeconds(1)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("EngineOptions.idleTimeout ");
        assertThatThrownBy(() -> EngineOptions.builder().keepaliveTime(Duration.ofSeconds(1)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("EngineOptions.keepaliveTime ");
        assertThatThrownBy(() -> EngineOptions.builder().validationTimeout(Duration.ofMillis(10)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("EngineOptions.validationTimeout ");
        assertThatThrownBy(() -> EngineOptions.builder().streamFetchSize(0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("EngineOptions.streamFetchSize ");
    }
}
