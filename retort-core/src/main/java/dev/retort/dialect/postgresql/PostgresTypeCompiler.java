package dev.retort.dialect.postgresql;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.TypeCompiler;
import dev.retort.types.ArrayType;
import dev.retort.types.BinaryType;
import dev.retort.types.EnumType;
import dev.retort.types.IntervalType;
import dev.retort.types.JsonType;
import dev.retort.types.UuidType;

/** PostgreSQL's type names: BYTEA, UUID, INTERVAL, JSONB, named enum types and arrays. */
public class PostgresTypeCompiler extends TypeCompiler {

    /**
     * Creates the compiler.
     *
     * @param dialect the PostgreSQL dialect
     */
    public PostgresTypeCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    public String visitInterval(IntervalType t) {
        return "INTERVAL";
    }

    @Override
    public String visitBinary(BinaryType t) {
        return "BYTEA";
    }

    @Override
    public String visitUuid(UuidType t) {
        return "UUID";
    }

    @Override
    public String visitEnum(EnumType<?> t) {
        return dialect.identifierPreparer().quote(t.name());
    }

    @Override
    public String visitJson(JsonType<?> t) {
        return t.binary() ? "JSONB" : "JSON";
    }

    @Override
    public String visitArray(ArrayType<?> t) {
        return name(t.elementType()) + "[]";
    }
}
