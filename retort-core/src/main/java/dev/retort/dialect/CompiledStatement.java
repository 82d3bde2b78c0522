package dev.retort.dialect;

import java.util.List;

/**
 * A statement rendered for one dialect: its SQL with JDBC {@code ?} placeholders and the names of
 * the parameters in placeholder order. Immutable, and cached by the engine per statement
 * structure.
 *
 * @param sql the SQL text
 * @param parameterNames the parameter bound to each placeholder, in order (a name may repeat)
 * @param generatedKey the column whose database-generated value an {@code INSERT ... returning(key)}
 *                     reads through JDBC generated keys, on a database without
 *                     {@code INSERT ... RETURNING}; {@code null} for every other statement
 */
public record CompiledStatement(String sql, List<String> parameterNames, String generatedKey) {

    /** Copies the name list. */
    public CompiledStatement {
        parameterNames = List.copyOf(parameterNames);
    }

    /**
     * A statement whose results, if any, come from its own SQL.
     *
     * @param sql the SQL text
     * @param parameterNames the parameter bound to each placeholder, in order
     */
    public CompiledStatement(String sql, List<String> parameterNames) {
        this(sql, parameterNames, null);
    }

    @Override
    public String toString() {
        return sql;
    }
}
