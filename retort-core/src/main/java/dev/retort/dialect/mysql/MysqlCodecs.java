package dev.retort.dialect.mysql;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.StandardCodecs;
import dev.retort.dialect.ValueCodec;
import dev.retort.types.DateTimeType;
import dev.retort.types.DateType;
import dev.retort.types.DoubleType;
import dev.retort.types.RealType;
import dev.retort.types.TimeType;
import dev.retort.types.TimestampTzType;

import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * MySQL's and MariaDB's codecs.
 * <ul>
 *   <li>Dates, times and date-times are sent as text ({@code 2024-02-29 13:45:30.123456}, to
 *       the microsecond) and read with {@code getObject(index, LocalDateTime.class)} and
 *       siblings, never {@code getString}: MariaDB Connector/J 3.5 formats a DATETIME for
 *       {@code getString} through a {@code Timestamp} in the JVM's time zone, which moves a
 *       value in a daylight-saving gap ({@code 2024-03-31 02:30} in Europe/Berlin) by an
 *       hour.</li>
 *   <li>Time-zone-aware values are stored in a {@code DATETIME(6)} as the UTC date-time and
 *       read back at offset UTC; never a {@code TIMESTAMP} column, which ends in 2038 and
 *       converts through the session time zone.</li>
 *   <li>NaN and infinities are refused: the columns cannot hold them, and the driver would
 *       write them into the SQL as bare words.</li>
 *   <li>A REAL is sent as the double it widens to exactly: the float's shortest text
 *       ({@code 3.4028235E38} for {@code Float.MAX_VALUE}) is above FLOAT's range.</li>
 *   <li>UUIDs are text for MariaDB 10.7's native UUID type and for {@code CHAR(36)} alike, so
 *       no version check is needed; {@code uuidAsBinary()} is {@code BINARY(16)}.</li>
 * </ul>
 */
final class MysqlCodecs extends StandardCodecs {

    MysqlCodecs(Dialect dialect) {
        super(dialect);
    }

    @Override
    public ValueCodec<?> visitReal(RealType t) {
        return of(Types.REAL, (s, i, v) -> s.setDouble(i, finite(v, "FLOAT")), (r, i) -> {
            float v = r.getFloat(i);
            return r.wasNull() ? null : v;
        });
    }

    @Override
    public ValueCodec<?> visitDouble(DoubleType t) {
        return of(Types.DOUBLE, (s, i, v) -> s.setDouble(i, finite(v, "DOUBLE")), (r, i) -> {
            double v = r.getDouble(i);
            return r.wasNull() ? null : v;
        });
    }

    private double finite(double v, String type) throws SQLException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw dataError("22003", dialect.displayName() + " cannot store " + v + " in a " + type
                    + " column: it has no NaN or infinity. Bind null, or keep the value in another column.");
        }
        return v;
    }

    @Override
    public ValueCodec<?> visitDate(DateType t) {
        return of(Types.DATE, (s, i, v) -> s.setString(i, formatDate(v)), (r, i) -> r.getObject(i, LocalDate.class));
    }

    @Override
    public ValueCodec<?> visitTime(TimeType t) {
        return of(Types.TIME, (s, i, v) -> s.setString(i, formatTime(v)), (r, i) -> r.getObject(i, LocalTime.class));
    }

    @Override
    public ValueCodec<?> visitDateTime(DateTimeType t) {
        return dateTime();
    }

    private static ValueCodec<LocalDateTime> dateTime() {
        return of(Types.TIMESTAMP, (s, i, v) -> s.setString(i, formatDateTime(v)),
                (r, i) -> r.getObject(i, LocalDateTime.class));
    }

    @Override
    public ValueCodec<?> visitTimestampTz(TimestampTzType<?> t) {
        ValueCodec<OffsetDateTime> utc = converted(dateTime(), OffsetDateTime::toLocalDateTime,
                (LocalDateTime ldt) -> ldt.atOffset(ZoneOffset.UTC));
        return timestampTz(t, utc);
    }
}
