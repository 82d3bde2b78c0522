/**
 * SQL types: each {@link dev.retort.types.SqlType} maps a Java type to a SQL type. Types are
 * immutable values (equal when their parameters are equal). How a type is named in DDL and how its
 * values are bound and read is decided per dialect, in {@code dev.retort.dialect}.
 *
 * <p>Depends on nothing else in Retort.
 */
package dev.retort.types;
