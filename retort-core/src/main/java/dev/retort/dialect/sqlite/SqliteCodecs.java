package dev.retort.dialect.sqlite;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.StandardCodecs;
import dev.retort.dialect.ValueCodec;
import dev.retort.types.DateTimeType;
import dev.retort.types.DateType;
import dev.retort.types.DoubleType;
import dev.retort.types.IntegerType;
import dev.retort.types.NumericType;
import dev.retort.types.RealType;
import dev.retort.types.SmallIntType;
import dev.retort.types.TimeType;
import dev.retort.types.TimestampTzType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * SQLite's codecs. SQLite stores any value in any column, so these keep values exact and
 * sortable themselves:
 * <ul>
 *   <li>dates, times and date-times are fixed-width ISO text: {@code 2024-02-29},
 *       {@code 13:45:30.123456}, {@code 2024-02-29 13:45:30.123456}, and time-zone-aware values
 *       {@code 2024-02-29 12:45:30.123456+00:00}, always in UTC; text order is time order and
 *       SQLite's date functions read them;</li>
 *   <li>{@code NUMERIC(p, s)} with p &lt;= 15 is stored as a number (SQLite's REAL keeps 15
 *       significant digits) and read back through its text, rounded to the scale; more digits,
 *       or no precision, are stored as plain decimal text in a {@code DECIMAL_TEXT} column;
 *       values whose integer part does not fit the precision are refused, as the servers do;</li>
 *   <li>NaN is refused (SQLite would store NULL); infinities are kept;</li>
 *   <li>SMALLINT and INTEGER values are read as 64-bit and refused if out of range rather than
 *       wrapped, since SQLite does not check a column's declared width.</li>
 * </ul>
 */
final class SqliteCodecs extends StandardCodecs {
    private static final String UTC_SUFFIX = "+00:00";

    SqliteCodecs(Dialect dialect) {
        super(dialect);
    }

    @Override
    public ValueCodec<?> visitSmallInt(SmallIntType t) {
        return of(Types.SMALLINT, (s, i, v) -> s.setShort(i, v), (r, i) -> {
            long v = r.getLong(i);
            if (r.wasNull()) {
                return null;
            }
            return (short) checkRange(v, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT");
        });
    }

    @Override
    public ValueCodec<?> visitInteger(IntegerType t) {
        return of(Types.INTEGER, (s, i, v) -> s.setInt(i, v), (r, i) -> {
            long v = r.getLong(i);
            if (r.wasNull()) {
                return null;
            }
            return (int) checkRange(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
        });
    }

    private static long checkRange(long v, long min, long max, String type) throws SQLException {
        if (v < min || v > max) {
            throw dataError("22003", "The stored value " + v + " is out of range for " + type + " (" + min + " to " + max
                    + "); SQLite does not check declared integer widths. Read the column as BIGINT.");
        }
        return v;
    }

    @Override
    public ValueCodec<?> visitNumeric(NumericType t) {
        boolean asNumber = t.precision() != null && t.precision() <= SqliteTypeCompiler.MAX_EXACT_DIGITS;
        Integer scale = t.scale();
        return of(Types.NUMERIC, (s, i, v) -> {
            BigDecimal fitted = fitNumeric(t, v);
            if (!asNumber) {
                s.setString(i, fitted.toPlainString());
            } else if (fitted.signum() == 0 || fitted.stripTrailingZeros().scale() <= 0) {
                s.setLong(i, fitted.longValueExact());
            } else {
                s.setDouble(i, fitted.doubleValue());
            }
        }, (r, i) -> {
            String text = r.getString(i);
            if (text == null) {
                return null;
            }
            BigDecimal v;
            try {
                v = new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                throw dataError("22018", "Cannot read '" + text + "' as " + t + ": it is not a number");
            }
            return scale == null ? v : v.setScale(scale, RoundingMode.HALF_UP);
        });
    }

    @Override
    public ValueCodec<?> visitReal(RealType t) {
        return of(Types.REAL, (s, i, v) -> {
            if (v.isNaN()) {
                throw nan("REAL");
            }
            s.setFloat(i, v);
        }, (r, i) -> {
            float v = r.getFloat(i);
            return r.wasNull() ? null : v;
        });
    }

    @Override
    public ValueCodec<?> visitDouble(DoubleType t) {
        return of(Types.DOUBLE, (s, i, v) -> {
            if (v.isNaN()) {
                throw nan("DOUBLE");
            }
            s.setDouble(i, v);
        }, (r, i) -> {
            double v = r.getDouble(i);
            return r.wasNull() ? null : v;
        });
    }

    private static SQLException nan(String type) {
        return dataError("22003", "SQLite cannot store NaN in a " + type + " column (it would store NULL); "
                + "bind null, or store the value as text");
    }

    @Override
    public ValueCodec<?> visitDate(DateType t) {
        return isoDateText();
    }

    @Override
    public ValueCodec<?> visitTime(TimeType t) {
        return isoTimeText();
    }

    @Override
    public ValueCodec<?> visitDateTime(DateTimeType t) {
        return isoDateTimeText();
    }

    @Override
    public ValueCodec<?> visitTimestampTz(TimestampTzType<?> t) {
        ValueCodec<OffsetDateTime> utcText = of(Types.VARCHAR,
                (s, i, v) -> s.setString(i, formatDateTime(v.toLocalDateTime()) + UTC_SUFFIX), (r, i) -> {
                    String text = r.getString(i);
                    return text == null ? null : parseDateTime(text).withOffsetSameInstant(ZoneOffset.UTC);
                });
        return timestampTz(t, utcText);
    }
}
