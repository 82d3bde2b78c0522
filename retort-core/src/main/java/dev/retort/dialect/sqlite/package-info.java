/** The SQLite dialect: embedded databases in a file or in memory, through sqlite-jdbc. */
package dev.retort.dialect.sqlite;
