package dev.retort.migrate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One statement of an offline script, as a connection would send it: SQL with {@code ?}
 * placeholders and the values bound to them (DDL has none).
 *
 * @param sql the SQL
 * @param parameters the bound values in placeholder order; may contain {@code null}
 */
public record ScriptStatement(String sql, List<Object> parameters) {
    /**
     * Copies the values (nulls allowed).
     *
     * @param sql the SQL
     * @param parameters the bound values in placeholder order
     */
    public ScriptStatement {
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }
}
