package dev.retort.types;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The SQL types. Import them statically: {@code import static dev.retort.types.SqlTypes.*;}
 *
 * <pre>{@code
 * column("id", BIGINT), column("name", varchar(100)), column("price", numeric(10, 2)),
 * column("created_at", TIMESTAMPTZ), column("status", enumOf(Status.class)), column("doc", JSON)
 * }</pre>
 */
public final class SqlTypes {
    private SqlTypes() {
    }

    /** {@code BOOLEAN}, as {@link Boolean}. */
    public static final SqlType<Boolean> BOOLEAN = BooleanType.INSTANCE;
    /** {@code SMALLINT}, as {@link Short}. */
    public static final SqlType<Short> SMALLINT = SmallIntType.INSTANCE;
    /** {@code INTEGER}, as {@link Integer}. */
    public static final SqlType<Integer> INTEGER = IntegerType.INSTANCE;
    /** {@code BIGINT}, as {@link Long}. */
    public static final SqlType<Long> BIGINT = BigIntType.INSTANCE;
    /** {@code REAL}, as {@link Float}. */
    public static final SqlType<Float> REAL = RealType.INSTANCE;
    /** {@code DOUBLE PRECISION}, as {@link Double}. */
    public static final SqlType<Double> DOUBLE = DoubleType.INSTANCE;
    /** {@code TEXT} of any length, as {@link String}. */
    public static final SqlType<String> TEXT = TextType.INSTANCE;
    /** {@code DATE}, as {@link LocalDate}. */
    public static final SqlType<LocalDate> DATE = DateType.INSTANCE;
    /** {@code TIME}, as {@link LocalTime}. */
    public static final SqlType<LocalTime> TIME = TimeType.INSTANCE;
    /** A timestamp without time zone, as {@link LocalDateTime}. */
    public static final SqlType<LocalDateTime> DATETIME = DateTimeType.INSTANCE;
    /** A timestamp with time zone, as {@link OffsetDateTime} (UTC where the database keeps no offset). */
    public static final SqlType<OffsetDateTime> TIMESTAMPTZ = TimestampTzType.OFFSET;
    /** A timestamp with time zone, as {@link Instant}. */
    public static final SqlType<Instant> INSTANT = TimestampTzType.INSTANT;
    /** {@code INTERVAL} (PostgreSQL) or microseconds, as {@link Duration}. */
    public static final SqlType<Duration> INTERVAL = IntervalType.INSTANCE;
    /** Bytes of any length, as {@code byte[]}. */
    public static final SqlType<byte[]> BINARY = new BinaryType(null);
    /** A UUID, native where the database has the type, else 36 characters. */
    public static final SqlType<UUID> UUID = UuidType.TEXT;
    /** JSON kept as text on the Java side; {@code JSONB} on PostgreSQL. */
    public static final SqlType<String> JSON = new JsonType<>(JsonCodec.text(), true);

    /**
     * {@code VARCHAR(length)}.
     *
     * @param length the most characters, 1 or more
     * @return the type
     */
    public static SqlType<String> varchar(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("varchar(length): length must be at least 1, got " + length);
        }
        return new StringType(length);
    }

    /**
     * {@code NUMERIC(precision, scale)}.
     *
     * @param precision total digits, 1 to 1000
     * @param scale digits after the point, 0 to precision
     * @return the type
     */
    public static SqlType<java.math.BigDecimal> numeric(int precision, int scale) {
        if (precision < 1 || precision > 1000 || scale < 0 || scale > precision) {
            throw new IllegalArgumentException("numeric(precision, scale) needs 1 <= precision <= 1000 and "
                    + "0 <= scale <= precision, got (" + precision + ", " + scale + ")");
        }
        return new NumericType(precision, scale);
    }

    /** @return {@code NUMERIC} without precision (the database's maximum) */
    public static SqlType<java.math.BigDecimal> numeric() {
        return new NumericType(null, null);
    }

    /**
     * {@code VARBINARY(length)} on MariaDB; {@code BYTEA} / {@code BLOB} elsewhere.
     *
     * @param length the most bytes
     * @return the type
     */
    public static SqlType<byte[]> binary(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("binary(length): length must be at least 1, got " + length);
        }
        return new BinaryType(length);
    }

    /** @return a UUID stored as 16 bytes where the database has no UUID type */
    public static SqlType<UUID> uuidAsBinary() {
        return UuidType.BINARY;
    }

    /**
     * An enum type for a Java enum, stored by constant name, named after the class in snake case.
     *
     * @param enumClass the enum
     * @param <E> the enum type
     * @return the type
     */
    public static <E extends Enum<E>> SqlType<E> enumOf(Class<E> enumClass) {
        return EnumType.of(Objects.requireNonNull(enumClass, "enumClass"), null);
    }

    /**
     * An enum type for a Java enum with an explicit type name (PostgreSQL's {@code CREATE TYPE}).
     *
     * @param enumClass the enum
     * @param name the type name
     * @param <E> the enum type
     * @return the type
     */
    public static <E extends Enum<E>> SqlType<E> enumOf(Class<E> enumClass, String name) {
        return EnumType.of(Objects.requireNonNull(enumClass, "enumClass"), Objects.requireNonNull(name, "name"));
    }

    /**
     * An enum type of plain labels, read as strings.
     *
     * @param name the type name
     * @param labels the labels, in order
     * @return the type
     */
    public static SqlType<String> enumOf(String name, List<String> labels) {
        return new EnumType<>(String.class, name, labels);
    }

    /**
     * JSON read and written through a codec.
     *
     * @param codec the codec
     * @param <T> the Java type
     * @return the type ({@code JSONB} on PostgreSQL)
     */
    public static <T> SqlType<T> json(JsonCodec<T> codec) {
        return new JsonType<>(Objects.requireNonNull(codec, "codec"), true);
    }

    /** @return JSON kept as text, stored as {@code JSON} (not {@code JSONB}) on PostgreSQL */
    public static SqlType<String> jsonText() {
        return new JsonType<>(JsonCodec.text(), false);
    }

    /**
     * A PostgreSQL array of another type, as a {@code List}.
     *
     * @param elementType the element type
     * @param <E> the element's Java type
     * @return the type
     */
    public static <E> SqlType<List<E>> arrayOf(SqlType<E> elementType) {
        return new ArrayType<>(Objects.requireNonNull(elementType, "elementType"));
    }
}
