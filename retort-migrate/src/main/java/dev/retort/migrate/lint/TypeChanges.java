package dev.retort.migrate.lint;

import dev.retort.types.EnumType;
import dev.retort.types.MappedType;
import dev.retort.types.NumericType;
import dev.retort.types.SqlType;
import dev.retort.types.StringType;
import dev.retort.types.TextType;

import java.util.List;

/**
 * Type changes as lint sees them. The column type changes PostgreSQL makes without rewriting the table (binary-coercible, checked
 * on PostgreSQL 15 by the table's file node staying the same): a VARCHAR made longer, VARCHAR or
 * TEXT to TEXT, a NUMERIC given more precision at the same scale or none. Every other change
 * rewrites the table.
 */
final class TypeChanges {
    /** The most bytes a character takes in utf8mb4, the character set of Retort's columns on MariaDB and MySQL. */
    private static final int UTF8MB4 = 4;
    /** The longest VARCHAR, in bytes, whose length prefix is one byte (MariaDB, MySQL). */
    private static final int ONE_BYTE_PREFIX = 255;
    /** The longest value whose length InnoDB stores in one byte whatever the column's maximum. */
    private static final int SHORT_LENGTH = 127;
    /** The most labels an ENUM column stores in one byte (MariaDB, MySQL). */
    private static final int MAX_ONE_BYTE_ENUM = 255;

    private TypeChanges() {
    }

    /**
     * Whether changing a column from one type to another keeps its rows as they are.
     *
     * @param from the type now, or {@code null} if the revision does not say
     * @param to the new type
     * @return {@code true} only when known not to rewrite
     */
    static boolean postgresKeepsRows(SqlType<?> from, SqlType<?> to) {
        if (from == null || to == null) {
            return false;
        }
        SqlType<?> a = stored(from);
        SqlType<?> b = stored(to);
        if (a.equals(b)) {
            return true;
        }
        if (b instanceof TextType) {
            return a instanceof StringType || a instanceof TextType;
        }
        if (a instanceof StringType x && b instanceof StringType y) {
            return y.length() >= x.length();
        }
        if (a instanceof NumericType x && b instanceof NumericType y) {
            if (y.precision() == null) {
                return true;
            }
            return x.precision() != null && y.precision() >= x.precision()
                    && java.util.Objects.equals(x.scale(), y.scale());
        }
        return false;
    }

    /**
     * Whether a VARCHAR made longer keeps the size of its length prefix on MariaDB or MySQL, where
     * Retort's columns are utf8mb4 (4 bytes a character): one byte up to 255 bytes, two above. The
     * server then changes the catalog only; otherwise it copies the table. MariaDB also keeps a
     * column of at most 127 bytes as it is (its values' lengths fit one byte either way): checked on
     * MariaDB 10.11, where VARCHAR(31) to VARCHAR(100) and VARCHAR(64) to VARCHAR(65) are INSTANT and
     * VARCHAR(32) to VARCHAR(100) and VARCHAR(63) to VARCHAR(64) are refused but for COPY.
     *
     * @param from the type now
     * @param to the new type
     * @param shortStayOneByte whether a column of at most 127 bytes keeps its one-byte prefix (MariaDB)
     * @return {@code true} for a VARCHAR made longer within its prefix size
     */
    static boolean widensVarcharInPlace(SqlType<?> from, SqlType<?> to, boolean shortStayOneByte) {
        if (!widensVarchar(from, to)) {
            return false;
        }
        int before = ((StringType) stored(from)).length() * UTF8MB4;
        int after = ((StringType) stored(to)).length() * UTF8MB4;
        return after <= ONE_BYTE_PREFIX || before > ONE_BYTE_PREFIX || shortStayOneByte && before <= SHORT_LENGTH;
    }

    /** Whether a change from one type to another is a VARCHAR made longer. */
    static boolean widensVarchar(SqlType<?> from, SqlType<?> to) {
        return from != null && to != null && stored(from) instanceof StringType x && stored(to) instanceof StringType y
                && y.length() >= x.length();
    }

    /**
     * Whether a change from one ENUM type to another only appends labels at the end, keeping the
     * storage size (one byte up to 255 labels, two bytes above): MariaDB and MySQL make that
     * change INSTANT (checked on MariaDB 10.11), any other change of the labels copies the table.
     */
    static boolean appendsEnumLabels(SqlType<?> from, SqlType<?> to) {
        if (from == null || to == null || !(stored(from) instanceof EnumType<?> x)
                || !(stored(to) instanceof EnumType<?> y)) {
            return false;
        }
        List<String> before = x.labels();
        List<String> after = y.labels();
        return after.size() > before.size() && after.subList(0, before.size()).equals(before)
                && (after.size() <= MAX_ONE_BYTE_ENUM || before.size() > MAX_ONE_BYTE_ENUM);
    }

    private static SqlType<?> stored(SqlType<?> type) {
        SqlType<?> t = type;
        while (t instanceof MappedType<?, ?> m) {
            t = m.stored();
        }
        return t;
    }
}
