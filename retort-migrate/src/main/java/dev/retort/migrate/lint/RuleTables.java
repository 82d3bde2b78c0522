package dev.retort.migrate.lint;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The rule tables by dialect name, for {@link DialectRules#of}. A class of the package rather than
 * a member of {@link DialectRules}, whose member classes would be public API.
 */
final class RuleTables {
    static final Map<String, Supplier<DialectRules>> BY_DIALECT = Map.of(
            "postgresql", PostgresRules::new,
            "mariadb", MysqlRules::mariaDb,
            "mysql", MysqlRules::mysql,
            "sqlite", SqliteRules::new);

    private RuleTables() {
    }
}
