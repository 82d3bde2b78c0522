package dev.retort.migrate.ops;

import dev.retort.engine.Connection;

/**
 * Java code that changes data during a migration, through Core statements on the migration's own
 * connection: {@code ops.run(conn -> conn.execute(update(users).set(...).where(...)))}. It runs in
 * the revision's transaction where the database has transactional DDL; it must not commit or
 * roll back. Offline mode cannot render it and refuses the revision.
 */
@FunctionalInterface
public interface DataMigration {

    /**
     * Changes the data.
     *
     * @param connection the migration's connection, in the revision's transaction
     */
    void migrate(Connection connection);
}
