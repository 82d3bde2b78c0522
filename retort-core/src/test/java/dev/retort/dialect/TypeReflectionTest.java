package dev.retort.dialect;

import dev.retort.dialect.mysql.MariaDbDialect;
import dev.retort.dialect.mysql.MysqlSchemaReader;
import dev.retort.dialect.postgresql.PostgresDialect;
import dev.retort.dialect.postgresql.PostgresSchemaReader;
import dev.retort.dialect.sqlite.SqliteDialect;
import dev.retort.dialect.sqlite.SqliteSchemaReader;
import dev.retort.reflect.DeclaredType;
import dev.retort.types.EnumType;
import dev.retort.types.SqlType;
import dev.retort.types.SqlTypes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reflection's type mapping is the inverse of each dialect's type names: whatever a
 * {@link TypeCompiler} writes maps back to a type that it writes the same way.
 */
class TypeReflectionTest {
    private static final List<SqlType<?>> TYPES = List.of(SqlTypes.BOOLEAN, SqlTypes.SMALLINT, SqlTypes.INTEGER,
            SqlTypes.BIGINT, SqlTypes.numeric(10, 2), SqlTypes.numeric(30, 10), SqlTypes.numeric(), SqlTypes.REAL,
            SqlTypes.DOUBLE, SqlTypes.varchar(40), SqlTypes.TEXT, SqlTypes.DATE, SqlTypes.TIME, SqlTypes.DATETIME,
            SqlTypes.TIMESTAMPTZ, SqlTypes.INSTANT, SqlTypes.INTERVAL, SqlTypes.BINARY, SqlTypes.binary(16), SqlTypes.UUID,
            SqlTypes.uuidAsBinary(), SqlTypes.JSON, SqlTypes.jsonText(), SqlTypes.enumOf("mood", List.of("ok", "it's")));

    @Test
    void sqliteReadsBackEveryTypeItWrites() {
        TypeCompiler names = new SqliteDialect().typeCompiler();
        for (SqlType<?> t : TYPES) {
            String ddl = names.name(t);
            assertThat(names.name(SqliteSchemaReader.mapType(ddl))).as("%s written %s", t, ddl).isEqualTo(ddl);
        }
    }

    @Test
    void postgresReadsBackEveryTypeItWrites() {
        TypeCompiler names = new PostgresDialect().typeCompiler();
        for (SqlType<?> t : TYPES) {
            if (t instanceof EnumType<?>) {
                continue; // named types are looked up in pg_enum
            }
            String ddl = names.name(t);
            assertThat(names.name(PostgresSchemaReader.mapType(ddl))).as("%s written %s", t, ddl).isEqualTo(ddl);
        }
    }

    @Test
    void postgresReadsFormatTypeSpellings() {
        assertThat(PostgresSchemaReader.mapType("character varying(40)")).isEqualTo(SqlTypes.varchar(40));
        assertThat(PostgresSchemaReader.mapType("character varying")).isEqualTo(SqlTypes.TEXT);
        assertThat(PostgresSchemaReader.mapType("numeric(10,2)")).isEqualTo(SqlTypes.numeric(10, 2));
        assertThat(PostgresSchemaReader.mapType("numeric")).isEqualTo(SqlTypes.numeric());
        assertThat(PostgresSchemaReader.mapType("time(6) without time zone")).isEqualTo(SqlTypes.TIME);
        assertThat(PostgresSchemaReader.mapType("timestamp(3) without time zone")).isEqualTo(SqlTypes.DATETIME);
        assertThat(PostgresSchemaReader.mapType("timestamp with time zone")).isEqualTo(SqlTypes.TIMESTAMPTZ);
        assertThat(PostgresSchemaReader.mapType("interval day to second")).isEqualTo(SqlTypes.INTERVAL);
        assertThat(PostgresSchemaReader.mapType("jsonb")).isEqualTo(SqlTypes.JSON);
        assertThat(PostgresSchemaReader.mapType("json")).isEqualTo(SqlTypes.jsonText());
        assertThat(PostgresSchemaReader.mapType("tsvector")).as("unknown: a fallback").isEqualTo(SqlTypes.TEXT);
    }

