/**
 * Reflection: reading tables, views and their constraints back from a live database.
 *
 * <p>{@link dev.retort.reflect.Inspector} is the public entry point (get one from
 * {@code connection.inspector()}); it returns immutable records ({@link dev.retort.reflect.ReflectedTable},
 * {@link dev.retort.reflect.ReflectedColumn}, ...) and turns them into the same
 * {@link dev.retort.schema.Table} objects that code defines ({@link dev.retort.reflect.TableFactory}).
 * Each dialect supplies a {@link dev.retort.reflect.SchemaReader}, the SPI that runs its catalog queries.
 *
 * <p>This package depends on {@code dev.retort.types}, {@code dev.retort.schema}, the root package and
 * JDBC; never on {@code dev.retort.dialect} or {@code dev.retort.engine}, which sit above it.
 */
package dev.retort.reflect;
