/**
 * The MySQL and MariaDB dialects, both through MariaDB Connector/J (LGPL-2.1, used unmodified as
 * a separate library). {@link dev.retort.dialect.mysql.MariaDbDialect} extends
 * {@link dev.retort.dialect.mysql.MysqlDialect} with what MariaDB adds.
 */
package dev.retort.dialect.mysql;
