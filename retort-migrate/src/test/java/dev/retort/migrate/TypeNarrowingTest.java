package dev.retort.migrate;

import dev.retort.migrate.ops.TypeNarrowing;
import dev.retort.types.SqlType;
import dev.retort.types.SqlTypes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.DATE;
import static dev.retort.types.SqlTypes.DATETIME;
import static dev.retort.types.SqlTypes.DOUBLE;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.REAL;
import static dev.retort.types.SqlTypes.SMALLINT;
import static dev.retort.types.SqlTypes.TEXT;
import static dev.retort.types.SqlTypes.TIMESTAMPTZ;
import static dev.retort.types.SqlTypes.binary;
import static dev.retort.types.SqlTypes.enumOf;
import static dev.retort.types.SqlTypes.numeric;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;

/** Which type changes may lose values: the changes upgrade refuses unless destructive changes are allowed. */
class TypeNarrowingTest {
    private static void keeps(SqlType<?> from, SqlType<?> to) {
        assertThat(TypeNarrowing.narrows(from, to)).as("%s -> %s keeps every value", from, to).isFalse();
    }

    private static void narrows(SqlType<?> from, SqlType<?> to) {
        assertThat(TypeNarrowing.narrows(from, to)).as("%s -> %s may lose values", from, to).isTrue();
    }

    @Test
    void widerTypesKeepEveryValue() {
        keeps(varchar(20), varchar(20));
        keeps(varchar(20), varchar(40));
        keeps(varchar(20), TEXT);
        keeps(SMALLINT, INTEGER);
        keeps(INTEGER, BIGINT);
        keeps(INTEGER, numeric(10, 0));
        keeps(INTEGER, numeric(12, 2));
        keeps(INTEGER, DOUBLE);
        keeps(SMALLINT, REAL);
        keeps(numeric(10, 2), numeric(12, 2));
        keeps(numeric(10, 2), numeric(11, 3));
        keeps(numeric(10, 2), numeric());
        keeps(REAL, DOUBLE);
        keeps(DATE, DATETIME);
        keeps(DATETIME, TIMESTAMPTZ);
        keeps(binary(16), binary(32));
        keeps(binary(16), SqlTypes.BINARY);
        keeps(enumOf("s", List.of("a", "b")), enumOf("s", List.of("a", "b", "c")));
        keeps(enumOf("s", List.of("a", "bb")), varchar(2));
        keeps(BIGINT, TEXT);
        keeps(varchar(5).map(StringBuilder.class, StringBuilder::new, StringBuilder::toString), varchar(9));
    }

    @Test
    void narrowerOrDifferentTypesMayLoseValues() {
        narrows(varchar(40), varchar(20));
        narrows(TEXT, varchar(200));
        narrows(BIGINT, INTEGER);
        narrows(INTEGER, SMALLINT);
        narrows(BIGINT, numeric(18, 0));
        narrows(BIGINT, DOUBLE);
        narrows(INTEGER, REAL);
        narrows(numeric(12, 2), numeric(10, 2));
        narrows(numeric(10, 2), numeric(10, 3));
        narrows(numeric(), numeric(30, 5));
        narrows(DOUBLE, REAL);
        narrows(DATETIME, DATE);
        narrows(TIMESTAMPTZ, DATETIME);
        narrows(binary(32), binary(16));
        narrows(SqlTypes.BINARY, TEXT);
        narrows(enumOf("s", List.of("a", "b")), enumOf("s", List.of("a")));
        narrows(enumOf("s", List.of("a", "bbb")), varchar(2));
        narrows(varchar(10), INTEGER);
        narrows(TEXT, enumOf("s", List.of("a")));
        narrows(SqlTypes.BOOLEAN, INTEGER);
    }
}
