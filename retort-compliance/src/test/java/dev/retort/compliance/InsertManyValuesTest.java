package dev.retort.compliance;

import dev.retort.ParameterException;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Row;
import dev.retort.engine.StatementEvent;
import dev.retort.engine.StatementListener;
import dev.retort.schema.Column;
import dev.retort.schema.MetaData;
import dev.retort.schema.Table;
import dev.retort.sql.Insert;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.defaultFrom;
import static dev.retort.sql.Statements.bindparam;
import static dev.retort.sql.Statements.insert;
import static dev.retort.sql.Statements.select;
import static dev.retort.sql.Functions.upper;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.UUID;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code executeMany} of a one-row INSERT ... RETURNING: sent as multi-row VALUES pages of up to
 * 1,000 rows, the returned rows in the order of the parameter sets.
 */
class InsertManyValuesTest {

    static final class Tags extends Table {
        final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
        final Column<String> name = column("name", varchar(40));
        final Column<Integer> weight = column("weight", INTEGER);
        final Column<UUID> token = column("token", UUID, defaultFrom(java.util.UUID::randomUUID));

        Tags(MetaData md) {
            super(md, "tags");
        }

        /** Makes the table in a fresh MetaData and creates it on the engine. */
        static Tags createdIn(Engine engine) {
            MetaData md = new MetaData();
            Tags t = new Tags(md);
            md.createAll(engine);
            return t;
        }
    }

    private static List<String> capture(Engine engine) {
        List<String> sent = new ArrayList<>();
        engine.addListener(new StatementListener() {
            @Override
            public void beforeExecute(StatementEvent event) {
                sent.add(event.sql());
            }
        });
        return sent;
    }

