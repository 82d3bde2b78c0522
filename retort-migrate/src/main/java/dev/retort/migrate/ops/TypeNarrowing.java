package dev.retort.migrate.ops;

import dev.retort.types.BigIntType;
import dev.retort.types.BinaryType;
import dev.retort.types.DateTimeType;
import dev.retort.types.DateType;
import dev.retort.types.DoubleType;
import dev.retort.types.EnumType;
import dev.retort.types.IntegerType;
import dev.retort.types.MappedType;
import dev.retort.types.NumericType;
import dev.retort.types.RealType;
import dev.retort.types.SmallIntType;
import dev.retort.types.SqlType;
import dev.retort.types.StringType;
import dev.retort.types.TextType;
import dev.retort.types.TimestampTzType;

/**
 * Whether changing a column from one type to another may lose data: a shorter VARCHAR, fewer
 * digits, a smaller integer, fewer enum labels, a date-time cut to a date. Such a change is
 * destructive, and {@code upgrade} runs it only when allowed. The answer is conservative: a change
 * not known to keep every value (text to a number, say) counts as narrowing. Stateless.
 */
public final class TypeNarrowing {
    private static final int SMALLINT_DIGITS = 5;
    private static final int INTEGER_DIGITS = 10;
    private static final int BIGINT_DIGITS = 19;

    private TypeNarrowing() {
    }

    /**
     * Whether values of {@code from} may not fit {@code to}.
     *
     * @param from the column's type now
     * @param to the type it changes to
     * @return {@code true} if some values may be lost, cut or refused
     */
    public static boolean narrows(SqlType<?> from, SqlType<?> to) {
        SqlType<?> a = stored(from);
        SqlType<?> b = stored(to);
        if (a.equals(b)) {
            return false;
        }
        if (b instanceof TextType) {
            return a instanceof BinaryType;
        }
        int ia = integerDigits(a);
        if (ia > 0) {
            return !holdsInteger(b, ia);
        }
        if (a instanceof NumericType n) {
            return !holdsNumeric(n, b);
        }
        if (a instanceof RealType) {
            return !(b instanceof DoubleType);
        }
        if (a instanceof StringType s) {
            return !(b instanceof StringType t && t.length() >= s.length());
        }
        if (a instanceof EnumType<?> e) {
            return !holdsLabels(e, b);
        }
        if (a instanceof DateType) {
            return !(b instanceof DateTimeType || b instanceof TimestampTzType<?>);
        }
        if (a instanceof DateTimeType) {
            return !(b instanceof TimestampTzType<?>);
        }
        if (a instanceof BinaryType x) {
            return !(b instanceof BinaryType y && (y.length() == null || (x.length() != null && y.length() >= x.length())));
        }
        return true;
    }

    private static SqlType<?> stored(SqlType<?> t) {
        return t instanceof MappedType<?, ?> m ? stored(m.stored()) : t;
    }

    /** The decimal digits an integer type holds, or 0 for a type that is no integer. */
    private static int integerDigits(SqlType<?> t) {
        if (t instanceof SmallIntType) {
            return SMALLINT_DIGITS;
        }
        if (t instanceof IntegerType) {
            return INTEGER_DIGITS;
        }
        return t instanceof BigIntType ? BIGINT_DIGITS : 0;
    }

    private static boolean holdsInteger(SqlType<?> to, int digits) {
        int target = integerDigits(to);
        if (target > 0) {
            return target >= digits;
        }
        if (to instanceof NumericType n) {
            return n.precision() == null || n.precision() - (n.scale() == null ? 0 : n.scale()) >= digits;
        }
        if (to instanceof DoubleType) {
            return digits < BIGINT_DIGITS;
        }
        return to instanceof RealType && digits == SMALLINT_DIGITS;
    }

    private static boolean holdsNumeric(NumericType from, SqlType<?> to) {
        if (!(to instanceof NumericType n)) {
            return false;
        }
        if (n.precision() == null) {
            return true;
        }
        if (from.precision() == null) {
            return false;
        }
        int fromScale = from.scale() == null ? 0 : from.scale();
        int toScale = n.scale() == null ? 0 : n.scale();
        return toScale >= fromScale && n.precision() - toScale >= from.precision() - fromScale;
    }

    private static boolean holdsLabels(EnumType<?> from, SqlType<?> to) {
        if (to instanceof EnumType<?> e) {
            return e.labels().containsAll(from.labels());
        }
        if (to instanceof StringType s) {
            return from.labels().stream().allMatch(l -> l.length() <= s.length());
        }
        return false;
    }
}
