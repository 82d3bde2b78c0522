package dev.retort.sql;

/**
 * A column of a table as an expression. The schema layer's {@code Column} implements it; the
 * statement tree and compilers only need its name and its table.
 *
 * @param <T> the Java type of the column's values
 */
public interface ColumnReference<T> extends Expression<T> {

    /** @return the column's name in the database */
    String name();

    /** @return the table the column belongs to */
    TableReference table();

    /** @return the value INSERT uses when none is given (a client-side default), or {@code null} */
    default java.util.function.Supplier<? extends T> insertDefault() {
        return null;
    }

    /** @return the value UPDATE sets when the column is not set explicitly, or {@code null} */
    default java.util.function.Supplier<? extends T> updateDefault() {
        return null;
    }

    /**
     * Whether the database generates this column's values (identity, serial, AUTO_INCREMENT,
     * SQLite's rowid): the one value an INSERT can return through JDBC generated keys where the
     * database has no {@code INSERT ... RETURNING}.
     *
     * @return whether the database generates the column's values
     */
    default boolean isAutoincrement() {
        return false;
    }

    @Override
    default <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitColumn(this);
    }
}
