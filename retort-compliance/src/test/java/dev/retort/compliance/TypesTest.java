package dev.retort.compliance;

import dev.retort.CompileException;
import dev.retort.DataException;
import dev.retort.DatabaseException;
import dev.retort.RetortException;
import dev.retort.dialect.Capability;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Row;
import dev.retort.schema.MetaData;
import dev.retort.schema.Table;
import dev.retort.sql.TextClause;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import dev.retort.types.JsonCodec;
import dev.retort.types.SqlType;
import dev.retort.types.SqlTypes;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.sql.Statements.text;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.BINARY;
import static dev.retort.types.SqlTypes.BOOLEAN;
import static dev.retort.types.SqlTypes.DATE;
import static dev.retort.types.SqlTypes.DATETIME;
import static dev.retort.types.SqlTypes.DOUBLE;
import static dev.retort.types.SqlTypes.INSTANT;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.INTERVAL;
import static dev.retort.types.SqlTypes.JSON;
import static dev.retort.types.SqlTypes.REAL;
import static dev.retort.types.SqlTypes.SMALLINT;
import static dev.retort.types.SqlTypes.TEXT;
import static dev.retort.types.SqlTypes.TIME;
import static dev.retort.types.SqlTypes.TIMESTAMPTZ;
import static dev.retort.types.SqlTypes.arrayOf;
import static dev.retort.types.SqlTypes.enumOf;
import static dev.retort.types.SqlTypes.numeric;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Every SQL type round-trips through a real column on every database: NULL, boundary values,
 * and invalid values that must be refused with a classified error and leave the table as it was.
 * Tables are made with the schema API; values are bound and read through typed text clauses.
 */
class TypesTest {
    enum Mood { SAD, OK, HAPPY }

    record Point(int x, String label) {
    }

    record Money(BigDecimal amount) {
    }

    private static final Pattern POINT = Pattern.compile("\\{\"x\": (-?\\d+), \"label\": \"([^\"]*)\"}");

    /** A hand-written codec for a tiny record, standing in for Jackson or similar. */
    private static final JsonCodec<Point> POINT_CODEC = JsonCodec.of(Point.class,
            p -> {
                if (p.label().contains("\"")) {
                    throw new IllegalArgumentException("quotes are not supported by this tiny codec");
                }
                return "{\"x\": " + p.x() + ", \"label\": \"" + p.label() + "\"}";
            },
            s -> {
                Matcher m = POINT.matcher(s);
                if (!m.matches()) {
                    throw new IllegalArgumentException("not a point: " + s);
                }
                return new Point(Integer.parseInt(m.group(1)), m.group(2));
            });

    // ---- helpers ------------------------------------------------------------------------------

    /** Creates {@code vals(id INTEGER PRIMARY KEY, v <type>)} with the schema API. */
    private static void createVals(Engine engine, SqlType<?> type) {
        MetaData md = new MetaData();
        Table.builder("vals").metadata(md).column("id", INTEGER, PRIMARY_KEY).column("v", type).build();
        md.createAll(engine);
    }

    private static <T> void insert(Connection c, int id, T value, SqlType<T> type) {
        c.execute(text("INSERT INTO vals (id, v) VALUES (:id, :v)").bind("id", id).bind("v", value, type));
    }

    private static <T> T read(Connection c, int id, SqlType<T> type) {
        return type.javaType().cast(c.execute(text("SELECT v FROM vals WHERE id = :id").bind("id", id).columns(type))
                .scalar());
    }

    /**
     * Writes each value into its own row (ids from 1: MariaDB turns an id of 0 into the next
     * AUTO_INCREMENT value), commits, and reads every row back on a new connection.
     */
    @SafeVarargs
    private static <T> List<T> roundTrip(TestDatabase db, SqlType<T> type, T... values) {
        Engine engine = db.engine();
        createVals(engine, type);
        try (Connection c = engine.connect()) {
            for (int i = 0; i < values.length; i++) {
                insert(c, i + 1, values[i], type);
            }
            c.commit();
        }
        List<T> out = new ArrayList<>();
        try (Connection c = engine.connect()) {
            for (int i = 0; i < values.length; i++) {
                out.add(read(c, i + 1, type));
            }
        }
        return out;
    }

    private static long count(Engine engine) {
        return Tables.count(engine, "vals");
    }

    // ---- booleans and numbers -----------------------------------------------------------------

    @EachDatabase
    void booleansRoundTrip(TestDatabase db) {
        assertThat(roundTrip(db, BOOLEAN, true, false, null)).containsExactly(true, false, null);
    }

