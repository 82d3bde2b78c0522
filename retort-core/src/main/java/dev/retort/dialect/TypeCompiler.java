package dev.retort.dialect;

import dev.retort.CompileException;
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

/**
 * Names types in DDL. This default renders the SQL standard's names; each dialect overrides
 * what it spells differently. Stateless apart from its dialect.
 */
public class TypeCompiler implements TypeVisitor<String> {
    /** The dialect this compiler names types for. */
    protected final Dialect dialect;

    /**
     * Creates the compiler.
     *
     * @param dialect the dialect
     */
    public TypeCompiler(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * The DDL name of a type.
     *
     * @param type the type
     * @return e.g. {@code VARCHAR(40)}
     */
    public String name(SqlType<?> type) {
        return type.accept(this);
    }

    /**
     * An error for a type this database cannot store.
     *
     * @param type the type
     * @param alternative what to use instead
     * @return the exception to throw
     */
    protected CompileException unsupported(SqlType<?> type, String alternative) {
        return new CompileException(dialect.displayName() + " has no " + type + " type. " + alternative);
    }

    @Override
    public String visitBoolean(BooleanType t) {
        return "BOOLEAN";
    }

    @Override
    public String visitSmallInt(SmallIntType t) {
        return "SMALLINT";
    }

    @Override
    public String visitInteger(IntegerType t) {
        return "INTEGER";
    }

    @Override
    public String visitBigInt(BigIntType t) {
        return "BIGINT";
    }

    @Override
    public String visitNumeric(NumericType t) {
        return t.toString();
    }

    @Override
    public String visitReal(RealType t) {
        return "REAL";
    }

    @Override
    public String visitDouble(DoubleType t) {
        return "DOUBLE PRECISION";
    }

    @Override
    public String visitString(StringType t) {
        return "VARCHAR(" + t.length() + ")";
    }

    @Override
    public String visitText(TextType t) {
        return "TEXT";
    }

    @Override
    public String visitDate(DateType t) {
        return "DATE";
    }

    @Override
    public String visitTime(TimeType t) {
        return "TIME";
    }

    @Override
    public String visitDateTime(DateTimeType t) {
        return "TIMESTAMP";
    }

    @Override
    public String visitTimestampTz(TimestampTzType<?> t) {
        return "TIMESTAMP WITH TIME ZONE";
    }

    @Override
    public String visitInterval(IntervalType t) {
        return "BIGINT";
    }

    @Override
    public String visitBinary(BinaryType t) {
        return "BLOB";
    }

    @Override
    public String visitUuid(UuidType t) {
        return t.binary() ? "BINARY(16)" : "CHAR(36)";
    }

    @Override
    public String visitEnum(EnumType<?> t) {
        int max = 1;
        for (String l : t.labels()) {
            max = Math.max(max, l.length());
        }
        return "VARCHAR(" + max + ")";
    }

    @Override
    public String visitJson(JsonType<?> t) {
        return "JSON";
    }

    @Override
    public String visitArray(ArrayType<?> t) {
        throw unsupported(t, "Arrays exist only on PostgreSQL; store the list in a JSON column instead.");
    }

    @Override
    public String visitMapped(MappedType<?, ?> t) {
        return name(t.stored());
    }
}
