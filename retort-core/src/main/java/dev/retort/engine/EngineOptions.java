package dev.retort.engine;

import dev.retort.ConfigurationException;
import dev.retort.IsolationLevel;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How an {@link Engine} pools connections, runs transactions and reports statements.
 * Immutable; make one with {@link #builder()} and change a copy with {@link #toBuilder()}.
 *
 * <pre>{@code
 * EngineOptions options = EngineOptions.builder()
 *         .poolSize(20)
 *         .maxWait(Duration.ofSeconds(5))
 *         .isolationLevel(IsolationLevel.SERIALIZABLE)
 *         .build();
 * }</pre>
 *
 * <p>Pool settings apply to engines made from a URL (HikariCP); an engine given a
 * {@code DataSource} leaves pooling to it.
 */
public final class EngineOptions {
    private static final EngineOptions DEFAULTS = new Builder().build();

    private final Integer poolSize;
    private final int minIdle;
    private final Duration maxWait;
    private final Duration maxLifetime;
    private final Duration idleTimeout;
    private final Duration keepaliveTime;
    private final Duration validationTimeout;
    private final boolean prePing;
    private final IsolationLevel isolationLevel;
    private final boolean autocommit;
    private final boolean hideParameters;
    private final boolean echo;
    private final int statementCacheSize;
    private final int preparedStatementCacheSize;
    private final int streamFetchSize;
    private final String poolName;
    private final Map<String, String> driverProperties;

    private EngineOptions(Builder b) {
        this.poolSize = b.poolSize;
        this.minIdle = b.minIdle;
        this.maxWait = b.maxWait;
        this.maxLifetime = b.maxLifetime;
        this.idleTimeout = b.idleTimeout;
        this.keepaliveTime = b.keepaliveTime;
        this.validationTimeout = b.validationTimeout;
        this.prePing = b.prePing;
        this.isolationLevel = b.isolationLevel;
        this.autocommit = b.autocommit;
        this.hideParameters = b.hideParameters;
        this.echo = b.echo;
        this.statementCacheSize = b.statementCacheSize;
        this.preparedStatementCacheSize = b.preparedStatementCacheSize;
        this.streamFetchSize = b.streamFetchSize;
        this.poolName = b.poolName;
        this.driverProperties = Collections.unmodifiableMap(new LinkedHashMap<>(b.driverProperties));
    }

    /** @return the default options */
    public static EngineOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder with the default values */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options, to derive changed options */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return the maximum pool size, or {@code null} for the dialect's default (10; SQLite file 5, memory 1) */
    public Integer poolSize() {
        return poolSize;
    }

    /** @return how many idle connections the pool keeps ready */
    public int minIdle() {
        return minIdle;
    }

    /** @return how long a checkout waits for a free connection before failing */
    public Duration maxWait() {
        return maxWait;
    }

    /** @return how long a connection lives before the pool replaces it (zero: forever) */
    public Duration maxLifetime() {
        return maxLifetime;
    }

    /** @return how long a connection above {@link #minIdle()} may sit idle */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** @return how often idle connections are pinged to keep them alive (zero: never) */
    public Duration keepaliveTime() {
        return keepaliveTime;
    }

    /** @return how long a validity check may take */
    public Duration validationTimeout() {
        return validationTimeout;
    }

    /** @return whether every checkout is validated with a round trip first */
    public boolean prePing() {
        return prePing;
    }

    /** @return the isolation level of every connection, or {@code null} for the database's default */
    public IsolationLevel isolationLevel() {
        return isolationLevel;
    }

    /** @return whether connections start in auto-commit mode */
    public boolean autocommit() {
        return autocommit;
    }

    /** @return whether parameter values are kept out of logs and exception messages */
    public boolean hideParameters() {
        return hideParameters;
    }

    /** @return whether statements are logged at INFO rather than DEBUG */
    public boolean echo() {
        return echo;
    }

    /** @return how many compiled statements the engine keeps (0 turns caching off) */
    public int statementCacheSize() {
        return statementCacheSize;
    }

    /**
     * How many prepared statements the engine keeps open per pooled connection, reused by SQL
     * text across executions and check-outs.
     *
     * @return the size, or -1 for the dialect's choice ({@link dev.retort.dialect.Dialect#preparedStatementCacheSize()})
     */
    public int preparedStatementCacheSize() {
        return preparedStatementCacheSize;
    }

    /** @return rows fetched per round trip by {@code Connection.stream} */
    public int streamFetchSize() {
        return streamFetchSize;
    }

    /** @return the pool's name in logs and metrics, or {@code null} for a generated one */
    public String poolName() {
        return poolName;
    }

    /** @return extra JDBC driver properties, added to those from the URL */
    public Map<String, String> driverProperties() {
        return driverProperties;
    }

    /** Builds {@link EngineOptions}. Not thread-safe. */
    public static final class Builder {
        private Integer poolSize;
        private int minIdle = 1;
        private Duration maxWait = Duration.ofSeconds(30);
        private Duration maxLifetime = Duration.ofMinutes(30);
        private Duration idleTimeout = Duration.ofMinutes(10);
        private Duration keepaliveTime = Duration.ofMinutes(2);
        private Duration validationTimeout = Duration.ofSeconds(5);
        private boolean prePing;
        private IsolationLevel isolationLevel;
        private boolean autocommit;
        private boolean hideParameters;
        private boolean echo;
        private int statementCacheSize = 500;
        private int preparedStatementCacheSize = -1;
        private int streamFetchSize = 1000;
        private String poolName;
        private final Map<String, String> driverProperties = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(EngineOptions o) {
            poolSize = o.poolSize;
            minIdle = o.minIdle;
            maxWait = o.maxWait;
            maxLifetime = o.maxLifetime;
            idleTimeout = o.idleTimeout;
            keepaliveTime = o.keepaliveTime;
            validationTimeout = o.validationTimeout;
            prePing = o.prePing;
            isolationLevel = o.isolationLevel;
            autocommit = o.autocommit;
            hideParameters = o.hideParameters;
            echo = o.echo;
            statementCacheSize = o.statementCacheSize;
            preparedStatementCacheSize = o.preparedStatementCacheSize;
            streamFetchSize = o.streamFetchSize;
            poolName = o.poolName;
            driverProperties.putAll(o.driverProperties);
        }

        /**
         * Sets the most connections the pool opens.
         *
         * @param poolSize at least 1
         * @return this builder
         */
        public Builder poolSize(int poolSize) {
            this.poolSize = atLeast("poolSize", poolSize, 1);
            return this;
        }

        /**
         * Sets how many idle connections the pool keeps open (default 1).
         *
         * @param minIdle at least 0; capped at the pool size
         * @return this builder
         */
        public Builder minIdle(int minIdle) {
            this.minIdle = atLeast("minIdle", minIdle, 0);
            return this;
        }

        /**
         * Sets how long a checkout waits for a free connection (default 30 s) before a
         * {@link dev.retort.PoolTimeoutException}.
         *
         * @param maxWait at least 250 ms
         * @return this builder
         */
        public Builder maxWait(Duration maxWait) {
            this.maxWait = duration("maxWait", maxWait, Duration.ofMillis(250));
            return this;
        }

        /**
         * Sets how long a connection lives before the pool retires it (default 30 min).
         *
         * @param maxLifetime zero for forever, otherwise at least 30 s
         * @return this builder
         */
        public Builder maxLifetime(Duration maxLifetime) {
            this.maxLifetime = zeroOr("maxLifetime", maxLifetime, Duration.ofSeconds(30));
            return this;
        }

        /**
         * Sets how long a connection above the minimum may sit idle (default 10 min).
         *
         * @param idleTimeout zero for forever, otherwise at least 10 s
         * @return this builder
         */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = zeroOr("idleTimeout", idleTimeout, Duration.ofSeconds(10));
            return this;
        }

        /**
         * Sets how often idle connections are pinged (default 2 min), which keeps firewalls
         * from dropping them and finds dead ones early.
         *
         * @param keepaliveTime zero to turn it off, otherwise at least 30 s
         * @return this builder
         */
        public Builder keepaliveTime(Duration keepaliveTime) {
            this.keepaliveTime = zeroOr("keepaliveTime", keepaliveTime, Duration.ofSeconds(30));
            return this;
        }

        /**
         * Sets how long a validity check may take (default 5 s).
         *
         * @param validationTimeout at least 250 ms
         * @return this builder
         */
        public Builder validationTimeout(Duration validationTimeout) {
            this.validationTimeout = duration("validationTimeout", validationTimeout, Duration.ofMillis(250));
            return this;
        }

        /**
         * Validates every checkout with a round trip before handing it out, and replaces a dead
         * connection instead of returning it (SQLAlchemy's {@code pool_pre_ping}). Off by default:
         * the pool already validates a connection that sat idle for more than half a second.
         *
         * @param prePing whether to ping on every checkout
         * @return this builder
         */
        public Builder prePing(boolean prePing) {
            this.prePing = prePing;
            return this;
        }

        /**
         * Sets the isolation level of every connection (default: the database's own).
         *
         * @param isolationLevel the level, or {@code null} for the database's default
         * @return this builder
         */
        public Builder isolationLevel(IsolationLevel isolationLevel) {
            this.isolationLevel = isolationLevel;
            return this;
        }

        /**
         * Starts connections in auto-commit mode: each statement commits on its own unless a
         * transaction is begun explicitly. Off by default.
         *
         * @param autocommit whether to auto-commit
         * @return this builder
         */
        public Builder autocommit(boolean autocommit) {
            this.autocommit = autocommit;
            return this;
        }

        /**
         * Keeps parameter values out of log lines and exception messages (for personal data).
         *
         * @param hideParameters whether to hide values
         * @return this builder
         */
        public Builder hideParameters(boolean hideParameters) {
            this.hideParameters = hideParameters;
            return this;
        }

        /**
         * Logs every statement at INFO instead of DEBUG (SQLAlchemy's {@code echo}).
         *
         * @param echo whether to echo statements
         * @return this builder
         */
        public Builder echo(boolean echo) {
            this.echo = echo;
            return this;
        }

        /**
         * Sets how many compiled statements the engine keeps (default 500).
         *
         * @param size at least 0; 0 turns caching off
         * @return this builder
         */
        public Builder statementCacheSize(int size) {
            this.statementCacheSize = atLeast("statementCacheSize", size, 0);
            return this;
        }

        /**
         * Sets how many prepared statements the engine keeps open per pooled connection (by
         * default the dialect's choice: SQLite's driver compiles SQL at every prepare, so SQLite
         * keeps 100; the PostgreSQL driver caches server-side statements itself). The cache
         * applies to connections from the engine's own pool, not to a {@code DataSource} given to it.
         *
         * @param size at least 0; 0 turns the cache off
         * @return this builder
         */
        public Builder preparedStatementCacheSize(int size) {
            this.preparedStatementCacheSize = atLeast("preparedStatementCacheSize", size, 0);
            return this;
        }

        /**
         * Sets how many rows {@code Connection.stream} fetches per round trip (default 1000).
         *
         * @param fetchSize at least 1
         * @return this builder
         */
        public Builder streamFetchSize(int fetchSize) {
            this.streamFetchSize = atLeast("streamFetchSize", fetchSize, 1);
            return this;
        }

        /**
         * Names the pool in logs.
         *
         * @param poolName the name
         * @return this builder
         */
        public Builder poolName(String poolName) {
            this.poolName = Objects.requireNonNull(poolName, "poolName");
            return this;
        }

        /**
         * Adds a JDBC driver property, e.g. {@code sslmode=require}. URL query parameters are
         * driver properties too; this one wins over the URL's.
         *
         * @param name the property name
         * @param value the value
         * @return this builder
         */
        public Builder driverProperty(String name, String value) {
            driverProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** @return the options */
        public EngineOptions build() {
            return new EngineOptions(this);
        }

        private static int atLeast(String name, int value, int min) {
            if (value < min) {
                throw new ConfigurationException("EngineOptions." + name + " must be at least " + min + ", got " + value);
            }
            return value;
        }

        private static Duration duration(String name, Duration value, Duration min) {
            if (value == null || value.compareTo(min) < 0) {
                throw new ConfigurationException("EngineOptions." + name + " must be at least " + min.toMillis()
                        + " ms, got " + (value == null ? "null" : value.toMillis() + " ms"));
            }
            return value;
        }

        private static Duration zeroOr(String name, Duration value, Duration min) {
            if (value != null && value.isZero()) {
                return value;
            }
            return duration(name, value, min);
        }
    }
}
