package dev.retort.migrate.autogenerate;

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
import dev.retort.types.SqlTypes;
import dev.retort.types.StringType;
import dev.retort.types.TextType;
import dev.retort.types.TimeType;
import dev.retort.types.TimestampTzType;
import dev.retort.types.TypeVisitor;
import dev.retort.types.UuidType;

import java.time.Instant;

/**
 * A type as the Java expression that makes it with {@link SqlTypes}: {@code varchar(40)},
 * {@code numeric(10, 2)}, {@code enumOf("mood", List.of("happy", "sad"))}. What a migration needs
 * is the stored form, so a mapped type is written as the type it is stored as, an enum for a Java
 * enum as its labels, and JSON without its codec.
 */
final class TypeCode implements TypeVisitor<String> {
    private final Imports imports;

    TypeCode(Imports imports) {
        this.imports = imports;
    }

    /** The expression for a type. */
    String of(SqlType<?> type) {
        return type.accept(this);
    }

    private String constant(String name) {
        return imports.member(SqlTypes.class, name);
    }

    @Override
    public String visitBoolean(BooleanType t) {
        return constant("BOOLEAN");
    }

    @Override
    public String visitSmallInt(SmallIntType t) {
        return constant("SMALLINT");
    }

    @Override
    public String visitInteger(IntegerType t) {
        return constant("INTEGER");
    }

    @Override
    public String visitBigInt(BigIntType t) {
        return constant("BIGINT");
    }

    @Override
    public String visitNumeric(NumericType t) {
        String f = constant("numeric");
        return t.precision() == null ? f + "()" : f + "(" + t.precision() + ", " + (t.scale() == null ? 0 : t.scale()) + ")";
    }

    @Override
    public String visitReal(RealType t) {
        return constant("REAL");
    }

    @Override
    public String visitDouble(DoubleType t) {
        return constant("DOUBLE");
    }

    @Override
    public String visitString(StringType t) {
        return constant("varchar") + "(" + t.length() + ")";
    }

    @Override
    public String visitText(TextType t) {
        return constant("TEXT");
    }

    @Override
    public String visitDate(DateType t) {
        return constant("DATE");
    }

    @Override
    public String visitTime(TimeType t) {
        return constant("TIME");
    }

    @Override
    public String visitDateTime(DateTimeType t) {
        return constant("DATETIME");
    }

    @Override
    public String visitTimestampTz(TimestampTzType<?> t) {
        return constant(t.javaType() == Instant.class ? "INSTANT" : "TIMESTAMPTZ");
    }

    @Override
    public String visitInterval(IntervalType t) {
        return constant("INTERVAL");
    }

    @Override
    public String visitBinary(BinaryType t) {
        return t.length() == null ? constant("BINARY") : constant("binary") + "(" + t.length() + ")";
    }

    @Override
    public String visitUuid(UuidType t) {
        return t.binary() ? constant("uuidAsBinary") + "()" : constant("UUID");
    }

    @Override
    public String visitEnum(EnumType<?> t) {
        return constant("enumOf") + "(" + JavaCode.str(t.name()) + ", " + JavaCode.listOf(t.labels(), imports) + ")";
    }

    @Override
    public String visitJson(JsonType<?> t) {
        return t.binary() ? constant("JSON") : constant("jsonText") + "()";
    }

    @Override
    public String visitArray(ArrayType<?> t) {
        return constant("arrayOf") + "(" + of(t.elementType()) + ")";
    }

    @Override
    public String visitMapped(MappedType<?, ?> t) {
        return of(t.stored());
    }
}
