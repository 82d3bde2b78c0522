package dev.retort.engine;

import dev.retort.RetortException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/**
 * Converts values as drivers return them into the Java type a caller asks for: numbers between
 * widths (refusing loss), JDBC date-time classes and ISO text (SQLite stores dates as text) into
 * {@code java.time}, 0/1 into booleans, text and 16-byte arrays into UUIDs, names into enums.
 */
final class Conversions {
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class, double.class, Double.class, float.class, Float.class,
            boolean.class, Boolean.class, char.class, Character.class);

    private Conversions() {
    }

    static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? BOXES.get(type) : type;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> T convert(Object value, Class<T> requested, String what) {
        if (value == null) {
            return null;
        }
        Class<?> type = boxed(requested);
        if (type.isInstance(value)) {
            return (T) value;
        }
        try {
            Object converted = convertOrNull(value, type);
            if (converted != null) {
                return (T) converted;
            }
            if (type.isEnum() && value instanceof String s) {
                return (T) Enum.valueOf((Class) type, s);
            }
        } catch (ArithmeticException | IllegalArgumentException | DateTimeParseException | SQLException e) {
            throw new RetortException("Cannot read " + what + " as " + requested.getSimpleName() + ": value "
                    + describe(value) + " does not convert (" + e.getMessage() + ")", e);
        }
        throw new RetortException("Cannot read " + what + " as " + requested.getSimpleName() + ": the database returned "
                + describe(value) + ". Read it as " + value.getClass().getSimpleName() + " instead.");
    }

    private static String describe(Object value) {
        String s = value instanceof byte[] b ? "<" + b.length + " bytes>" : String.valueOf(value);
        if (s.length() > 60) {
            s = s.substring(0, 57) + "...";
        }
        return "'" + s + "' of type " + value.getClass().getName();
    }

    private static Object convertOrNull(Object value, Class<?> type) throws SQLException {
        if (type == String.class) {
            if (value instanceof Clob clob) {
                return clob.getSubString(1, (int) clob.length());
            }
            return value instanceof byte[] ? null : value.toString();
        }
        if (value instanceof Number n) {
            return fromNumber(n, type);
        }
        if (value instanceof String s) {
            return fromString(s.trim(), type);
        }
        if (value instanceof Timestamp ts) {
            if (type == LocalDateTime.class) {
                return ts.toLocalDateTime();
            }
            if (type == Instant.class) {
                return ts.toInstant();
            }
            if (type == OffsetDateTime.class) {
                return ts.toInstant().atOffset(ZoneOffset.UTC);
            }
            if (type == LocalDate.class) {
                return ts.toLocalDateTime().toLocalDate();
            }
        }
        if (value instanceof java.sql.Date d && type == LocalDate.class) {
            return d.toLocalDate();
        }
        if (value instanceof java.sql.Time t && type == LocalTime.class) {
            return t.toLocalTime();
        }
        if (value instanceof OffsetDateTime odt) {
            if (type == Instant.class) {
                return odt.toInstant();
            }
            if (type == LocalDateTime.class) {
                return odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
        }
        if (value instanceof LocalDateTime ldt) {
            if (type == LocalDate.class) {
                return ldt.toLocalDate();
            }
            if (type == Instant.class) {
                return ldt.toInstant(ZoneOffset.UTC);
            }
            if (type == OffsetDateTime.class) {
                return ldt.atOffset(ZoneOffset.UTC);
            }
        }
        if (value instanceof Boolean b && Number.class.isAssignableFrom(type)) {
            return fromNumber(b ? 1 : 0, type);
        }
        if (type == byte[].class && value instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        if (type == UUID.class && value instanceof byte[] b && b.length == 16) {
            ByteBuffer buf = ByteBuffer.wrap(b);
            return new UUID(buf.getLong(), buf.getLong());
        }
        return null;
    }

    private static Object fromNumber(Number n, Class<?> type) {
        if (type == Long.class) {
            return exact(n).longValueExact();
        }
        if (type == Integer.class) {
            return exact(n).intValueExact();
        }
        if (type == Short.class) {
            return exact(n).shortValueExact();
        }
        if (type == Byte.class) {
            return exact(n).byteValueExact();
        }
        if (type == Double.class) {
            return n.doubleValue();
        }
        if (type == Float.class) {
            return n.floatValue();
        }
        if (type == BigDecimal.class) {
            return n instanceof BigInteger bi ? new BigDecimal(bi) : new BigDecimal(n.toString());
        }
        if (type == BigInteger.class) {
            return exact(n).toBigIntegerExact();
        }
        if (type == Boolean.class) {
            long v = exact(n).longValueExact();
            if (v == 0 || v == 1) {
                return v == 1;
            }
            throw new IllegalArgumentException("only 0 and 1 are booleans");
        }
        return null;
    }

    private static BigDecimal exact(Number n) {
        if (n instanceof BigDecimal bd) {
            return bd;
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        return new BigDecimal(n.toString());
    }

    private static Object fromString(String s, Class<?> type) {
        if (type == LocalDate.class) {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.parse(s.replace(' ', 'T'));
        }
        if (type == LocalTime.class) {
            return LocalTime.parse(s);
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.parse(s.replace(' ', 'T'));
        }
        if (type == Instant.class) {
            return OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
        }
        if (type == UUID.class) {
            return UUID.fromString(s);
        }
        if (type == Boolean.class) {
            switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "true", "t", "1", "yes" -> {
                    return Boolean.TRUE;
                }
                case "false", "f", "0", "no" -> {
                    return Boolean.FALSE;
                }
                default -> throw new IllegalArgumentException("not a boolean");
            }
        }
        if (Number.class.isAssignableFrom(type)) {
            return fromNumber(new BigDecimal(s), type);
        }
        return null;
    }
}
