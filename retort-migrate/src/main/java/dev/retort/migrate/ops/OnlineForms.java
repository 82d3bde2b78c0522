package dev.retort.migrate.ops;

import dev.retort.dialect.Dialect;

import java.util.Map;
import java.util.Optional;

/**
 * How one database writes the online forms of DDL statements ({@link OnlineSettings}): each
 * dialect family has its own implementation, chosen by dialect name; databases without online
 * forms render the plain statements.
 */
interface OnlineForms {

    /**
     * The forms of a dialect.
     *
     * @param dialect the dialect
     * @return its forms; the plain ones for a dialect without any
     */
    static OnlineForms of(Dialect dialect) {
        return Registry.FORMS.getOrDefault(dialect.name(), PlainOnlineForms.INSTANCE);
    }

    /**
     * A CREATE INDEX statement in its online form.
     *
     * @param sql the statement the DDL compiler rendered
     * @param settings the settings
     * @return the statement to run
     */
    String createIndex(String sql, OnlineSettings settings);

    /**
     * An ALTER TABLE statement in its online form.
     *
     * @param sql the statement the DDL compiler rendered
     * @param settings the settings
     * @return the statement to run
     */
    String alterTable(String sql, OnlineSettings settings);

    /**
     * An ALTER TABLE ... ADD CONSTRAINT (foreign key or check) in its online form.
     *
     * @param sql the statement the DDL compiler rendered
     * @param settings the settings
     * @return the statement to run
     */
    String addConstraint(String sql, OnlineSettings settings);

    /**
     * The statement that checks the existing rows against a constraint added NOT VALID.
     *
     * @param quotedTable the table, quoted and qualified
     * @param quotedName the constraint, quoted
     * @return the statement, or empty where constraints are always checked when added
     */
    Optional<String> validateConstraint(String quotedTable, String quotedName);

    /**
     * Whether a statement with these settings cannot run inside a transaction.
     *
     * @param settings the settings
     * @return {@code true} for PostgreSQL's CREATE INDEX CONCURRENTLY
     */
    boolean needsNoTransaction(OnlineSettings settings);

    /** The forms by dialect name. */
    final class Registry {
        private static final Map<String, OnlineForms> FORMS = Map.of(
                "postgresql", new PostgresOnlineForms(),
                "mariadb", new MysqlOnlineForms(),
                "mysql", new MysqlOnlineForms());

        private Registry() {
        }
    }
}
