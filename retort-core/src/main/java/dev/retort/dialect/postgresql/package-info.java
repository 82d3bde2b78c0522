/** The PostgreSQL dialect, through the PostgreSQL JDBC driver. */
package dev.retort.dialect.postgresql;
