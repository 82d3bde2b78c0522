/**
 * The description of a database: {@link dev.retort.schema.MetaData} holds
 * {@link dev.retort.schema.Table}s of typed {@link dev.retort.schema.Column}s with their
 * constraints and indexes, and the DDL statements that create and drop them.
 *
 * <p>Schema objects are immutable once defined. This package depends on {@code dev.retort.types}
 * and {@code dev.retort.sql}; the layers above plug in through {@link dev.retort.schema.SchemaExecutor}
 * (an {@code Engine}) and {@link dev.retort.schema.DdlRenderer} (a {@code Dialect}).
 */
package dev.retort.schema;
