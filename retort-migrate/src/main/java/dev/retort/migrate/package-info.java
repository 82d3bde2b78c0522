/**
 * Versioned, reversible schema migrations: {@link dev.retort.migrate.Revision} classes found on
 * the class path form a {@link dev.retort.migrate.RevisionGraph}; a
 * {@link dev.retort.migrate.Migrator} upgrades and downgrades a database along it, one transaction
 * per revision where DDL is transactional, recording the applied heads in a version table;
 * {@link dev.retort.migrate.Migrations} also renders the same steps as an offline SQL script.
 *
 * <p>Depends on Retort Core's public API and {@code dev.retort.migrate.ops}; never on the ORM.
 */
package dev.retort.migrate;
