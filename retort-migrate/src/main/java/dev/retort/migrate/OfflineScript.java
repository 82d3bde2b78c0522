package dev.retort.migrate;

import java.util.List;

/**
 * The SQL of a range of revisions for one dialect, rendered without a database: the statements
 * as an engine would send them (SQL with placeholders and bound values, equal to what runs online)
 * and the script to hand to a DBA, with the values written as literals, each revision between
 * BEGIN and COMMIT where the database's DDL is transactional. Immutable.
 */
public final class OfflineScript {
    private final List<ScriptStatement> statements;
    private final String sql;

    OfflineScript(List<ScriptStatement> statements, String sql) {
        this.statements = List.copyOf(statements);
        this.sql = sql;
    }

    /** @return the statements in order, as a connection would send them */
    public List<ScriptStatement> statements() {
        return statements;
    }

    /** @return the statements' SQL alone, in order */
    public List<String> sqlStatements() {
        return statements.stream().map(ScriptStatement::sql).toList();
    }

    /** @return the script: statements ending in {@code ;}, values as literals, comments naming each revision */
    public String sql() {
        return sql;
    }

    @Override
    public String toString() {
        return sql;
    }
}
