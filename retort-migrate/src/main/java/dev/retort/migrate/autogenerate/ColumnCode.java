package dev.retort.migrate.autogenerate;

import dev.retort.dialect.DdlCompiler;
import dev.retort.schema.ColumnOptions;
import dev.retort.schema.ForeignKeyOptions;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.ServerDefault;
import dev.retort.types.ArrayType;
import dev.retort.types.EnumType;
import dev.retort.types.JsonType;
import dev.retort.types.MappedType;
import dev.retort.types.SqlType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Column options, server defaults and foreign-key options as Java code: {@code NOT_NULL},
 * {@code serverDefaultValue(0)}, {@code ForeignKeyOptions.defaults().onDelete(ReferentialAction.CASCADE)}.
 * A literal default is written as a Java value of the column's type, so the generated code compiles
 * ({@code (short) 0} for SMALLINT, {@code 5L} for BIGINT); a value with no such form is written as
 * the SQL literal the dialect would render.
 */
final class ColumnCode {
    private final Imports imports;
    private final DdlCompiler ddl;

    ColumnCode(Imports imports, DdlCompiler ddl) {
        this.imports = imports;
        this.ddl = ddl;
    }

    String option(String constant) {
        return imports.member(ColumnOptions.class, constant);
    }

    /** {@code serverDefault("expr")} or {@code serverDefaultValue(value)} for a column option. */
    String serverDefault(ServerDefault d, SqlType<?> type) {
        if (d.isExpression()) {
            return option("serverDefault") + "(" + JavaCode.str(d.expression()) + ")";
        }
        String value = value(d.value(), type);
        return value != null ? option("serverDefaultValue") + "(" + value + ")"
                : option("serverDefault") + "(" + JavaCode.str(ddl.literal(d.value())) + ")";
    }

    /** {@code serverDefault("expr")}, {@code serverDefaultValue(value)} or {@code dropServerDefault()} for an alteration. */
    String alterDefault(ServerDefault d, SqlType<?> type) {
        if (d == null) {
            return "dropServerDefault()";
        }
        if (d.isExpression()) {
            return "serverDefault(" + JavaCode.str(d.expression()) + ")";
        }
        String value = value(d.value(), type);
        return value != null ? "serverDefaultValue(" + value + ")" : "serverDefault(" + JavaCode.str(ddl.literal(d.value())) + ")";
    }

    /** The SQL a default is written as in DDL: the expression, or the dialect's literal. */
    String sql(ServerDefault d) {
        return d.isExpression() ? d.expression() : ddl.literal(d.value());
    }

    /** The Java class the generated type expression has values of. */
    static Class<?> generatedJavaType(SqlType<?> type) {
        if (type instanceof MappedType<?, ?> m) {
            return generatedJavaType(m.stored());
        }
        if (type instanceof EnumType<?> || type instanceof JsonType<?>) {
            return String.class;
        }
        if (type instanceof ArrayType<?>) {
            return List.class;
        }
        return type.javaType();
    }

    /** A value as a Java expression of the type's class, or {@code null} if there is none. */
    String value(Object v, SqlType<?> type) {
        Class<?> target = generatedJavaType(type);
        if (target == String.class) {
            if (v instanceof CharSequence || v instanceof Enum<?>) {
                return JavaCode.str(v instanceof Enum<?> e ? e.name() : v.toString());
            }
            return null;
        }
        if (target == Boolean.class) {
            return v instanceof Boolean b ? b.toString() : null;
        }
        if (v instanceof Number n) {
            return number(n, target);
        }
        if (v instanceof LocalDate || v instanceof LocalTime || v instanceof LocalDateTime || v instanceof OffsetDateTime
                || v instanceof Instant) {
            return v.getClass() == target ? imports.type(target) + ".parse(" + JavaCode.str(v.toString()) + ")" : null;
        }
        return null;
    }

    private String number(Number n, Class<?> target) {
        BigDecimal d = n instanceof BigDecimal b ? b : n instanceof BigInteger i ? new BigDecimal(i)
                : new BigDecimal(n.toString());
        try {
            if (target == Short.class) {
                return "(short) " + d.shortValueExact();
            }
            if (target == Integer.class) {
                return Integer.toString(d.intValueExact());
            }
            if (target == Long.class) {
                return d.longValueExact() + "L";
            }
        } catch (ArithmeticException e) {
            return null;
        }
        if (target == BigDecimal.class) {
            return "new " + imports.type(BigDecimal.class) + "(" + JavaCode.str(d.toPlainString()) + ")";
        }
        if (target == Double.class) {
            return d.doubleValue() + "d";
        }
        if (target == Float.class) {
            return d.floatValue() + "f";
        }
        return null;
    }

    /** {@code ForeignKeyOptions.defaults()...} with what differs from the defaults, or {@code null} when nothing does. */
    String foreignKeyOptions(String name, String referredSchema, ReferentialAction onDelete, ReferentialAction onUpdate,
                             boolean deferrable, boolean initiallyDeferred) {
        StringBuilder b = new StringBuilder();
        if (name != null) {
            b.append(".name(").append(JavaCode.str(name)).append(')');
        }
        if (referredSchema != null) {
            b.append(".referredSchema(").append(JavaCode.str(referredSchema)).append(')');
        }
        if (onDelete != ReferentialAction.NO_ACTION) {
            b.append(".onDelete(").append(imports.type(ReferentialAction.class)).append('.').append(onDelete.name()).append(')');
        }
        if (onUpdate != ReferentialAction.NO_ACTION) {
            b.append(".onUpdate(").append(imports.type(ReferentialAction.class)).append('.').append(onUpdate.name()).append(')');
        }
        if (deferrable) {
            b.append(".deferrable(").append(initiallyDeferred).append(')');
        }
        return b.length() == 0 ? null : imports.type(ForeignKeyOptions.class) + ".defaults()" + b;
    }
}
