package dev.retort.migrate.lint;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.ServerVersion;

import java.util.List;
import java.util.function.Supplier;

/**
 * A database's lint rules: what each kind of change locks and rewrites on it, and the online
 * alternative. One implementation per dialect family; the rules are data ({@link LintRule}).
 */
public interface DialectRules {

    /**
     * The rules for a server version.
     *
     * @param version the server's version; {@link ServerVersion#LATEST} offline
     * @return the rules
     */
    List<LintRule> rules(ServerVersion version);

    /**
     * The rules of a dialect.
     *
     * @param dialect the dialect
     * @return its rules for the dialect's server version
     * @throws IllegalArgumentException for a dialect that has no lint rules, naming it
     */
    static List<LintRule> of(Dialect dialect) {
        Supplier<DialectRules> make = RuleTables.BY_DIALECT.get(dialect.name());
        if (make == null) {
            throw new IllegalArgumentException("lint has no rules for " + dialect.displayName() + " (dialect '"
                    + dialect.name() + "'); it knows " + RuleTables.BY_DIALECT.keySet().stream().sorted().toList()
                    + ".");
        }
        return make.get().rules(dialect.serverVersion());
    }
}