    private static List<Map<String, Object>> names(int n) {
        List<Map<String, Object>> sets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sets.add(Map.of("name", "tag " + i));
        }
        return sets;
    }

    @EachDatabase
    void returnedRowsComeInTheOrderOfTheSetsOverSeveralPages(TestDatabase db) {
        Engine engine = db.engine();
        Tags t = Tags.createdIn(engine);
        List<String> sent = capture(engine);
        Insert one = insert(t).value(t.name, bindparam("name", varchar(40))).value(t.weight, 7).returning(t.id, t.name, t.token);
        List<Row> rows;
        try (Connection c = engine.connect()) {
            rows = c.executeMany(one, names(2_500)).all();
            c.commit();
        }
        assertThat(sent).hasSize(3);                                   // 1,000 + 1,000 + 500 rows
        assertThat(sent.get(0)).contains("RETURNING").containsOnlyOnce("INSERT INTO");
        assertThat(rows).hasSize(2_500);
        List<Long> ids = new ArrayList<>();
        HashSet<Object> tokens = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).get(t.name)).isEqualTo("tag " + i);
            ids.add(rows.get(i).get(t.id));
            tokens.add(rows.get(i).get(t.token));
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(tokens).as("a client-side default is made for every row").hasSize(2_500);
        try (Connection c = engine.connect()) {
            List<Row> stored = c.execute(select(t.id, t.name, t.weight).from(t).orderBy(t.id)).all();
            assertThat(stored).hasSize(2_500);
            for (int i = 0; i < stored.size(); i++) {
                assertThat(stored.get(i).get(t.id)).isEqualTo(ids.get(i));
                assertThat(stored.get(i).get(t.name)).isEqualTo("tag " + i);
                assertThat(stored.get(i).get(t.weight)).isEqualTo(7);
            }
        }
    }

    @EachDatabase
    void aSetWithoutAValueIsNamedAndNothingIsInserted(TestDatabase db) {
        Engine engine = db.engine();
        Tags t = Tags.createdIn(engine);
        List<Map<String, Object>> sets = names(1_500);
        Map<String, Object> wrong = new HashMap<>();
        wrong.put("nom", "typo");
        sets.set(1_200, wrong);
        Insert one = insert(t).value(t.name, bindparam("name", varchar(40))).returning(t.id);
        try (Connection c = engine.connect()) {
            c.begin();
            assertThatThrownBy(() -> c.executeMany(one, sets)).isInstanceOf(ParameterException.class)
                    .hasMessageContaining(":name").hasMessageContaining("set 1200");
            c.rollback();
            assertThat(c.execute(select(t.id).from(t)).all()).isEmpty();
        }
    }

    @EachDatabase
    void aParameterInsideAnExpressionRunsOncePerSet(TestDatabase db) {
        Engine engine = db.engine();
        Tags t = Tags.createdIn(engine);
        List<String> sent = capture(engine);
        Insert one = insert(t).value(t.name, upper(bindparam("name", varchar(40)))).returning(t.name);
        try (Connection c = engine.connect()) {
            assertThat(c.executeMany(one, names(3)).scalars(String.class).all()).containsExactly("TAG 0", "TAG 1", "TAG 2");
            c.commit();
        }
        assertThat(sent).hasSize(3);
    }

    @EachDatabase
    void aBatchSentInSeveralChunksInAutocommitModeIsWrittenWholeOrNotAtAll(TestDatabase db) {
        Engine engine = db.engine(dev.retort.engine.EngineOptions.builder().autocommit(true).build());
        Tags t = Tags.createdIn(engine);
        List<Map<String, Object>> sets = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            sets.add(Map.of("id", (long) (i == 1_200 ? 1 : i + 1), "name", "tag " + i));   // set 1200 repeats the key of set 0
        }
        Insert one = insert(t).value(t.id, bindparam("id", BIGINT)).value(t.name, bindparam("name", varchar(40)));
        try (Connection c = engine.connect()) {
            assertThatThrownBy(() -> c.executeMany(one, sets)).isInstanceOf(dev.retort.UniqueViolationException.class);
        }
        try (Connection c = engine.connect()) {
            assertThat(c.execute(select(t.id).from(t)).all()).as("the first chunk of 1,000 sets is not left committed").isEmpty();
            c.executeMany(one, sets.subList(0, 1_200));
            assertThat(c.execute(select(t.id).from(t)).all()).hasSize(1_200);
        }
    }

    @EachDatabase
    void everyStatementReadsItsReturnedRowsByItsOwnExpressionsThoughPagesShareATemplate(TestDatabase db) {
        Engine engine = db.engine();
        Tags t = Tags.createdIn(engine);
        try (Connection c = engine.connect()) {
            for (int round = 0; round < 2; round++) {
                // a new statement of one shape each round: its expressions are other objects
                dev.retort.sql.Expression<String> shouted = upper(t.name);
                dev.retort.sql.Expression<String> label = upper(t.name).as("label");
                Insert one = insert(t).value(t.name, bindparam("name", varchar(40))).returning(t.id, shouted, label);
                List<Row> rows = c.executeMany(one, names(3)).all();
                assertThat(rows).hasSize(3);
                for (int i = 0; i < 3; i++) {
                    assertThat(rows.get(i).get(shouted)).as("round %d, row %d", round, i).isEqualTo("TAG " + i);
                    assertThat(rows.get(i).get(label)).isEqualTo("TAG " + i);
                }
            }
            c.commit();
        }
    }

    /** A table whose {@code seq} column is filled by a client-side default that counts its calls. */
    static final class Numbered extends Table {
        final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
        final Column<String> name = column("name", varchar(40));
        final Column<Long> seq;

        Numbered(MetaData md, java.util.concurrent.atomic.AtomicLong counter) {
            super(md, "numbered");
            seq = column("seq", BIGINT, defaultFrom(counter::incrementAndGet));
        }

        /** Makes the table in a fresh MetaData and creates it on the engine. */
        static Numbered createdIn(Engine engine, java.util.concurrent.atomic.AtomicLong counter) {
            MetaData md = new MetaData();
            Numbered t = new Numbered(md, counter);
            md.createAll(engine);
            return t;
        }
    }

    @EachDatabase
    void aClientSideDefaultIsCalledOncePerInsertedRow(TestDatabase db) {
        java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong();
        Engine engine = db.engine();
        Numbered t = Numbered.createdIn(engine, counter);
        try (Connection c = engine.connect()) {
            Insert many = insert(t).value(t.name, bindparam("name", varchar(40))).returning(t.name, t.seq);
            List<Row> rows = c.executeMany(many, names(3)).all();
            assertThat(rows).extracting(r -> r.get(t.seq)).containsExactly(1L, 2L, 3L);
            c.execute(insert(t).value(t.name, "single"));
            c.commit();
            assertThat(c.execute(select(t.name, t.seq).from(t).orderBy(t.seq)).all())
                    .extracting(r -> r.get(t.name) + "=" + r.get(t.seq))
                    .containsExactly("tag 0=1", "tag 1=2", "tag 2=3", "single=4");
        }
        assertThat(counter.get()).as("no value made for nothing").isEqualTo(4);
    }

    @EachDatabase
    void aClientSideDefaultIsCalledOncePerRowAlsoWhenSetsRunOneByOne(TestDatabase db) {
        java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong();
        Engine engine = db.engine();
        Numbered t = Numbered.createdIn(engine, counter);
        try (Connection c = engine.connect()) {
            // one set, and a parameter inside an expression: both run the statement once per set
            Insert many = insert(t).value(t.name, upper(bindparam("name", varchar(40)))).returning(t.name, t.seq);
            assertThat(c.executeMany(many, names(1)).all()).extracting(r -> r.get(t.seq)).containsExactly(1L);
            assertThat(c.executeMany(many, names(2)).all()).extracting(r -> r.get(t.seq)).containsExactly(2L, 3L);
            c.commit();
        }
        assertThat(counter.get()).isEqualTo(3);
    }
}
