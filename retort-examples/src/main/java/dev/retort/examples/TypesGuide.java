package dev.retort.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.schema.Column;
import dev.retort.schema.MetaData;
import dev.retort.schema.Table;
import dev.retort.types.JsonCodec;
import dev.retort.types.SqlType;
import dev.retort.types.SqlTypes;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.defaultFrom;
import static dev.retort.sql.Statements.insert;
import static dev.retort.sql.Statements.select;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.DATE;
import static dev.retort.types.SqlTypes.INSTANT;
import static dev.retort.types.SqlTypes.INTERVAL;
import static dev.retort.types.SqlTypes.numeric;
import static dev.retort.types.SqlTypes.varchar;

/** The samples of {@code docs/types.md}: an event log that uses most types. */
public final class TypesGuide {
    private TypesGuide() {
    }

    // tag::custom-types[]
    /** Money in cents, stored as an exact decimal. */
    public record Money(BigDecimal amount) {
    }

    /** A status, stored by name: a PostgreSQL enum type, a MariaDB ENUM, a checked VARCHAR on SQLite. */
    public enum Status { OPEN, CLOSED }

    /** What a JSON column holds here, written and read by Jackson. */
    public record Details(String source, List<String> tags) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Money as NUMERIC(12, 2): a type for your own class in one line. */
    public static final SqlType<Money> MONEY = numeric(12, 2).map(Money.class, Money::new, Money::amount);

    /** Details as JSON (JSONB on PostgreSQL), through Jackson. */
    public static final SqlType<Details> DETAILS = SqlTypes.json(JsonCodec.of(Details.class,
            JSON::writeValueAsString, text -> JSON.readValue(text, Details.class)));
    // end::custom-types[]

    // tag::table[]
    /** The event log. */
    public static final class Events extends Table {
        public final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
        public final Column<UUID> ref = column("ref", SqlTypes.UUID, NOT_NULL, defaultFrom(UUID::randomUUID));
        public final Column<Instant> at = column("at", INSTANT, NOT_NULL);
        public final Column<LocalDate> day = column("day", DATE);
        public final Column<Duration> took = column("took", INTERVAL);
        public final Column<Status> status = column("status", SqlTypes.enumOf(Status.class), NOT_NULL);
        public final Column<Money> cost = column("cost", MONEY);
        public final Column<Details> details = column("details", DETAILS);
        public final Column<String> note = column("note", varchar(200));

        Events(MetaData metadata) {
            super(metadata, "events");
        }
    }
    // end::table[]

    /**
     * Writes an event with every column set and reads it back.
     *
     * @param engine an engine on an empty database
     * @return what came back, one line per column
     */
    public static List<String> roundTrip(Engine engine) {
        MetaData md = new MetaData();
        Events events = new Events(md);
        md.createAll(engine);
        // tag::round-trip[]
        Instant at = Instant.parse("2024-03-31T01:30:00.123456Z");
        try (Connection conn = engine.connect()) {
            conn.execute(insert(events).value(events.id, 1L).value(events.at, at)
                    .value(events.day, LocalDate.of(2024, 2, 29)).value(events.took, Duration.ofMillis(1500))
                    .value(events.status, Status.CLOSED).value(events.cost, new Money(new BigDecimal("19.99")))
                    .value(events.details, new Details("web", List.of("a", "b"))).value(events.note, "ok 😀"));
            conn.commit();
            var row = conn.execute(select(events).where(events.id.eq(1L))).one();
            Status status = row.get(events.status);          // typed by the column
            Money cost = row.get(events.cost);
            Details details = row.get(events.details);
            // end::round-trip[]
            return List.of(String.valueOf(row.get(events.at).equals(at)), row.get(events.day).toString(),
                    row.get(events.took).toString(), status.name(), cost.amount().toPlainString(),
                    details.source() + details.tags(), row.get(events.note), String.valueOf(row.get(events.ref) != null));
        }
    }
}