    @EachDatabase
    void smallIntsKeepTheirBoundaries(TestDatabase db) {
        Short[] values = {Short.MIN_VALUE, Short.MAX_VALUE, (short) 0, (short) -1, null};
        assertThat(roundTrip(db, SMALLINT, values)).containsExactly(values);
    }

    @EachDatabase
    void integersKeepTheirBoundaries(TestDatabase db) {
        Integer[] values = {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, null};
        assertThat(roundTrip(db, INTEGER, values)).containsExactly(values);
    }

    @EachDatabase
    void bigIntsKeepTheirBoundaries(TestDatabase db) {
        Long[] values = {Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, (1L << 53) + 1, null};
        assertThat(roundTrip(db, BIGINT, values)).containsExactly(values);
    }

    @EachDatabase
    void highPrecisionDecimalsAreExact(TestDatabase db) {
        BigDecimal[] values = {
            new BigDecimal("1E-30"),
            new BigDecimal("-1E-30"),
            new BigDecimal("12345678.901234567890123456789012345678"), // 38 significant digits
            new BigDecimal("99999999999999999999999999999999999.999999999999999999999999999999"), // 65 digits
            new BigDecimal("-99999999999999999999999999999999999.999999999999999999999999999999"),
            BigDecimal.ZERO,
            null};
        List<BigDecimal> back = roundTrip(db, numeric(65, 30), values);
        for (int i = 0; i < values.length - 1; i++) {
            // Every database returns the column's scale.
            assertThat(back.get(i)).isEqualTo(values[i].setScale(30));
        }
        assertThat(back.get(values.length - 1)).isNull();
    }

    @EachDatabase
    void thirtyEightDigitIntegersAreExact(TestDatabase db) {
        BigDecimal max = new BigDecimal("9".repeat(38));
        assertThat(roundTrip(db, numeric(38, 0), max, max.negate(), BigDecimal.ONE, null))
                .containsExactly(max, max.negate(), BigDecimal.ONE, null);
    }

    @EachDatabase
    void smallDecimalsComeBackWithTheirScale(TestDatabase db) {
        // Precision 15 or less: SQLite stores a number rather than text.
        assertThat(roundTrip(db, numeric(12, 2), new BigDecimal("1234567890.12"), new BigDecimal("-0.01"),
                new BigDecimal("0.1"), new BigDecimal("9999999999.99"), new BigDecimal("100"), null))
                .containsExactly(new BigDecimal("1234567890.12"), new BigDecimal("-0.01"), new BigDecimal("0.10"),
                        new BigDecimal("9999999999.99"), new BigDecimal("100.00"), null);
        Engine engine = db.engine();
        MetaData md = new MetaData();
        Table.builder("fifteen").metadata(md).column("id", INTEGER, PRIMARY_KEY).column("v", numeric(15, 5)).build();
        md.createAll(engine);
        try (Connection c = engine.connect()) {
            c.execute(text("INSERT INTO fifteen (id, v) VALUES (1, :v)").bind("v", new BigDecimal("1234567890.12345"),
                    numeric(15, 5)));
            assertThat(c.execute(text("SELECT v FROM fifteen").columns(numeric(15, 5))).scalar())
                    .isEqualTo(new BigDecimal("1234567890.12345"));
            // A number in SQL, not text: arithmetic and comparison work on every database.
            assertThat(c.execute(text("SELECT COUNT(*) FROM fifteen WHERE v > 1000")).scalar(Long.class)).isEqualTo(1L);
            c.commit();
        }
    }

    /** Within MariaDB's bounds for a NUMERIC without precision: DECIMAL(65, 30). */
    @EachDatabase
    void decimalsWithoutPrecisionAreExact(TestDatabase db) {
        List<BigDecimal> back = roundTrip(db, numeric(), new BigDecimal("3.141592653589793238462643383279"),
                new BigDecimal("-12345678901234567890123456789012345.5"), new BigDecimal("-42"), null);
        assertThat(back.get(0)).isEqualByComparingTo("3.141592653589793238462643383279");
        assertThat(back.get(1)).isEqualByComparingTo("-12345678901234567890123456789012345.5");
        assertThat(back.get(2)).isEqualByComparingTo("-42");
        assertThat(back.get(3)).isNull();
    }

    @EachDatabase
    void realsAreExact(TestDatabase db) {
        Float[] values = {0.1f, 1.2345678f, -1.5f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_NORMAL, 0f, null};
        assertThat(roundTrip(db, REAL, values))
                .as("REAL values come back exactly (a MariaDB FLOAT column returns only 6 significant digits "
                        + "over the text protocol, so REAL must be stored as DOUBLE there)")
                .containsExactly(values);
    }

