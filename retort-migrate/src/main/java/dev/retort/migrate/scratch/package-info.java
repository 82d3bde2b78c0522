/**
 * Scratch databases: a fresh database made for one job (such as {@code check --from-scratch})
 * and removed afterwards, on SQLite (a temporary file), PostgreSQL and MariaDB/MySQL (a database
 * of a unique name).
 */
package dev.retort.migrate.scratch;
