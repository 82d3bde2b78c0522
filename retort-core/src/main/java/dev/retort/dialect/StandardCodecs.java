package dev.retort.dialect;

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

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The codecs shared by all dialects, through JDBC's typed setters and getters. Dialects override
 * {@link Dialect#makeCodec} for what they store differently.
 */
class StandardCodecs implements TypeVisitor<ValueCodec<?>> {
    private final Dialect dialect;

    StandardCodecs(Dialect dialect) {
        this.dialect = dialect;
    }

    private <T> ValueCodec<T> generic(Class<T> type) {
        return new ValueCodec<>() {
            @Override
            public void bind(PreparedStatement statement, int index, T value) throws SQLException {
                dialect.bind(statement, index, value);
            }

            @Override
            public T read(ResultSet resultSet, int index) throws SQLException {
                return resultSet.getObject(index, type);
            }
        };
    }

    @Override public ValueCodec<?> visitBoolean(BooleanType t) { return generic(Boolean.class); }
    @Override public ValueCodec<?> visitSmallInt(SmallIntType t) { return generic(Short.class); }
    @Override public ValueCodec<?> visitInteger(IntegerType t) { return generic(Integer.class); }
    @Override public ValueCodec<?> visitBigInt(BigIntType t) { return generic(Long.class); }
    @Override public ValueCodec<?> visitNumeric(NumericType t) { return generic(java.math.BigDecimal.class); }
    @Override public ValueCodec<?> visitReal(RealType t) { return generic(Float.class); }
    @Override public ValueCodec<?> visitDouble(DoubleType t) { return generic(Double.class); }
    @Override public ValueCodec<?> visitString(StringType t) { return generic(String.class); }
    @Override public ValueCodec<?> visitText(TextType t) { return generic(String.class); }
    @Override public ValueCodec<?> visitDate(DateType t) { return generic(java.time.LocalDate.class); }
    @Override public ValueCodec<?> visitTime(TimeType t) { return generic(java.time.LocalTime.class); }
    @Override public ValueCodec<?> visitDateTime(DateTimeType t) { return generic(java.time.LocalDateTime.class); }
    @Override public ValueCodec<?> visitTimestampTz(TimestampTzType<?> t) { return generic(t.javaType()); }
    @Override public ValueCodec<?> visitInterval(IntervalType t) { return generic(java.time.Duration.class); }
    @Override public ValueCodec<?> visitBinary(BinaryType t) { return generic(byte[].class); }
    @Override public ValueCodec<?> visitUuid(UuidType t) { return generic(java.util.UUID.class); }
    @Override public ValueCodec<?> visitEnum(EnumType<?> t) { return generic(t.javaType()); }
    @Override public ValueCodec<?> visitJson(JsonType<?> t) { return generic(t.javaType()); }
    @Override public ValueCodec<?> visitArray(ArrayType<?> t) { return generic(t.javaType()); }
    @Override public ValueCodec<?> visitMapped(MappedType<?, ?> t) { return generic(t.javaType()); }
}
