package dev.retort.schema;

import java.util.Objects;

/**
 * A column default that the database applies: a literal value (rendered by the dialect as a
 * safely quoted SQL literal) or a SQL expression written by the developer, such as
 * {@code CURRENT_TIMESTAMP}. Expressions are inserted into DDL as written: never build one from
 * user input.
 *
 * @param value the literal value, or {@code null} for an expression
 * @param expression the SQL expression, or {@code null} for a literal
 */
public record ServerDefault(Object value, String expression) {

    /** Checks that exactly one of the two is set. */
    public ServerDefault {
        if ((value == null) == (expression == null)) {
            throw new IllegalArgumentException("A server default is either a literal value or a SQL expression");
        }
    }

    /**
     * A literal default.
     *
     * @param value a string, number, boolean or date-time value
     * @return the default
     */
    public static ServerDefault literal(Object value) {
        return new ServerDefault(Objects.requireNonNull(value, "value"), null);
    }

    /**
     * A SQL expression default, inserted into DDL as written.
     *
     * @param sql e.g. {@code CURRENT_TIMESTAMP}
     * @return the default
     */
    public static ServerDefault expression(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("serverDefault(sql): the SQL expression is null or blank");
        }
        return new ServerDefault(null, sql.strip());
    }

    /** @return whether this is a SQL expression rather than a literal */
    public boolean isExpression() {
        return expression != null;
    }
}
