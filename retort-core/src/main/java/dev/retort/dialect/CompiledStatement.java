package dev.retort.dialect;

import java.util.List;

/**
 * A statement rendered for one dialect: its SQL with JDBC {@code ?} placeholders and the names of
 * the parameters in placeholder order. Immutable, and cached by the engine per statement
 * structure.
 *
 * @param sql the SQL text
 * @param parameterNames the parameter bound to each placeholder, in order (a name may repeat)
 */
public record CompiledStatement(String sql, List<String> parameterNames) {

    /** Copies the name list. */
    public CompiledStatement {
        parameterNames = List.copyOf(parameterNames);
    }

    @Override
    public String toString() {
        return sql;
    }
}
