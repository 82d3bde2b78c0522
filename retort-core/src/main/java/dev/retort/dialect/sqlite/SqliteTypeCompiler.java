package dev.retort.dialect.sqlite;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.TypeCompiler;
import dev.retort.types.DateTimeType;
import dev.retort.types.DoubleType;
import dev.retort.types.IntervalType;
import dev.retort.types.JsonType;
import dev.retort.types.NumericType;
import dev.retort.types.TimeType;
import dev.retort.types.TimestampTzType;
import dev.retort.types.UuidType;

/**
 * SQLite's type names. SQLite decides a column's storage by substrings of its declared type
 * (its "affinity"), so names are chosen to get the right affinity and still say what the column
 * holds: date-times and UUIDs are kept as ISO or canonical text (their names contain no affinity
 * keyword and their text never looks like a number); JSON is {@code JSON_TEXT} so that a document
 * like {@code 1e2} stays text; a decimal with more than 15 digits is {@code DECIMAL_TEXT(p, s)},
 * text, because SQLite's numbers keep only 15 significant digits.
 */
public class SqliteTypeCompiler extends TypeCompiler {
    /** The most digits SQLite's REAL keeps exactly. */
    public static final int MAX_EXACT_DIGITS = 15;

    /**
     * Creates the compiler.
     *
     * @param dialect the SQLite dialect
     */
    public SqliteTypeCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    public String visitNumeric(NumericType t) {
        if (t.precision() != null && t.precision() <= MAX_EXACT_DIGITS) {
            return t.toString();
        }
        return t.precision() == null ? "DECIMAL_TEXT" : "DECIMAL_TEXT(" + t.precision() + ", " + t.scale() + ")";
    }

    @Override
    public String visitDouble(DoubleType t) {
        return "DOUBLE";
    }

    @Override
    public String visitTime(TimeType t) {
        return "TIME";
    }

    @Override
    public String visitDateTime(DateTimeType t) {
        return "DATETIME";
    }

    @Override
    public String visitTimestampTz(TimestampTzType<?> t) {
        return "TIMESTAMPTZ";
    }

    @Override
    public String visitInterval(IntervalType t) {
        return "INTERVAL";
    }

    @Override
    public String visitUuid(UuidType t) {
        return t.binary() ? "UUID_BLOB" : "UUID";
    }

    @Override
    public String visitJson(JsonType<?> t) {
        return "JSON_TEXT";
    }
}
