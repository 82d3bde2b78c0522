package dev.retort.sql;

/**
 * Entry points for building statements. Import its methods statically:
 * {@code import static dev.retort.sql.Statements.*;}
 */
public final class Statements {
    private Statements() {
    }

    /**
     * A SQL statement written as text, with named bind parameters written {@code :name}.
     *
     * <pre>{@code
     * conn.execute(text("SELECT name FROM users WHERE id = :id").bind("id", 5));
     * }</pre>
     *
     * <p>Values are always sent as bind parameters, never pasted into the SQL. Write {@code \:}
     * for a literal colon; {@code ::} (a PostgreSQL cast) is left alone, as is anything inside
     * quotes or comments.
     *
     * @param sql the SQL text
     * @return the statement
     * @throws IllegalArgumentException if {@code sql} is null or blank
     */
    public static TextClause text(String sql) {
        return TextClause.of(sql);
    }
}