    @EachDatabase
    void doublesAreExact(TestDatabase db) {
        Double[] values = {0.1, 1.0 / 3, -2.5e-300, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 0.0, null};
        assertThat(roundTrip(db, DOUBLE, values)).containsExactly(values);
    }

    /** NaN and infinities: a quirk per database, so the expectations name them. */
    @EachDatabase
    void nonFiniteDoublesRoundTripOrAreRefused(TestDatabase db) {
        Engine engine = db.engine();
        createVals(engine, DOUBLE);
        double[] values = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < values.length; i++) {
            int id = i + 1;
            double v = values[i];
            boolean storable = db.kind() == DatabaseKind.POSTGRESQL || (db.kind().isSqlite() && !Double.isNaN(v));
            try (Connection c = engine.connect()) {
                if (storable) {
                    insert(c, id, v, DOUBLE);
                    assertThat(read(c, id, DOUBLE)).isEqualTo(Double.valueOf(v));
                } else {
                    // MariaDB has neither; SQLite would turn NaN into NULL.
                    assertThatThrownBy(() -> insert(c, id, v, DOUBLE)).isInstanceOf(DataException.class)
                            .hasMessageContaining("NaN".equals(String.valueOf(v)) ? "NaN" : "Infinity");
                }
                c.commit();
            }
        }
        long expected = db.kind() == DatabaseKind.POSTGRESQL ? 3 : db.kind().isSqlite() ? 2 : 0;
        assertThat(count(engine)).isEqualTo(expected);
    }

    // ---- text ---------------------------------------------------------------------------------

    /** About 1 MB of text with emoji, 4-byte characters, CJK, combining marks and quotes. */
    private static String bigText() {
        String piece = "Grüße, 世界! 😀 𝄞 𐍈 e\u0301 'quoted' \"double\" \\ tab\t newline\n ";
        StringBuilder sb = new StringBuilder(1 << 20);
        while (sb.length() < (1 << 20)) {
            sb.append(piece);
        }
        return sb.toString();
    }

    @EachDatabase
    void textKeepsEveryCharacter(TestDatabase db) {
        String big = bigText();
        List<String> back = roundTrip(db, TEXT, "", "😀", big, null);
        assertThat(back.get(0)).isEmpty();
        assertThat(back.get(1)).isEqualTo("😀");
        assertThat(back.get(2)).hasSize(big.length());
        assertThat(back.get(2).equals(big)).as("1 MB text comes back unchanged").isTrue();
        assertThat(back.get(3)).isNull();
    }

    @EachDatabase
    void varcharKeepsFourByteCharacters(TestDatabase db) {
        // Ten characters, some outside the Basic Multilingual Plane (two UTF-16 units each).
        String ten = "😀𝄞𐍈abc世界ßé";
        assertThat(ten.codePointCount(0, ten.length())).isEqualTo(10);
        assertThat(roundTrip(db, varchar(10), "", ten, "x", null)).containsExactly("", ten, "x", null);
    }

    @EachDatabase(requires = Capability.ENFORCED_STRING_LENGTH)
    void tooLongStringIsRefusedAndNothingIsWritten(TestDatabase db) {
        Engine engine = db.engine();
        createVals(engine, varchar(5));
        try (Connection c = engine.connect()) {
            insert(c, 1, "abcde", varchar(5));
            c.commit();
            assertThatThrownBy(() -> insert(c, 2, "abcdef", varchar(5))).isInstanceOf(DataException.class);
            c.rollback();
            assertThatThrownBy(() -> c.execute(text("UPDATE vals SET v = :v WHERE id = 1").bind("v", "😀😀😀😀😀😀",
                    varchar(5)))).isInstanceOf(DataException.class);
            c.rollback();
        }
        assertThat(count(engine)).isEqualTo(1);
        try (Connection c = engine.connect()) {
            assertThat(read(c, 1, varchar(5))).isEqualTo("abcde");
        }
    }

    // ---- out-of-range numbers -----------------------------------------------------------------

    /** SQLite does not check integer widths (see the next test); the servers do. */
    @EachDatabase(only = {DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void outOfRangeSmallIntIsRefusedAndNothingIsWritten(TestDatabase db) {
        Engine engine = db.engine();
        createVals(engine, SMALLINT);
        try (Connection c = engine.connect()) {
            insert(c, 1, (short) 7, SMALLINT);
            c.commit();
            assertThatThrownBy(() -> c.execute(text("INSERT INTO vals (id, v) VALUES (2, :v)").bind("v", 40000, INTEGER)))
                    .isInstanceOf(DataException.class);
            c.rollback();
            assertThatThrownBy(() -> c.execute(text("UPDATE vals SET v = :v").bind("v", -40000, INTEGER)))
                    .isInstanceOf(DataException.class);
            c.rollback();
        }
        assertThat(count(engine)).isEqualTo(1);
        try (Connection c = engine.connect()) {
            assertThat(read(c, 1, SMALLINT)).isEqualTo((short) 7);
        }
    }

    /** SQLite stores 40000 in a SMALLINT column; reading it as SMALLINT refuses rather than wrapping. */
    @EachDatabase(only = {DatabaseKind.SQLITE_MEMORY, DatabaseKind.SQLITE_FILE})
    void sqliteRefusesToReadAnOutOfRangeSmallIntAsWrapped(TestDatabase db) {
        Engine engine = db.engine();
        createVals(engine, SMALLINT);
        try (Connection c = engine.connect()) {
            c.execute(text("INSERT INTO vals (id, v) VALUES (1, :v)").bind("v", 40000, INTEGER));
            assertThatThrownBy(() -> read(c, 1, SMALLINT)).isInstanceOf(DataException.class)
                    .hasMessageContaining("out of range for SMALLINT");
            assertThat(c.execute(text("SELECT v FROM vals").columns(INTEGER)).scalar()).isEqualTo(40000);
        }
    }

    @EachDatabase
    void decimalOutOfRangeIsRefusedAndNothingIsWritten(TestDatabase db) {
        Engine engine = db.engine();
        createVals(engine, numeric(5, 2));
        try (Connection c = engine.connect()) {
            insert(c, 1, new BigDecimal("999.99"), numeric(5, 2));
            c.commit();
            assertThatThrownBy(() -> insert(c, 2, new BigDecimal("1000.00"), numeric(5, 2)))
                    .isInstanceOf(DataException.class);
            c.rollback();
            assertThatThrownBy(() -> c.execute(text("UPDATE vals SET v = :v").bind("v", new BigDecimal("-123456"),
                    numeric(5, 2)))).isInstanceOf(DataException.class);
            c.rollback();
        }
        assertThat(count(engine)).isEqualTo(1);
        try (Connection c = engine.connect()) {
            assertThat(read(c, 1, numeric(5, 2))).isEqualTo(new BigDecimal("999.99"));
        }
    }

    // ---- dates and times ----------------------------------------------------------------------

    @EachDatabase
    void datesKeepYearOneLeapDaysAndYear9999(TestDatabase db) {
        LocalDate[] values = {LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(2024, 2, 29),
            LocalDate.of(1970, 1, 1), LocalDate.of(1582, 10, 15), null};
        assertThat(roundTrip(db, DATE, values)).containsExactly(values);
    }

    @EachDatabase
    void timesKeepMicroseconds(TestDatabase db) {
        LocalTime[] values = {LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59, 999_999_000), LocalTime.of(12, 34, 56, 1_000),
            LocalTime.NOON, null};
        assertThat(roundTrip(db, TIME, values)).containsExactly(values);
    }

    @EachDatabase
    void finerThanMicrosecondsIsDroppedAlike(TestDatabase db) {
        List<LocalTime> back = roundTrip(db, TIME, LocalTime.of(10, 0, 0, 123_456_789));
        assertThat(back).containsExactly(LocalTime.of(10, 0, 0, 123_456_000));
    }

    @EachDatabase
    void dateTimesKeepTheirValueWhateverTheJvmTimeZone(TestDatabase db) {
        LocalDateTime[] values = {LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
            LocalDateTime.of(2024, 2, 29, 12, 0), LocalDateTime.of(2024, 3, 31, 2, 30, 0, 1_000), // a gap in Berlin
            LocalDateTime.of(2024, 10, 27, 2, 30), null}; // an overlap in Berlin
        TimeZone before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        try {
            assertThat(roundTrip(db, DATETIME, values)).containsExactly(values);
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @EachDatabase
    void timestampsWithTimeZoneComeBackAsTheSameInstantInUtc(TestDatabase db) {
        OffsetDateTime dstChange = OffsetDateTime.parse("2024-03-31T01:00:00Z"); // 02:00 -> 03:00 in Berlin
        OffsetDateTime[] values = {
            dstChange,
            dstChange.minusNanos(1_000),
            dstChange.atZoneSameInstant(ZoneId.of("Europe/Berlin")).toOffsetDateTime(),
            OffsetDateTime.parse("2024-02-29T23:30:00.123456+05:30"),
            OffsetDateTime.parse("0001-01-01T00:00:00Z"),
            OffsetDateTime.parse("9999-12-31T23:59:59.999999Z"),
            null};
        List<OffsetDateTime> back = roundTrip(db, TIMESTAMPTZ, values);
        for (int i = 0; i < values.length - 1; i++) {
            assertThat(back.get(i).isEqual(values[i])).as("%s came back as %s", values[i], back.get(i)).isTrue();
            assertThat(back.get(i).getOffset()).isEqualTo(ZoneOffset.UTC);
            assertThat(back.get(i)).isEqualTo(values[i].withOffsetSameInstant(ZoneOffset.UTC));
        }
        assertThat(back.get(values.length - 1)).isNull();
    }

    @EachDatabase
    void instantsRoundTrip(TestDatabase db) {
        Instant[] values = {Instant.parse("2024-03-31T01:00:00Z"), Instant.parse("2024-10-27T00:59:59.999999Z"),
            Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.EPOCH, null};
        assertThat(roundTrip(db, INSTANT, values)).containsExactly(values);
    }

    /** Proves that SQLite's text formats sort: ORDER BY gives time order on every database. */
    @EachDatabase
    void dateTimeColumnsSortChronologically(TestDatabase db) {
        Engine engine = db.engine();
        MetaData md = new MetaData();
        Table.builder("moments").metadata(md).column("id", INTEGER, PRIMARY_KEY).column("dt", DATETIME)
                .column("ts", TIMESTAMPTZ).column("t", TIME).build();
        md.createAll(engine);
        // id -> chronological rank, inserted out of order
        Object[][] rows = {
            {3, LocalDateTime.of(2024, 1, 1, 10, 0), OffsetDateTime.parse("2024-01-01T10:00:00+05:30"), LocalTime.of(10, 0)},
            {1, LocalDateTime.of(1, 1, 1, 0, 0), OffsetDateTime.parse("0001-01-01T00:00:00Z"), LocalTime.MIDNIGHT},
            {5, LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000), OffsetDateTime.parse("9999-12-31T23:59:59.999999Z"),
                LocalTime.of(23, 59, 59, 999_999_000)},
            {4, LocalDateTime.of(2024, 1, 1, 10, 0, 0, 1_000), OffsetDateTime.parse("2024-01-01T05:00:00Z"),
                LocalTime.of(10, 0, 0, 1_000)},
            {2, LocalDateTime.of(999, 12, 31, 23, 59), OffsetDateTime.parse("2024-01-01T04:29:59.999999Z"),
                LocalTime.of(9, 59, 59, 999_999_000)},
        };
        TextClause insert = text("INSERT INTO moments (id, dt, ts, t) VALUES (:id, :dt, :ts, :t)")
                .bind("dt", null, DATETIME).bind("ts", null, TIMESTAMPTZ).bind("t", null, TIME);
        try (Connection c = engine.connect()) {
            for (Object[] r : rows) {
                c.execute(insert, Map.of("id", r[0], "dt", r[1], "ts", r[2], "t", r[3]));
            }
            c.commit();
            for (String column : List.of("dt", "ts", "t")) {
                assertThat(c.execute(text("SELECT id FROM moments ORDER BY " + column)).scalars(Integer.class).all())
                        .as("ORDER BY %s", column).containsExactly(1, 2, 3, 4, 5);
            }
        }
    }

    // ---- intervals ----------------------------------------------------------------------------

    @EachDatabase
    void durationsRoundTrip(TestDatabase db) {
        Duration[] values = {
            Duration.ZERO,
            Duration.ofSeconds(-1),
            Duration.ofMillis(500),
            Duration.ofNanos(1_000),
            Duration.ofNanos(-1_000),
            Duration.ofDays(3).plusHours(2).plusMinutes(3).plusSeconds(4).plusMillis(500),
            Duration.ofDays(-400).plusNanos(250_000_000),
            Duration.ofDays(36_500),
            null};
        assertThat(roundTrip(db, INTERVAL, values)).containsExactly(values);
    }

    /** PostgreSQL prints intervals in the session's IntervalStyle; the codec reads all four. */
    @EachDatabase(only = DatabaseKind.POSTGRESQL)
    void postgresIntervalsAreReadInEveryStyle(TestDatabase db) {
        Duration expected = Duration.ofDays(365).plusHours(6) // 1 year = 365.25 days, as EXTRACT(EPOCH) counts
                .plusDays(2 * 30 + 3).minusHours(4).minusMinutes(5).minusSeconds(6).minusMillis(789);
        try (Connection c = db.engine().connect()) {
            for (String style : List.of("postgres", "postgres_verbose", "sql_standard", "iso_8601")) {
                c.execute(text("SET intervalstyle = " + style));
                Row r = c.execute(text("SELECT INTERVAL '1 year 2 mons 3 days -04:05:06.789', INTERVAL '-1 day -00:00:01.5', "
                        + "INTERVAL '-3 days -04:05:06', INTERVAL '0', INTERVAL '36 hours'")
                        .columns(INTERVAL, INTERVAL, INTERVAL, INTERVAL, INTERVAL)).one();
                assertThat(r.get(0)).as(style).isEqualTo(expected);
                assertThat(r.get(1)).as(style).isEqualTo(Duration.ofDays(-1).minusMillis(1_500));
                assertThat(r.get(2)).as(style).isEqualTo(Duration.ofDays(-3).minusHours(4).minusMinutes(5).minusSeconds(6));
                assertThat(r.get(3)).as(style).isEqualTo(Duration.ZERO);
                assertThat(r.get(4)).as(style).isEqualTo(Duration.ofHours(36));
            }
        }
    }

    // ---- binary, UUID, enums, JSON --------------------------------------------------------------

    @EachDatabase
    void bytesRoundTrip(TestDatabase db) {
        byte[] big = new byte[1 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i; // every byte value, repeatedly
        }
        List<byte[]> back = roundTrip(db, BINARY, new byte[0], new byte[] {0, -1, 127, -128}, big, null);
        assertThat(back.get(0)).isEmpty();
        assertThat(back.get(1)).containsExactly(0, -1, 127, -128);
        assertThat(Arrays.equals(back.get(2), big)).as("1 MB of bytes come back unchanged").isTrue();
        assertThat(back.get(3)).isNull();
    }

    @EachDatabase
    void shortBinaryRoundTrips(TestDatabase db) {
        byte[] sixteen = new byte[16];
        Arrays.fill(sixteen, (byte) 0xAB);
        List<byte[]> back = roundTrip(db, SqlTypes.binary(16), sixteen, new byte[0], null);
        assertThat(back.get(0)).isEqualTo(sixteen);
        assertThat(back.get(1)).isEmpty();
        assertThat(back.get(2)).isNull();
    }

    @EachDatabase
    void uuidsRoundTripAsText(TestDatabase db) {
        UUID[] values = {UUID.randomUUID(), new UUID(0, 0), new UUID(-1, -1),
            UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), null};
        assertThat(roundTrip(db, SqlTypes.UUID, values)).containsExactly(values);
    }

    @EachDatabase
    void uuidsRoundTripAsBinary(TestDatabase db) {
        UUID[] values = {UUID.randomUUID(), new UUID(0, 0), new UUID(-1, -1), new UUID(Long.MIN_VALUE, 1), null};
        assertThat(roundTrip(db, SqlTypes.uuidAsBinary(), values)).containsExactly(values);
    }

    @EachDatabase
    void javaEnumsRoundTripByName(TestDatabase db) {
        assertThat(roundTrip(db, enumOf(Mood.class), Mood.SAD, Mood.OK, Mood.HAPPY, null))
                .containsExactly(Mood.SAD, Mood.OK, Mood.HAPPY, null);
    }

    @EachDatabase
    void labelEnumsRoundTripAndRefuseOtherLabels(TestDatabase db) {
        SqlType<String> size = enumOf("shirt_size", List.of("S", "M", "L"));
        assertThat(roundTrip(db, size, "S", "L", null)).containsExactly("S", "L", null);
        Engine engine = db.engine();
        try (Connection c = engine.connect()) {
            assertThatThrownBy(() -> insert(c, 9, "XL", size)).isInstanceOf(DataException.class)
                    .hasMessageContaining("'XL' is not a label of enum type shirt_size");
            c.rollback();
        }
        assertThat(count(engine)).isEqualTo(3);
    }

    @EachDatabase
    void jsonTextRoundTrips(TestDatabase db) {
        // Written as PostgreSQL's jsonb prints it, so that its normalisation changes nothing.
        String doc = "{\"a\": 1, \"b\": [true, null, \"x 😀\"]}";
        assertThat(roundTrip(db, JSON, doc, "[]", "\"text\"", null)).containsExactly(doc, "[]", "\"text\"", null);
    }

    @EachDatabase
    void plainJsonKeepsTheTextAsWritten(TestDatabase db) {
        String doc = "{\"b\":2,   \"a\": [1 ,2]}";
        assertThat(roundTrip(db, SqlTypes.jsonText(), doc, null)).containsExactly(doc, null);
    }

    @EachDatabase
    void jsonThroughACodecRoundTrips(TestDatabase db) {
        SqlType<Point> type = SqlTypes.json(POINT_CODEC);
        assertThat(roundTrip(db, type, new Point(1, "one"), new Point(-7, "😀"), null))
                .containsExactly(new Point(1, "one"), new Point(-7, "😀"), null);
    }

    @EachDatabase
    void jsonCodecFailureNamesTheTypeAndWritesNothing(TestDatabase db) {
        SqlType<Point> type = SqlTypes.json(POINT_CODEC);
        Engine engine = db.engine();
        createVals(engine, type);
        try (Connection c = engine.connect()) {
            assertThatThrownBy(() -> insert(c, 1, new Point(1, "say \"hi\""), type)).isInstanceOf(RetortException.class)
                    .isNotInstanceOf(DatabaseException.class)
                    .hasMessageContaining(Point.class.getName())
                    .hasMessageContaining("quotes are not supported");
            // Text that the codec cannot read is reported with the type's Java class.
            c.execute(text("INSERT INTO vals (id, v) VALUES (2, :v)").bind("v", "{\"y\": 1}", SqlTypes.jsonText()));
            assertThatThrownBy(() -> read(c, 2, type)).isInstanceOf(RetortException.class)
                    .hasMessageContaining("Cannot read JSON {\"y\": 1} as " + Point.class.getName());
            c.rollback();
        }
        assertThat(count(engine)).isZero();
    }

    // ---- arrays, mapped types -----------------------------------------------------------------

    @EachDatabase(requires = Capability.ARRAYS)
    void arraysRoundTrip(TestDatabase db) {
        List<Integer> ints = Arrays.asList(1, null, Integer.MIN_VALUE, Integer.MAX_VALUE);
        assertThat(roundTrip(db, arrayOf(INTEGER), ints, List.of(), null)).containsExactly(ints, List.of(), null);

        Engine engine = db.engine();
        MetaData md = new MetaData();
        // The plain enum column makes PostgreSQL's enum type, which the array column needs.
        Table.builder("arrays").metadata(md).column("id", INTEGER, PRIMARY_KEY).column("mood", enumOf(Mood.class))
                .column("texts", arrayOf(TEXT)).column("moods", arrayOf(enumOf(Mood.class)))
                .column("days", arrayOf(DATE)).column("spans", arrayOf(INTERVAL)).column("ids", arrayOf(SqlTypes.UUID))
                .column("amounts", arrayOf(numeric(40, 30))).build();
        md.createAll(engine);
        List<String> texts = Arrays.asList("a,b", "{braces}", "\"quoted\"", "back\\slash", "NULL", null, "", "😀");
        List<Mood> moods = List.of(Mood.HAPPY, Mood.SAD);
        List<LocalDate> days = List.of(LocalDate.of(1, 1, 1), LocalDate.of(2024, 2, 29));
        List<Duration> spans = List.of(Duration.ofDays(-2).plusMillis(1), Duration.ZERO);
        List<UUID> ids = List.of(new UUID(0, 0), new UUID(-1, -1));
        List<BigDecimal> amounts = List.of(new BigDecimal("1E-30").setScale(30), new BigDecimal("1234567890").setScale(30));
        TextClause insert = text("INSERT INTO arrays (id, texts, moods, days, spans, ids, amounts) "
                + "VALUES (1, :texts, :moods, :days, :spans, :ids, :amounts)")
                .bind("texts", texts, arrayOf(TEXT)).bind("moods", moods, arrayOf(enumOf(Mood.class)))
                .bind("days", days, arrayOf(DATE)).bind("spans", spans, arrayOf(INTERVAL))
                .bind("ids", ids, arrayOf(SqlTypes.UUID)).bind("amounts", amounts, arrayOf(numeric(40, 30)));
        TextClause select = text("SELECT texts, moods, days, spans, ids, amounts FROM arrays").columns(arrayOf(TEXT),
                arrayOf(enumOf(Mood.class)), arrayOf(DATE), arrayOf(INTERVAL), arrayOf(SqlTypes.UUID), arrayOf(numeric(40, 30)));
        try (Connection c = engine.connect()) {
            c.execute(insert);
            c.commit();
            // Enough times for the PostgreSQL driver to switch to server-prepared, binary results.
            for (int i = 0; i < 7; i++) {
                Row r = c.execute(select).one();
                assertThat(r.get(0)).isEqualTo(texts);
                assertThat(r.get(1)).isEqualTo(moods);
                assertThat(r.get(2)).isEqualTo(days);
                assertThat(r.get(3)).isEqualTo(spans);
                assertThat(r.get(4)).isEqualTo(ids);
                assertThat(r.get(5)).isEqualTo(amounts);
            }
        }
    }

    @EachDatabase
    void arraysAreRefusedWhereTheDatabaseHasNone(TestDatabase db) {
        assumeFalse(db.dialect().supports(Capability.ARRAYS), "the database has arrays");
        try (Connection c = db.engine().connect()) {
            assertThatThrownBy(() -> c.execute(text("SELECT :v").bind("v", List.of(1, 2), arrayOf(INTEGER))))
                    .isInstanceOf(CompileException.class)
                    .hasMessageContaining("arrays exist only on PostgreSQL")
                    .hasMessageContaining("JSON");
            assertThatThrownBy(() -> c.execute(text("SELECT 1").columns(arrayOf(TEXT))))
                    .isInstanceOf(CompileException.class);
        }
    }

    @EachDatabase
    void mappedTypesConvertThroughTheStoredType(TestDatabase db) {
        SqlType<Money> money = numeric(12, 2).map(Money.class, Money::new, Money::amount);
        assertThat(roundTrip(db, money, new Money(new BigDecimal("19.99")), new Money(new BigDecimal("-0.50")), null))
                .containsExactly(new Money(new BigDecimal("19.99")), new Money(new BigDecimal("-0.50")), null);
    }

    // ---- typed statements ---------------------------------------------------------------------

    @EachDatabase
    void typesDeclaredOnceApplyToValuesGivenAtExecution(TestDatabase db) {
        Engine engine = db.engine();
        MetaData md = new MetaData();
        Table.builder("events").metadata(md).column("id", INTEGER, PRIMARY_KEY).column("mood", enumOf(Mood.class))
                .column("at", TIMESTAMPTZ).build();
        md.createAll(engine);
        TextClause insert = text("INSERT INTO events (id, mood, at) VALUES (:id, :mood, :at)")
                .bind("mood", null, enumOf(Mood.class)).bind("at", null, TIMESTAMPTZ);
        OffsetDateTime at = OffsetDateTime.parse("2024-03-31T03:00:00+02:00");
        try (Connection c = engine.connect()) {
            c.executeMany(insert, List.of(Map.of("id", 1, "mood", Mood.HAPPY, "at", at),
                    Map.of("id", 2, "mood", Mood.SAD, "at", at.plusHours(1))));
            c.execute(insert, Map.of("id", 3, "mood", Mood.OK, "at", at.minusDays(1)));
            c.commit();
            List<Row> rows = c.execute(text("SELECT mood, at, id FROM events ORDER BY id")
                    .columns(enumOf(Mood.class), TIMESTAMPTZ)).all();
            assertThat(rows).extracting(r -> r.get(0)).containsExactly(Mood.HAPPY, Mood.SAD, Mood.OK);
            assertThat(rows).extracting(r -> r.get(1)).containsExactly(at.withOffsetSameInstant(ZoneOffset.UTC),
                    at.plusHours(1).withOffsetSameInstant(ZoneOffset.UTC),
                    at.minusDays(1).withOffsetSameInstant(ZoneOffset.UTC));
            // The third column was not typed: read as the driver returns it.
            assertThat(rows.get(2).getInt("id")).isEqualTo(3);
        }
    }

    @EachDatabase
    void moreColumnTypesThanColumnsIsAnError(TestDatabase db) {
        try (Connection c = db.engine().connect()) {
            assertThatThrownBy(() -> c.execute(text("SELECT 1").columns(INTEGER, TEXT)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("types 2 result columns, but its result has 1");
            assertThat(c.execute(text("SELECT 1").columns(INTEGER)).scalar()).isEqualTo(1);
        }
    }

    @Test
    void textClausesValidateTypedBindsAndColumns() {
        TextClause t = text("SELECT v FROM vals WHERE id = :id");
        assertThatThrownBy(() -> t.bind("nope", 1, INTEGER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":nope");
        assertThatThrownBy(() -> t.bind("id", 1, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("type is null");
        assertThatThrownBy(t::columns).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.columns(INTEGER, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("result column 2");
        assertThat(t.bind("id", 1, INTEGER)).isEqualTo(t.bind("id", 1, INTEGER)).isNotEqualTo(t.bind("id", 1))
                .isNotEqualTo(t.bind("id", 1, INTEGER).columns(TEXT));
        assertThat(t.bind("id", 1, INTEGER).parameterTypes()).isEqualTo(Map.of("id", INTEGER));
        assertThat(t.bind("id", 1, INTEGER).bind("id", 2).parameterTypes()).isEmpty();
        assertThat(t.columns(TEXT).resultTypes()).containsExactly(TEXT);
        // The types are part of the key: the engine keeps the codecs of a statement shape with its compilation.
        assertThat(t.bind("id", 1, INTEGER).cacheKey()).isEqualTo(t.bind("id", 2, INTEGER).cacheKey())
                .isNotEqualTo(t.cacheKey()).isNotEqualTo(t.bind("id", "1", TEXT).cacheKey());
        assertThat(t.columns(TEXT).cacheKey()).isNotEqualTo(t.cacheKey()).isNotEqualTo(t.columns(INTEGER).cacheKey());
        assertThat(t.resultTypes()).isEmpty();
    }
}
