/**
 * The dialect SPI: what differs between databases. A {@link dev.retort.dialect.Dialect} knows its
 * capabilities (by server version), how to reach the database through JDBC, how to classify its
 * errors, and which {@link dev.retort.dialect.SqlCompiler} renders statements for it. Dialects are
 * found through {@link dev.retort.dialect.DialectProvider} services, one per URL scheme.
 *
 * <p>Depends on {@code dev.retort.sql} and the root package; never on {@code dev.retort.engine}.
 */
package dev.retort.dialect;
