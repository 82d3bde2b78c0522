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

    /**
     * A SELECT of columns and expressions.
     *
     * @param items what to select
     * @return the statement
     */
    public static Select select(Expression<?>... items) {
        return Select.of(java.util.Arrays.asList(items));
    }

    /**
     * A SELECT of every column of a table, from that table.
     *
     * @param table the table
     * @return the statement
     */
    public static Select select(TableReference table) {
        java.util.List<Expression<?>> cols = new java.util.ArrayList<>(table.columnReferences());
        return Select.of(cols).from(table);
    }

    /**
     * An INSERT into a table.
     *
     * @param table the table
     * @return the statement, to fill with {@code value(...)} or {@code columns(...).values(...)}
     */
    public static Insert insert(TableReference table) {
        return Insert.into(table);
    }

    /**
     * An UPDATE of a table.
     *
     * @param table the table
     * @return the statement, to fill with {@code set(...)} and {@code where(...)}
     */
    public static Update update(TableReference table) {
        return Update.of(table);
    }

    /**
     * A DELETE from a table.
     *
     * @param table the table
     * @return the statement, to narrow with {@code where(...)}
     */
    public static Delete delete(TableReference table) {
        return Delete.from(table);
    }

    /**
     * A named parameter whose value is supplied when the statement runs, so that one compiled
     * statement serves many values (and {@code executeMany} can send a batch).
     *
     * @param name the parameter name
     * @param type its SQL type
     * @param <T> the Java type
     * @return the parameter
     */
    public static <T> Expression<T> bindparam(String name, dev.retort.types.SqlType<T> type) {
        if (!SqlNames.isName(name)) {
            throw new IllegalArgumentException("bindparam(name): '" + name + "' is not a valid parameter name "
                    + "(letters, digits and _, not starting with a digit)");
        }
        return new BindParameter<>(name, null, type);
    }
}