    @Test
    void mariaDbReadsBackEveryTypeItWrites() {
        TypeCompiler names = new MariaDbDialect().typeCompiler();
        for (SqlType<?> t : TYPES) {
            String ddl = names.name(t);
            String dataType = DeclaredType.parse(ddl).base().toLowerCase(Locale.ROOT);
            SqlType<?> back = MysqlSchemaReader.mapType(ddl.toLowerCase(Locale.ROOT), dataType, "col");
            assertThat(names.name(back)).as("%s written %s", t, ddl).isEqualTo(ddl);
        }
    }

    @Test
    void mariaDbReadsColumnTypeSpellings() {
        assertThat(MysqlSchemaReader.mapType("tinyint(1)", "tinyint", "c")).isEqualTo(SqlTypes.BOOLEAN);
        assertThat(MysqlSchemaReader.mapType("tinyint(4)", "tinyint", "c")).isEqualTo(SqlTypes.SMALLINT);
        assertThat(MysqlSchemaReader.mapType("int(11)", "int", "c")).isEqualTo(SqlTypes.INTEGER);
        assertThat(MysqlSchemaReader.mapType("int(10) unsigned", "int", "c")).isEqualTo(SqlTypes.BIGINT);
        assertThat(MysqlSchemaReader.mapType("float", "float", "c")).isEqualTo(SqlTypes.REAL);
        assertThat(MysqlSchemaReader.mapType("char(36)", "char", "c")).as("CHAR(n) is a string")
                .isEqualTo(SqlTypes.varchar(36));
        assertThat(MysqlSchemaReader.mapType("enum('a','it''s','x\\\\y')", "enum", "status"))
                .isEqualTo(SqlTypes.enumOf("status", List.of("a", "it's", "x\\y")));
        assertThat(MysqlSchemaReader.mapType("set('a','b')", "set", "c")).as("unknown: a fallback").isEqualTo(SqlTypes.TEXT);
    }

    @Test
    void sqliteReadsCommonSpellingsAndFallsBackByAffinity() {
        assertThat(SqliteSchemaReader.mapType("NVARCHAR(160)")).isEqualTo(SqlTypes.varchar(160));
        assertThat(SqliteSchemaReader.mapType("INT")).isEqualTo(SqlTypes.INTEGER);
        assertThat(SqliteSchemaReader.mapType("NUMERIC(10,2)")).isEqualTo(SqlTypes.numeric(10, 2));
        assertThat(SqliteSchemaReader.mapType("DECIMAL_TEXT(30, 10)")).isEqualTo(SqlTypes.numeric(30, 10));
        assertThat(SqliteSchemaReader.mapType("UNSIGNED BIG INT")).isEqualTo(SqlTypes.BIGINT);
        assertThat(SqliteSchemaReader.mapType("MEDIUM_INTEGER_THING")).isEqualTo(SqlTypes.BIGINT);
        assertThat(SqliteSchemaReader.mapType("LONG VARCHAR")).isEqualTo(SqlTypes.TEXT);
        assertThat(SqliteSchemaReader.mapType("")).isEqualTo(SqlTypes.BINARY);
        assertThat(SqliteSchemaReader.mapType("FLOAT8")).isEqualTo(SqlTypes.DOUBLE);
        // SQLite's rule 1 comes first: "FLOATING POINT" contains "INT", so SQLite stores integers there.
        assertThat(SqliteSchemaReader.mapType("FLOATING POINT")).isEqualTo(SqlTypes.BIGINT);
        assertThat(SqliteSchemaReader.mapType("MONEY")).isEqualTo(SqlTypes.numeric());
    }
}
