/**
 * The SQL statement tree: immutable objects that describe statements and the values bound to
 * them. Nothing here holds dialect-specific SQL or touches JDBC; the compilers in
 * {@code dev.retort.dialect} render these objects, and {@code dev.retort.engine} runs them.
 *
 * <p>Depends on nothing else in Retort but the root exceptions.
 */
package dev.retort.sql;
