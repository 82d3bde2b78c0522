package dev.retort.migrate.autogenerate;

import dev.retort.dialect.Capability;
import dev.retort.dialect.DdlCompiler;
import dev.retort.dialect.Dialect;
import dev.retort.schema.Column;
import dev.retort.types.ArrayType;
import dev.retort.types.EnumType;
import dev.retort.types.MappedType;
import dev.retort.types.SqlType;

/**
 * Whether a model column and a database column have the same type, as far as the database can
 * tell. Reflection maps a type name back to a Retort type, but a database stores some types
 * alike (MariaDB: TIMESTAMPTZ and DATETIME are both {@code DATETIME(6)}; SQLite: every binary is a
 * {@code BLOB}, an autoincrement key is {@code INTEGER} whatever the model says), so two types are
 * the same when the dialect writes both columns with the same type in DDL. Enums are compared by
 * their labels where they live in the column (SQLite, MariaDB), and by name where they are named
 * types (PostgreSQL, whose labels are compared as the type's own change).
 */
final class Types {
    private final Dialect dialect;
    private final DdlCompiler ddl;

    Types(Dialect dialect, DdlCompiler ddl) {
        this.dialect = dialect;
        this.ddl = ddl;
    }

    boolean same(Column<?> model, Column<?> database) {
        SqlType<?> m = stored(model.type());
        SqlType<?> d = stored(database.type());
        if (m instanceof ArrayType<?> a && d instanceof ArrayType<?> b) {
            m = stored(a.elementType());
            d = stored(b.elementType());
        }
        if (m instanceof EnumType<?> me && d instanceof EnumType<?> de) {
            return dialect.supports(Capability.NAMED_ENUM_TYPES) ? me.name().equals(de.name()) : me.labels().equals(de.labels());
        }
        if (m instanceof EnumType<?> || d instanceof EnumType<?>) {
            return false;
        }
        return ddl.columnType(model).equals(ddl.columnType(database));
    }

    static SqlType<?> stored(SqlType<?> type) {
        return type instanceof MappedType<?, ?> m ? stored(m.stored()) : type;
    }
}
