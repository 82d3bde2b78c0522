package dev.retort.dialect.postgresql;

import dev.retort.CompileException;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.StandardCodecs;
import dev.retort.dialect.ValueCodec;
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
import dev.retort.types.SqlType;
import dev.retort.types.StringType;
import dev.retort.types.TextType;
import dev.retort.types.TimeType;
import dev.retort.types.TimestampTzType;
import dev.retort.types.TypeVisitor;
import dev.retort.types.UuidType;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * PostgreSQL's codecs: native UUID, INTERVAL (written as {@code H:MM:SS.ffffff}, read in any
 * interval style), enum and JSON values sent untyped ({@link Types#OTHER}) so that the server
 * casts them to the column's type, and one-dimensional arrays. Pure JDBC: no compile dependency
 * on the PostgreSQL driver.
 */
final class PostgresCodecs extends StandardCodecs {

    PostgresCodecs(Dialect dialect) {
        super(dialect);
    }

    @Override
    public ValueCodec<?> visitInterval(IntervalType t) {
        return of(Types.OTHER, (s, i, v) -> s.setObject(i, PostgresIntervals.format(toMicros(v)), Types.OTHER), (r, i) -> {
            String text = r.getString(i);
            return text == null ? null : PostgresIntervals.parse(text);
        });
    }

    @Override
    public ValueCodec<?> visitUuid(UuidType t) {
        return of(Types.OTHER, (s, i, v) -> s.setObject(i, v), (r, i) -> r.getObject(i, UUID.class));
    }

    @Override
    public ValueCodec<?> visitEnum(EnumType<?> t) {
        return labels(t, untypedText());
    }

    @Override
    public ValueCodec<?> visitJson(JsonType<?> t) {
        return json(t, untypedText());
    }

    /** Text the server converts to the column's type (enum, json, jsonb) rather than a VARCHAR. */
    private static ValueCodec<String> untypedText() {
        return of(Types.OTHER, (s, i, v) -> s.setObject(i, v, Types.OTHER), ResultSet::getString);
    }

    @Override
    public ValueCodec<?> visitArray(ArrayType<?> t) {
        return array(t);
    }

    private <E> ValueCodec<List<E>> array(ArrayType<E> t) {
        SqlType<E> element = t.elementType();
        String name = element.accept(new ElementName());
        ElementText text = element.accept(new ElementTextFactory());
        ValueCodec<E> elementCodec = dialect.codec(element);
        return of(Types.ARRAY, (s, i, list) -> s.setArray(i, toArray(s, name, text, list)), (r, i) -> {
            Array array = r.getArray(i);
            return array == null ? null : fromArray(array, elementCodec);
        });
    }

    private static Array toArray(PreparedStatement s, String elementName, ElementText text, List<?> list) throws SQLException {
        String[] elements = new String[list.size()];
        int k = 0;
        for (Object e : list) {
            elements[k++] = e == null ? null : text.apply(e);
        }
        return s.getConnection().createArrayOf(elementName, elements);
    }

    private static <E> List<E> fromArray(Array array, ValueCodec<E> elementCodec) throws SQLException {
        List<E> out = new ArrayList<>();
        // Each row is (index, element); column 2 is typed as the element, so the element's own
        // codec reads it exactly as it reads a column.
        try (ResultSet rows = array.getResultSet()) {
            while (rows.next()) {
                out.add(elementCodec.read(rows, 2));
            }
        } finally {
            array.free();
        }
        return Collections.unmodifiableList(out);
    }

    /** Turns a non-null element into PostgreSQL's input text for its type. */
    @FunctionalInterface
    private interface ElementText {
        String apply(Object value) throws SQLException;
    }

    /** The element type's name for {@code Connection.createArrayOf}. */
    private final class ElementName implements TypeVisitor<String> {
        @Override public String visitBoolean(BooleanType t) { return "bool"; }
        @Override public String visitSmallInt(SmallIntType t) { return "int2"; }
        @Override public String visitInteger(IntegerType t) { return "int4"; }
        @Override public String visitBigInt(BigIntType t) { return "int8"; }
        @Override public String visitNumeric(NumericType t) { return "numeric"; }
        @Override public String visitReal(RealType t) { return "float4"; }
        @Override public String visitDouble(DoubleType t) { return "float8"; }
        @Override public String visitString(StringType t) { return "varchar"; }
        @Override public String visitText(TextType t) { return "text"; }
        @Override public String visitDate(DateType t) { return "date"; }
        @Override public String visitTime(TimeType t) { return "time"; }
        @Override public String visitDateTime(DateTimeType t) { return "timestamp"; }
        @Override public String visitTimestampTz(TimestampTzType<?> t) { return "timestamptz"; }
        @Override public String visitInterval(IntervalType t) { return "interval"; }
        @Override public String visitBinary(BinaryType t) { return "bytea"; }
        @Override public String visitUuid(UuidType t) { return "uuid"; }
        @Override public String visitEnum(EnumType<?> t) { return dialect.identifierPreparer().quote(t.name()); }
        @Override public String visitJson(JsonType<?> t) { return t.binary() ? "jsonb" : "json"; }
        @Override public String visitMapped(MappedType<?, ?> t) { return t.stored().accept(this); }

        @Override
        public String visitArray(ArrayType<?> t) {
            throw new CompileException("Arrays of arrays (" + t + "[]) are not supported; use a one-dimensional "
                    + "array, or a JSON column for nested lists.");
        }
    }

    /** How each element type is written as array element text. */
    private final class ElementTextFactory implements TypeVisitor<ElementText> {
        @Override public ElementText visitBoolean(BooleanType t) { return v -> (Boolean) v ? "t" : "f"; }
        @Override public ElementText visitSmallInt(SmallIntType t) { return String::valueOf; }
        @Override public ElementText visitInteger(IntegerType t) { return String::valueOf; }
        @Override public ElementText visitBigInt(BigIntType t) { return String::valueOf; }
        @Override public ElementText visitNumeric(NumericType t) { return v -> ((BigDecimal) v).toPlainString(); }
        @Override public ElementText visitReal(RealType t) { return String::valueOf; }
        @Override public ElementText visitDouble(DoubleType t) { return String::valueOf; }
        @Override public ElementText visitString(StringType t) { return String::valueOf; }
        @Override public ElementText visitText(TextType t) { return String::valueOf; }
        @Override public ElementText visitDate(DateType t) { return String::valueOf; }
        @Override public ElementText visitTime(TimeType t) { return v -> ((LocalTime) v).truncatedTo(ChronoUnit.MICROS).toString(); }
        @Override public ElementText visitDateTime(DateTimeType t) {
            return v -> ((LocalDateTime) v).truncatedTo(ChronoUnit.MICROS).toString();
        }
        @Override public ElementText visitTimestampTz(TimestampTzType<?> t) { return v -> toUtc(v).toString(); }
        @Override public ElementText visitInterval(IntervalType t) { return v -> PostgresIntervals.format(toMicros((Duration) v)); }
        @Override public ElementText visitUuid(UuidType t) { return String::valueOf; }

        @Override
        public ElementText visitBinary(BinaryType t) {
            return v -> {
                byte[] b = (byte[]) v;
                StringBuilder sb = new StringBuilder(2 + 2 * b.length).append("\\x");
                for (byte x : b) {
                    sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
                }
                return sb.toString();
            };
        }

        @Override
        public ElementText visitEnum(EnumType<?> t) {
            return v -> {
                try {
                    return t.toLabel(v);
                } catch (IllegalArgumentException e) {
                    throw dataError("22023", e.getMessage());
                }
            };
        }

        @Override
        public ElementText visitJson(JsonType<?> t) {
            return v -> jsonText(t, v);
        }

        @Override
        public ElementText visitMapped(MappedType<?, ?> t) {
            ElementText stored = t.stored().accept(this);
            return v -> {
                Object s = toStored(t, v);
                return s == null ? null : stored.apply(s);
            };
        }

        @Override
        public ElementText visitArray(ArrayType<?> t) {
            throw new CompileException("Arrays of arrays (" + t + "[]) are not supported; use a one-dimensional "
                    + "array, or a JSON column for nested lists.");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> String jsonText(JsonType<T> type, Object value) {
        return encodeJson(type, (T) value);
    }

    @SuppressWarnings("unchecked")
    private static <U, S> S toStored(MappedType<U, S> type, Object value) {
        return type.toStored((U) value);
    }
}
