package dev.retort.dialect;

import java.util.Properties;

/**
 * How to reach a database through JDBC, as a dialect derives it from a {@link DatabaseUrl}.
 *
 * @param jdbcUrl the driver's URL, e.g. {@code jdbc:postgresql://localhost:5432/shop}
 * @param driverClassName the driver class, used to give a clear error when it is missing
 * @param driverArtifact the Maven coordinates of the driver, for that error
 * @param properties connection properties (user, password, driver options); a fresh copy
 * @param singleConnection true when every connection must be the same one (in-memory SQLite)
 * @param defaultPoolSize the pool size used unless the engine options set one
 */
public record JdbcTarget(String jdbcUrl, String driverClassName, String driverArtifact, Properties properties,
                         boolean singleConnection, int defaultPoolSize) {

    /** Copies the properties. */
    public JdbcTarget {
        Properties copy = new Properties();
        copy.putAll(properties);
        properties = copy;
    }

    @Override
    public Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    @Override
    public String toString() {
        return jdbcUrl;
    }
}
