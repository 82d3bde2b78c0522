package dev.retort.dialect;

import dev.retort.CompileException;
import dev.retort.RetortException;
import dev.retort.types.ArrayType;
import dev.retort.types.BigIntType;
import dev.retort.types.BinaryType;
import dev.retort.types.BooleanType;
import dev.retort.types.DateTimeType;
import dev.retort.types.DateType;
import dev.retort.types.DoubleType;
import dev.retort.types.EnumType;
import dev.retort.types.IntegerType;
import dev.retort.types.IntervalType;
import dev.retort.types.JsonType;
import dev.retort.types.MappedType;
import dev.retort.types.NumericType;
import dev.retort.types.RealType;
import dev.retort.types.SmallIntType;
import dev.retort.types.StringType;
import dev.retort.types.TextType;
import dev.retort.types.TimeType;
import dev.retort.types.TimestampTzType;
import dev.retort.types.TypeVisitor;
import dev.retort.types.UuidType;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The value codecs that dialects share: each {@link dev.retort.types.SqlType} bound and read
 * through JDBC's typed setters and getters ({@code setLong}, {@code setBigDecimal}, JDBC 4.2's
 * {@code setObject(LocalDate)}, ...). A dialect subclasses it and overrides the visit methods of
 * the types it stores differently, then returns {@code type.accept(new MyCodecs(this))} from
 * {@link Dialect#makeCodec}.
 *
 * <p>Shared rules: SQL NULL binds and reads as {@code null}; date-times are kept to the
 * microsecond (finer digits are dropped on the way in, on every database, so that all of them
 * store the same value); time-zone-aware values are normalised to UTC before they are bound;
 * an {@link IntervalType} is a BIGINT count of microseconds; a UUID is its 36-character text, or
 * 16 bytes (most significant first) for {@link dev.retort.types.SqlTypes#uuidAsBinary()}; an enum
 * is its label; JSON is the text its {@link dev.retort.types.JsonCodec} writes; arrays are
 * refused. A value the database cannot take is refused with a {@link SQLDataException} (SQLSTATE
 * class 22), which the engine reports as a {@link dev.retort.DataException}.
 *
 * <p>A factory is used once per type (the dialect caches the codecs); the codecs it makes are
 * immutable and thread-safe.
 */
public class StandardCodecs implements TypeVisitor<ValueCodec<?>> {

    /**
     * Sets a non-null value on a statement.
     *
     * @param <T> the value's Java type
     */
    @FunctionalInterface
    public interface Setter<T> {
        /**
         * Binds a value.
         *
         * @param statement the statement
         * @param index the 1-based parameter index
         * @param value the value, never {@code null}
         * @throws SQLException if the driver or the codec refuses the value
         */
        void set(PreparedStatement statement, int index, T value) throws SQLException;
    }

    /**
     * Reads a value from the current row of a result.
     *
     * @param <T> the value's Java type
     */
    @FunctionalInterface
    public interface Getter<T> {
        /**
         * Reads a value.
         *
         * @param resultSet the result, on a row
         * @param index the 1-based column index
         * @return the value, or {@code null} for SQL NULL
         * @throws SQLException if the driver cannot read it or the value is invalid
         */
        T get(ResultSet resultSet, int index) throws SQLException;
    }

    /**
     * Converts a non-null value between two Java forms.
     *
     * @param <A> the form converted from
     * @param <B> the form converted to
     */
    @FunctionalInterface
    public interface Conversion<A, B> {
        /**
         * Converts a value.
         *
         * @param value the value, never {@code null}
         * @return the converted value
         * @throws SQLException if the value has no counterpart (a {@link SQLDataException})
         */
        B apply(A value) throws SQLException;
    }

    /** {@code 2024-02-29}: ISO dates with a four-digit year ({@code 0001-01-01}). */
    private static final DateTimeFormatter DATE_TEXT = DateTimeFormatter.ISO_LOCAL_DATE;
    /** {@code 13:45:30.123456}: fixed width, so that text order is time order. */
    private static final DateTimeFormatter TIME_TEXT = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    /** {@code 2024-02-29 13:45:30.123456}: fixed width for years 0000 to 9999. */
    private static final DateTimeFormatter DATE_TIME_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    /** Reads a date-time written with a space or a {@code T}, with or without seconds and fraction. */
    private static final DateTimeFormatter DATE_TIME_IN = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .toFormatter();

    /** The dialect the codecs are made for. */
    protected final Dialect dialect;

    /**
     * Creates the factory for a dialect.
     *
     * @param dialect the dialect, which also caches the codecs of component types (mapped types)
     */
    protected StandardCodecs(Dialect dialect) {
        this.dialect = dialect;
    }

    // ---- building blocks for dialects ---------------------------------------------------------

    /**
     * A codec from a setter and a getter; {@code null} binds as {@code setNull(index, nullType)}.
     *
     * @param nullType the {@link Types} constant for binding SQL NULL
     * @param setter binds a non-null value
     * @param getter reads a value, returning {@code null} for SQL NULL
     * @param <T> the Java type
     * @return the codec
     */
    public static <T> ValueCodec<T> of(int nullType, Setter<T> setter, Getter<T> getter) {
        return new SimpleCodec<>(nullType, setter, getter);
    }

    /**
     * A codec that stores values through another codec, converting non-null values on the way in
     * and out.
     *
     * @param stored the codec of the stored form
     * @param toStored converts a value into the stored form
     * @param fromStored converts a stored value back
     * @param <T> the Java type the caller sees
     * @param <S> the Java type of the stored form
     * @return the codec
     */
    public static <T, S> ValueCodec<T> converted(ValueCodec<S> stored, Conversion<? super T, ? extends S> toStored,
                                                 Conversion<? super S, ? extends T> fromStored) {
        return new ConvertedCodec<>(stored, toStored, fromStored);
    }

    /**
     * An exception for a value the database cannot take or a stored value Java cannot read; the
     * engine reports it as a {@link dev.retort.DataException}.
     *
     * @param sqlState a class 22 SQLSTATE, e.g. {@code 22003} (numeric value out of range)
     * @param message what the value is and why it does not fit
     * @return the exception to throw
     */
    protected static SQLDataException dataError(String sqlState, String message) {
        return new SQLDataException(message, sqlState);
    }

    /**
     * A duration as whole microseconds, rounding finer digits toward negative infinity.
     *
     * @param d the duration
     * @return the microseconds
     * @throws SQLDataException (22015) if it does not fit in 64 bits (about 292,000 years)
     */
    protected static long toMicros(Duration d) throws SQLDataException {
        try {
            return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1_000L);
        } catch (ArithmeticException e) {
            throw dataError("22015", "Duration " + d + " is too long to store: intervals hold up to about 292,000 years "
                    + "(2^63 microseconds)");
        }
    }

    /**
     * A duration of a number of microseconds.
     *
     * @param micros the microseconds
     * @return the duration
     */
    protected static Duration ofMicros(long micros) {
        return Duration.ofSeconds(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /**
     * A time-zone-aware value as an offset date-time in UTC, to the microsecond.
     *
     * @param value an {@link OffsetDateTime} or an {@link Instant}
     * @return the same instant at offset zero
     */
    protected static OffsetDateTime toUtc(Object value) {
        OffsetDateTime odt = value instanceof Instant i ? i.atOffset(ZoneOffset.UTC)
                : ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC);
        return odt.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Converts an offset date-time read from the database into a {@link TimestampTzType}'s
     * Java form: the instant, or the date-time at offset UTC.
     *
     * @param type the type
     * @param odt the value read
     * @param <T> the Java type
     * @return the value
     */
    @SuppressWarnings("unchecked")
    protected static <T> T fromUtc(TimestampTzType<T> type, OffsetDateTime odt) {
        return type.javaType() == Instant.class ? (T) odt.toInstant() : (T) odt.withOffsetSameInstant(ZoneOffset.UTC);
    }

    /**
     * A codec for time-zone-aware values over a codec of UTC offset date-times: values are
     * normalised to UTC and the microsecond before they are bound.
     *
     * @param type the type
     * @param utc the codec of the stored form
     * @param <T> {@code OffsetDateTime} or {@code Instant}
     * @return the codec
     */
    protected static <T> ValueCodec<T> timestampTz(TimestampTzType<T> type, ValueCodec<OffsetDateTime> utc) {
        return converted(utc, StandardCodecs::toUtc, odt -> fromUtc(type, odt));
    }

    /**
     * Dates as ISO text, {@code 2024-02-29} (a four-digit year: {@code 0001-01-01}), through
     * {@code setString} and {@code getString}.
     *
     * @return the codec
     */
    protected static ValueCodec<LocalDate> isoDateText() {
        return of(Types.VARCHAR, (s, i, v) -> s.setString(i, DATE_TEXT.format(v)), (r, i) -> {
            String text = r.getString(i);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text.length() > 10 && !text.startsWith("+") && !text.startsWith("-")
                        ? text.substring(0, 10) : text);
            } catch (DateTimeParseException e) {
                throw unreadable(text, "DATE", e);
            }
        });
    }

    /**
     * Times of day as fixed-width text, {@code 13:45:30.123456}, so that text order is time
     * order; read leniently ({@code 13:45}, {@code 13:45:30.5}).
     *
     * @return the codec
     */
    protected static ValueCodec<LocalTime> isoTimeText() {
        return of(Types.VARCHAR, (s, i, v) -> s.setString(i, TIME_TEXT.format(v)), (r, i) -> {
            String text = r.getString(i);
            if (text == null) {
                return null;
            }
            try {
                return LocalTime.parse(text);
            } catch (DateTimeParseException e) {
                throw unreadable(text, "TIME", e);
            }
        });
    }

    /**
     * Date-times as fixed-width text, {@code 2024-02-29 13:45:30.123456}, so that text order is
     * time order for years 0001 to 9999; read leniently (a {@code T} separator, no fraction, a
     * date alone as midnight).
     *
     * @return the codec
     */
    protected static ValueCodec<LocalDateTime> isoDateTimeText() {
        return of(Types.VARCHAR, (s, i, v) -> s.setString(i, DATE_TIME_TEXT.format(v)), (r, i) -> {
            String text = r.getString(i);
            return text == null ? null : parseDateTime(text).toLocalDateTime();
        });
    }

    /**
     * Parses date-time text as {@link #isoDateTimeText()} writes it, or in a nearby ISO form,
     * with an optional UTC offset ({@code Z}, {@code +05:30}).
     *
     * @param text the text
     * @return the date-time, at offset UTC when the text has none
     * @throws SQLDataException (22007) if the text is no date-time
     */
    protected static OffsetDateTime parseDateTime(String text) throws SQLDataException {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            var parsed = DATE_TIME_IN.parse(text);
            LocalDateTime ldt = LocalDateTime.of(LocalDate.from(parsed), LocalTime.from(parsed));
            ZoneOffset offset = parsed.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
            return ldt.atOffset(offset);
        } catch (DateTimeException e) {
            throw unreadable(text, "date-time", e);
        }
    }

    /**
     * Formats a date as {@link #isoDateText()} stores it.
     *
     * @param value the date
     * @return e.g. {@code 0001-01-01}
     */
    protected static String formatDate(LocalDate value) {
        return DATE_TEXT.format(value);
    }

    /**
     * Formats a time of day as {@link #isoTimeText()} stores it, dropping digits finer than a
     * microsecond.
     *
     * @param value the time
     * @return e.g. {@code 09:05:00.000000}
     */
    protected static String formatTime(LocalTime value) {
        return TIME_TEXT.format(value);
    }

    /**
     * Formats a date-time as {@link #isoDateTimeText()} stores it, dropping digits finer than a
     * microsecond.
     *
     * @param value the date-time
     * @return e.g. {@code 2024-02-29 13:45:30.123456}
     */
    protected static String formatDateTime(LocalDateTime value) {
        return DATE_TIME_TEXT.format(value);
    }

    private static SQLDataException unreadable(String text, String what, Exception cause) {
        SQLDataException e = dataError("22007", "Cannot read '" + text + "' as a " + what + ": " + cause.getMessage());
        e.initCause(cause);
        return e;
    }

    // ---- the shared codecs --------------------------------------------------------------------

    @Override
    public ValueCodec<?> visitBoolean(BooleanType t) {
        return of(Types.BOOLEAN, (s, i, v) -> s.setBoolean(i, v), (r, i) -> {
            boolean v = r.getBoolean(i);
            return r.wasNull() ? null : v;
        });
    }

    @Override
    public ValueCodec<?> visitSmallInt(SmallIntType t) {
        return of(Types.SMALLINT, (s, i, v) -> s.setShort(i, v), (r, i) -> {
            short v = r.getShort(i);
            return r.wasNull() ? null : v;
        });
    }

    @Override
    public ValueCodec<?> visitInteger(IntegerType t) {
        return of(Types.INTEGER, (s, i, v) -> s.setInt(i, v), (r, i) -> {
            int v = r.getInt(i);
            return r.wasNull() ? null : v;
        });
    }

    @Override
    public ValueCodec<?> visitBigInt(BigIntType t) {
        return of(Types.BIGINT, (s, i, v) -> s.setLong(i, v), (r, i) -> {
            long v = r.getLong(i);
            return r.wasNull() ? null : v;
        });
    }

    @Override
    public ValueCodec<?> visitNumeric(NumericType t) {
        return of(Types.NUMERIC, (s, i, v) -> s.setBigDecimal(i, v), ResultSet::getBigDecimal);
    }

    @Override
    public ValueCodec<?> visitReal(RealType t) {
        return of(Types.REAL, (s, i, v) -> s.setFloat(i, v), (r, i) -> {
            float v = r.getFloat(i);
            return r.wasNull() ? null : v;
        });
    }

    @Override
    public ValueCodec<?> visitDouble(DoubleType t) {
        return of(Types.DOUBLE, (s, i, v) -> s.setDouble(i, v), (r, i) -> {
            double v = r.getDouble(i);
            return r.wasNull() ? null : v;
        });
    }

    @Override
    public ValueCodec<?> visitString(StringType t) {
        return of(Types.VARCHAR, (s, i, v) -> s.setString(i, v), ResultSet::getString);
    }

    @Override
    public ValueCodec<?> visitText(TextType t) {
        return of(Types.VARCHAR, (s, i, v) -> s.setString(i, v), ResultSet::getString);
    }

    @Override
    public ValueCodec<?> visitDate(DateType t) {
        return of(Types.DATE, (s, i, v) -> s.setObject(i, v), (r, i) -> r.getObject(i, LocalDate.class));
    }

    @Override
    public ValueCodec<?> visitTime(TimeType t) {
        return of(Types.TIME, (s, i, v) -> s.setObject(i, v.truncatedTo(ChronoUnit.MICROS)),
                (r, i) -> r.getObject(i, LocalTime.class));
    }

    @Override
    public ValueCodec<?> visitDateTime(DateTimeType t) {
        return of(Types.TIMESTAMP, (s, i, v) -> s.setObject(i, v.truncatedTo(ChronoUnit.MICROS)),
                (r, i) -> r.getObject(i, LocalDateTime.class));
    }

    @Override
    public ValueCodec<?> visitTimestampTz(TimestampTzType<?> t) {
        return timestampTz(t, of(Types.TIMESTAMP_WITH_TIMEZONE, (s, i, v) -> s.setObject(i, v),
                (r, i) -> r.getObject(i, OffsetDateTime.class)));
    }

    @Override
    public ValueCodec<?> visitInterval(IntervalType t) {
        return of(Types.BIGINT, (s, i, v) -> s.setLong(i, toMicros(v)), (r, i) -> {
            long micros = r.getLong(i);
            return r.wasNull() ? null : ofMicros(micros);
        });
    }

    @Override
    public ValueCodec<?> visitBinary(BinaryType t) {
        return of(Types.VARBINARY, (s, i, v) -> s.setBytes(i, v), ResultSet::getBytes);
    }

    @Override
    public ValueCodec<?> visitUuid(UuidType t) {
        if (t.binary()) {
            return of(Types.BINARY, (s, i, v) -> s.setBytes(i, uuidBytes(v)), (r, i) -> {
                byte[] b = r.getBytes(i);
                return b == null ? null : uuidFromBytes(b);
            });
        }
        return of(Types.CHAR, (s, i, v) -> s.setString(i, v.toString()), (r, i) -> {
            String text = r.getString(i);
            return text == null ? null : uuidFromText(text);
        });
    }

    /**
     * A UUID as 16 bytes, most significant first.
     *
     * @param uuid the UUID
     * @return the bytes
     */
    protected static byte[] uuidBytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
    }

    /**
     * Reads 16 bytes, most significant first, as a UUID.
     *
     * @param b the bytes
     * @return the UUID
     * @throws SQLDataException (22000) if there are not exactly 16 bytes
     */
    protected static UUID uuidFromBytes(byte[] b) throws SQLDataException {
        if (b.length != 16) {
            throw dataError("22000", "Cannot read " + b.length + " bytes as a UUID: a binary UUID has 16 bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(b);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /**
     * Reads a UUID's text.
     *
     * @param text 36 characters such as {@code 123e4567-e89b-12d3-a456-426614174000}
     * @return the UUID
     * @throws SQLDataException (22000) if the text is no UUID
     */
    protected static UUID uuidFromText(String text) throws SQLDataException {
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw dataError("22000", "Cannot read '" + text + "' as a UUID: " + e.getMessage());
        }
    }

    @Override
    public ValueCodec<?> visitEnum(EnumType<?> t) {
        return labels(t, of(Types.VARCHAR, (s, i, v) -> s.setString(i, v), ResultSet::getString));
    }

    /**
     * A codec for an enum type over a codec of its labels: a value binds as its label (refused
     * with a {@link SQLDataException} if it is none of the type's labels) and a label reads as
     * the Java constant.
     *
     * @param type the enum type
     * @param labels the codec of the stored labels
     * @param <T> the Java enum, or {@code String}
     * @return the codec
     */
    protected static <T> ValueCodec<T> labels(EnumType<T> type, ValueCodec<String> labels) {
        return converted(labels, v -> {
            try {
                return type.toLabel(v);
            } catch (IllegalArgumentException e) {
                throw dataError("22023", e.getMessage());
            }
        }, label -> {
            try {
                return type.fromLabel(label);
            } catch (IllegalArgumentException e) {
                throw dataError("22000", "Cannot read '" + label + "' as a value of enum type " + type.name() + ": "
                        + type.javaType().getName() + " has no such constant. Its labels are " + type.labels() + ".");
            }
        });
    }

    @Override
    public ValueCodec<?> visitJson(JsonType<?> t) {
        return json(t, of(Types.VARCHAR, (s, i, v) -> s.setString(i, v), ResultSet::getString));
    }

    /**
     * A codec for a JSON type over a codec of JSON text; the type's
     * {@link dev.retort.types.JsonCodec} writes and reads the text, and its failures become a
     * {@link RetortException} naming the type.
     *
     * @param type the JSON type
     * @param text the codec of the stored text
     * @param <T> the Java type
     * @return the codec
     */
    protected static <T> ValueCodec<T> json(JsonType<T> type, ValueCodec<String> text) {
        return converted(text, v -> encodeJson(type, v), json -> decodeJson(type, json));
    }

    /**
     * Writes a value as JSON text through a JSON type's codec.
     *
     * @param type the type
     * @param value the value
     * @param <T> the Java type
     * @return the JSON text
     * @throws RetortException naming the type and the value's class, if the codec fails
     */
    protected static <T> String encodeJson(JsonType<T> type, T value) {
        try {
            return type.codec().encode(value);
        } catch (Exception e) {
            throw new RetortException("Cannot write a " + value.getClass().getName() + " as JSON for column type "
                    + type + " of " + type.javaType().getName() + ": " + e.getMessage(), e);
        }
    }

    private static <T> T decodeJson(JsonType<T> type, String json) {
        try {
            return type.codec().decode(json);
        } catch (Exception e) {
            String shown = json.length() <= 100 ? json : json.substring(0, 97) + "...";
            throw new RetortException("Cannot read JSON " + shown + " as " + type.javaType().getName()
                    + " (column type " + type + "): " + e.getMessage(), e);
        }
    }

    /**
     * Refuses arrays: only PostgreSQL has them.
     *
     * @throws CompileException naming the dialect and suggesting a JSON column
     */
    @Override
    public ValueCodec<?> visitArray(ArrayType<?> t) {
        throw new CompileException(dialect.displayName() + " has no " + t + " type: arrays exist only on PostgreSQL. "
                + "Store the list in a JSON column instead (SqlTypes.json(codec)).");
    }

    @Override
    public ValueCodec<?> visitMapped(MappedType<?, ?> t) {
        return mapped(t);
    }

    private <U, S> ValueCodec<U> mapped(MappedType<U, S> t) {
        ValueCodec<S> stored = dialect.codec(t.stored());
        return converted(stored, v -> {
            try {
                return t.toStored(v);
            } catch (RuntimeException e) {
                throw conversionFailed(t, v, "to " + t.stored(), e);
            }
        }, v -> {
            try {
                return t.fromStored(v);
            } catch (RuntimeException e) {
                throw conversionFailed(t, v, "from " + t.stored(), e);
            }
        });
    }

    private static RetortException conversionFailed(MappedType<?, ?> t, Object value, String direction, RuntimeException e) {
        if (e instanceof RetortException r) {
            return r;
        }
        return new RetortException("Mapped type " + t + " could not convert " + value + " " + direction + ": " + e, e);
    }

    /** A codec made of a setter and a getter. */
    private static final class SimpleCodec<T> implements ValueCodec<T> {
        private final int nullType;
        private final Setter<T> setter;
        private final Getter<T> getter;

        SimpleCodec(int nullType, Setter<T> setter, Getter<T> getter) {
            this.nullType = nullType;
            this.setter = setter;
            this.getter = getter;
        }

        @Override
        public void bind(PreparedStatement statement, int index, T value) throws SQLException {
            if (value == null) {
                statement.setNull(index, nullType);
            } else {
                setter.set(statement, index, value);
            }
        }

        @Override
        public T read(ResultSet resultSet, int index) throws SQLException {
            return getter.get(resultSet, index);
        }
    }

    /** A codec that converts values to and from another codec's. */
    private static final class ConvertedCodec<T, S> implements ValueCodec<T> {
        private final ValueCodec<S> stored;
        private final Conversion<? super T, ? extends S> toStored;
        private final Conversion<? super S, ? extends T> fromStored;

        ConvertedCodec(ValueCodec<S> stored, Conversion<? super T, ? extends S> toStored,
                       Conversion<? super S, ? extends T> fromStored) {
            this.stored = stored;
            this.toStored = toStored;
            this.fromStored = fromStored;
        }

        @Override
        public void bind(PreparedStatement statement, int index, T value) throws SQLException {
            stored.bind(statement, index, value == null ? null : toStored.apply(value));
        }

        @Override
        public T read(ResultSet resultSet, int index) throws SQLException {
            S s = stored.read(resultSet, index);
            return s == null ? null : fromStored.apply(s);
        }
    }

    /**
     * Checks that a decimal fits a {@code NUMERIC(precision, scale)} after rounding to its scale
     * (half away from zero, as PostgreSQL and MariaDB round), for databases that do not check.
     *
     * @param type the type
     * @param value the value
     * @return the value rounded to the type's scale (unchanged when the type has none)
     * @throws SQLDataException (22003) if the integer part has more digits than the type allows
     */
    protected static BigDecimal fitNumeric(NumericType type, BigDecimal value) throws SQLDataException {
        if (type.scale() == null) {
            return value;
        }
        BigDecimal rounded = value.setScale(type.scale(), java.math.RoundingMode.HALF_UP);
        if (type.precision() != null && rounded.precision() - rounded.scale() > type.precision() - type.scale()
                && rounded.signum() != 0) {
            throw dataError("22003", "Numeric value " + value.toPlainString() + " is out of range for " + type
                    + ": at most " + (type.precision() - type.scale()) + " digits before the decimal point");
        }
        return rounded;
    }
}
