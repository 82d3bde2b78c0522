package dev.retort.engine;

import dev.retort.sql.Executable;

import java.util.List;

/**
 * A statement as it is sent to the database: what the listener sees.
 *
 * @param statement the statement object that was executed, or {@code null} for DDL that Retort
 *                  rendered from schema objects
 * @param sql the SQL sent, with {@code ?} placeholders
 * @param parameterSets the values bound, one list per execution (several for executeMany);
 *                      values may be {@code null}
 * @param dialect the name of the engine's dialect
 */
public record StatementEvent(Executable statement, String sql, List<List<Object>> parameterSets, String dialect) {

    /** @return the parameters of the first (usually only) execution */
    public List<Object> parameters() {
        return parameterSets.isEmpty() ? List.of() : parameterSets.get(0);
    }

    /** @return whether this is a batch of several parameter sets */
    public boolean isBatch() {
        return parameterSets.size() > 1;
    }
}
