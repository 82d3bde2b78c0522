package dev.retort.orm.mapping;

import dev.retort.orm.AttributeConverter;
import dev.retort.orm.Column;
import dev.retort.orm.ColumnType;
import dev.retort.orm.Convert;
import dev.retort.orm.EnumMapping;
import dev.retort.orm.Enumerated;
import dev.retort.orm.MappingException;
import dev.retort.types.SqlType;
import dev.retort.types.SqlTypes;

import java.lang.reflect.AnnotatedElement;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Chooses the SQL type of a field from its Java type and annotations. */
final class TypeResolver {
    private static final Map<Class<?>, SqlType<?>> SIMPLE = Map.ofEntries(
            Map.entry(boolean.class, SqlTypes.BOOLEAN), Map.entry(Boolean.class, SqlTypes.BOOLEAN),
            Map.entry(short.class, SqlTypes.SMALLINT), Map.entry(Short.class, SqlTypes.SMALLINT),
            Map.entry(int.class, SqlTypes.INTEGER), Map.entry(Integer.class, SqlTypes.INTEGER),
            Map.entry(long.class, SqlTypes.BIGINT), Map.entry(Long.class, SqlTypes.BIGINT),
            Map.entry(float.class, SqlTypes.REAL), Map.entry(Float.class, SqlTypes.REAL),
            Map.entry(double.class, SqlTypes.DOUBLE), Map.entry(Double.class, SqlTypes.DOUBLE),
            Map.entry(LocalDate.class, SqlTypes.DATE), Map.entry(LocalTime.class, SqlTypes.TIME),
            Map.entry(LocalDateTime.class, SqlTypes.DATETIME), Map.entry(OffsetDateTime.class, SqlTypes.TIMESTAMPTZ),
            Map.entry(Instant.class, SqlTypes.INSTANT), Map.entry(Duration.class, SqlTypes.INTERVAL),
            Map.entry(byte[].class, SqlTypes.BINARY));

    /** The length of a {@code String} column without {@code @Column(length = ...)}. */
    static final int DEFAULT_LENGTH = 255;

    private TypeResolver() {
    }

    /**
     * @param owner the entity, for messages
     * @param where the field or record component
     * @param what "field x" or "component y of field x", for messages
     * @param javaType its type
     * @return the SQL type
     */
    static SqlType<?> resolve(Class<?> owner, AnnotatedElement where, String what, Class<?> javaType) {
        Column column = where.getAnnotation(Column.class);
        Convert convert = where.getAnnotation(Convert.class);
        if (convert != null) {
            return converted(owner, what, javaType, convert.value());
        }
        ColumnType override = column == null ? ColumnType.DEFAULT : column.type();
        if (override != ColumnType.DEFAULT) {
            return overridden(owner, what, javaType, override);
        }
        SqlType<?> simple = SIMPLE.get(javaType);
        if (simple != null) {
            return simple;
        }
        if (javaType == String.class) {
            int length = column == null || column.length() == 0 ? DEFAULT_LENGTH : column.length();
            if (length < 0) {
                throw new MappingException(owner, what + " has length " + length + "; give a positive length, or type = ColumnType.TEXT");
            }
            return SqlTypes.varchar(length);
        }
        if (javaType == BigDecimal.class) {
            if (column == null || column.precision() == 0) {
                return SqlTypes.numeric();
            }
            if (column.scale() < 0 || column.scale() > column.precision()) {
                throw new MappingException(owner, what + " has scale " + column.scale() + " outside 0.." + column.precision()
                        + "; the scale counts the digits after the point and cannot exceed the precision");
            }
            return SqlTypes.numeric(column.precision(), column.scale());
        }
        if (javaType == UUID.class) {
            return SqlTypes.UUID;
        }
        if (javaType.isEnum()) {
            Enumerated e = where.getAnnotation(Enumerated.class);
            return enumType(javaType.asSubclass(Enum.class), e == null ? EnumMapping.NAME : e.value());
        }
        throw new MappingException(owner, what + " has type " + javaType.getName() + ", which Retort does not map; "
                + "store it through @Convert(YourConverter.class), make it an @Embedded value object, or mark it @Transient");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SqlType<?> enumType(Class<? extends Enum> type, EnumMapping how) {
        if (how == EnumMapping.NAME) {
            return SqlTypes.enumOf((Class) type);
        }
        Enum[] constants = type.getEnumConstants();
        return SqlTypes.INTEGER.map((Class) type, i -> {
            if (i < 0 || i >= constants.length) {
                throw new IllegalArgumentException("No constant of " + type.getName() + " has ordinal " + i);
            }
            return constants[i];
        }, e -> e.ordinal());
    }

    private static SqlType<?> overridden(Class<?> owner, String what, Class<?> javaType, ColumnType override) {
        switch (override) {
            case TEXT:
                requireType(owner, what, javaType, String.class, override);
                return SqlTypes.TEXT;
            case JSON:
                requireType(owner, what, javaType, String.class, override);
                return SqlTypes.JSON;
            case UUID_BINARY:
                requireType(owner, what, javaType, UUID.class, override);
                return SqlTypes.uuidAsBinary();
            default:
                throw new AssertionError(override);
        }
    }

    private static void requireType(Class<?> owner, String what, Class<?> javaType, Class<?> expected, ColumnType override) {
        if (javaType != expected) {
            throw new MappingException(owner, what + " is a " + javaType.getName() + " but type = ColumnType." + override
                    + " stores a " + expected.getName() + "; change the field's type or use @Convert");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SqlType<?> converted(Class<?> owner, String what, Class<?> javaType,
                                        Class<? extends AttributeConverter<?, ?>> converterClass) {
        AttributeConverter converter;
        try {
            converter = converterClass.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MappingException(owner, what + ": cannot make its converter " + converterClass.getName()
                    + " (" + e + "); give it a public no-argument constructor");
        }
        SqlType stored = converter.storedType();
        if (stored == null) {
            throw new MappingException(owner, what + ": converter " + converterClass.getName() + " returned no storedType()");
        }
        Class<?> boxed = Primitives.box(javaType);
        return stored.map(boxed, v -> v == null ? null : converter.fromStored(v), v -> v == null ? null : converter.toStored(v));
    }
}
