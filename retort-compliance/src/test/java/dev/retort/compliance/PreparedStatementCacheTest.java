package dev.retort.compliance;

import dev.retort.ConfigurationException;
import dev.retort.UniqueViolationException;
import dev.retort.engine.CacheStatistics;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.EngineOptions;
import dev.retort.engine.Result;
import dev.retort.engine.Row;
import dev.retort.schema.Column;
import dev.retort.schema.MetaData;
import dev.retort.schema.Table;
import dev.retort.sql.Select;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import dev.retort.types.SqlTypes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.sql.Statements.bindparam;
import static dev.retort.sql.Statements.select;
import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The prepared statements an engine keeps open per pooled connection: forced on for every
 * database here (SQLite has it by default), so the mechanism is checked against each driver.
 */
class PreparedStatementCacheTest {

    private static Engine cached(TestDatabase db) {
        return db.engine(EngineOptions.builder().preparedStatementCacheSize(4).poolSize(1).build());
    }

    private static final class Items extends Table {
        final Column<Integer> id = column("id", SqlTypes.INTEGER, PRIMARY_KEY);
        final Column<String> name = column("name", SqlTypes.varchar(40));

        Items(MetaData m) {
            super(m, "items");
        }
    }

    @EachDatabase
    void aStatementIsPreparedOnceAndReusedAcrossCheckouts(TestDatabase db) {
        Engine engine = cached(db);
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            Tables.insertItem(c, 1, "a", 1);
            Tables.insertItem(c, 2, "b", 2);
            c.commit();
        }
        CacheStatistics before = engine.preparedStatementCacheStatistics();
        List<String> names = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            try (Connection c = engine.connect()) {       // pool of one: the same physical connection
                for (int id = 1; id <= 2; id++) {
                    names.add(c.execute(text("SELECT name FROM items WHERE id = :id"), Map.of("id", id)).scalar(String.class));
                }
            }
        }
        CacheStatistics after = engine.preparedStatementCacheStatistics();
        assertThat(names).containsExactly("a", "b", "a", "b", "a", "b");
        assertThat(after.misses() - before.misses()).isEqualTo(1);
        assertThat(after.hits() - before.hits()).isEqualTo(5);
        assertThat(after.capacity()).isEqualTo(4);
        assertThat(after.size()).isBetween(1, 4);
    }

    @EachDatabase
    void onlySqliteKeepsStatementsByDefault(TestDatabase db) {
        CacheStatistics stats = db.engine().preparedStatementCacheStatistics();
        boolean sqlite = db.kind() == DatabaseKind.SQLITE_MEMORY || db.kind() == DatabaseKind.SQLITE_FILE;
        assertThat(stats.capacity()).isEqualTo(sqlite ? 100 : 0);
        try (Connection c = db.engine().connect()) {
            c.execute(text("SELECT 1")).scalar();
            c.execute(text("SELECT 1")).scalar();
        }
        assertThat(db.engine().preparedStatementCacheStatistics().hits()).isEqualTo(sqlite ? 1 : 0);
    }

    @EachDatabase
    void theSameSqlRunsAgainWhileAResultStillReadsFromIt(TestDatabase db) {
        Engine engine = cached(db);
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            for (int i = 1; i <= 3; i++) {
                Tables.insertItem(c, i, "n" + i, i);
            }
            List<String> pairs = new ArrayList<>();
            try (Result outer = c.execute(text("SELECT id FROM items ORDER BY id"))) {
                for (Row o : outer) {
                    try (Result inner = c.execute(text("SELECT id FROM items ORDER BY id"))) {
                        for (Row i : inner) {
                            pairs.add(o.getLong(0) + "-" + i.getLong(0));
                        }
                    }
                }
            }
            assertThat(pairs).containsExactly("1-1", "1-2", "1-3", "2-1", "2-2", "2-3", "3-1", "3-2", "3-3");
            // and once both are closed, the cached statement serves again
            assertThat(c.execute(text("SELECT id FROM items ORDER BY id")).scalars(Long.class).all()).containsExactly(1L, 2L, 3L);
        }
    }

    @EachDatabase
    void aStatementThatFailedIsDroppedAndTheNextRunWorks(TestDatabase db) {
        Engine engine = cached(db);
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            Tables.insertItem(c, 1, "a", 1);
            c.commit();
            assertThatThrownBy(() -> Tables.insertItem(c, 1, "again", 1)).isInstanceOf(UniqueViolationException.class);
            c.rollback();
            Tables.insertItem(c, 2, "b", 2);
            c.commit();
        }
        assertThat(Tables.count(engine, "items")).isEqualTo(2);
    }

    @EachDatabase
    void aResultLeftOpenIsClosedWithItsConnectionAndTheStatementServesTheNextCheckout(TestDatabase db) {
        Engine engine = cached(db);
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            for (int i = 1; i <= 3; i++) {
                Tables.insertItem(c, i, "n" + i, i);
            }
            c.commit();
        }
        try (Connection c = engine.connect()) {
            Iterator<Row> open = c.execute(text("SELECT id FROM items ORDER BY id")).iterator();
            assertThat(open.next().getLong(0)).isEqualTo(1L);
        }                                                   // rolls back with the result half read
        try (Connection c = engine.connect()) {
            assertThat(c.execute(text("SELECT id FROM items ORDER BY id")).scalars(Long.class).all()).containsExactly(1L, 2L, 3L);
            c.execute(text("DELETE FROM items WHERE id = 3"));
            c.commit();
        }
        assertThat(Tables.count(engine, "items")).isEqualTo(2);
    }

    @EachDatabase
    void labelsAreRememberedPerShapeAndEveryStatementReadsItsOwnExpressions(TestDatabase db) {
        Engine engine = cached(db);
        MetaData m = new MetaData();
        Items items = new Items(m);
        m.createAll(engine);
        try (Connection c = engine.connect()) {
            c.execute(text("INSERT INTO items (id, name) VALUES (1, 'one'), (2, 'two')"));
            for (int id = 1; id <= 2; id++) {
                // a new statement object each time, of one shape
                Select s = select(items.id, items.name.as("label")).from(items).where(items.id.eq(bindparam("id", SqlTypes.INTEGER)));
                Row row = c.execute(s, Map.of("id", id)).one();
                assertThat(row.get(items.id)).isEqualTo(id);
                assertThat(row.getString("label")).isEqualTo(id == 1 ? "one" : "two");
                assertThat(row.keys()).extracting(String::toLowerCase).containsExactly("id", "label");
            }
        }
    }

    @EachDatabase
    void aTableChangedBetweenRunsIsReadAsItIsNow(TestDatabase db) {
        Engine engine = cached(db);
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            Tables.insertItem(c, 1, "a", 1);
            c.commit();
            assertThat(c.execute(text("SELECT * FROM items")).one().keys()).hasSize(4);
            c.execute(text("ALTER TABLE items ADD COLUMN note VARCHAR(20)"));
            c.commit();
            Row row = c.execute(text("SELECT * FROM items")).one();
            assertThat(row.keys()).extracting(String::toLowerCase).containsExactly("id", "name", "qty", "price", "note");
            assertThat(row.get("note")).isNull();
        }
    }

    /**
     * The label of an unnamed expression may show the values the driver put into the SQL
     * (MariaDB's client-side prepared statements: {@code UPPER('ab')}): a statement of a known
     * shape still reads the labels of its own result, as an engine that never ran it does.
     */
    @EachDatabase
    void anUnnamedExpressionIsLabelledAsTheDatabaseLabelsItForThisExecution(TestDatabase db) {
        Engine engine = cached(db);
        List<String> labels = new ArrayList<>();
        try (Connection c = engine.connect()) {
            for (String v : List.of("ab", "cd")) {
                Row row = c.execute(select(dev.retort.sql.Functions.upper(
                        new dev.retort.sql.BindParameter<>(null, v, SqlTypes.varchar(10))))).one();
                labels.add(row.keys().get(0));
                assertThat(row.getString(row.keys().get(0))).isEqualTo(v.toUpperCase());
            }
        }
        Engine fresh = db.engine(EngineOptions.builder().preparedStatementCacheSize(4).poolSize(1).build());
        try (Connection c = fresh.connect()) {
            Row row = c.execute(select(dev.retort.sql.Functions.upper(
                    new dev.retort.sql.BindParameter<>(null, "cd", SqlTypes.varchar(10))))).one();
            assertThat(labels.get(1)).as("the second statement's label").isEqualTo(row.keys().get(0));
        }
    }

    /**
     * A connection the server killed fails in a statement the cache prepared on the physical
     * connection, which the pool's proxy never sees: the engine must tell the pool to drop it,
     * or the next checkout (within the pool's half-second validation bypass) gets it again.
     */
    @EachDatabase(requires = dev.retort.dialect.Capability.SERVER_SESSIONS)
    void aConnectionThatFailedInACachedStatementIsNotHandedOutAgain(TestDatabase db) {
        for (boolean autocommit : new boolean[] {false, true}) {
            Engine engine = db.engine(EngineOptions.builder().preparedStatementCacheSize(4).poolSize(1).autocommit(autocommit).build());
            checkOutKillAndCheckOutAgain(db, engine);
        }
    }

    private static void checkOutKillAndCheckOutAgain(TestDatabase db, Engine engine) {
        String idSql = db.kind() == DatabaseKind.POSTGRESQL ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()";
        try (Connection c = engine.connect()) {
            long first = c.execute(text(idSql)).scalar(Long.class);        // prepared and kept
            if (!engine.options().autocommit()) {
                c.commit();
            }
            kill(db, first);
            assertThatThrownBy(() -> c.execute(text(idSql)).scalar(Long.class))
                    .isInstanceOf(dev.retort.ConnectionFailureException.class);
        }
        try (Connection c = engine.connect()) {
            assertThat(c.execute(text(idSql)).scalar(Long.class)).isPositive();
        }
    }

    private static void kill(TestDatabase db, long sessionId) {
        Engine admin = db.engine(EngineOptions.builder().autocommit(true).build());
        try (Connection c = admin.connect()) {
            if (db.kind() == DatabaseKind.POSTGRESQL) {
                c.execute(text("SELECT pg_terminate_backend(:pid)").bind("pid", (int) sessionId)).all();
            } else {
                c.execute(text("KILL CONNECTION :id").bind("id", sessionId));
            }
            String gone = db.kind() == DatabaseKind.POSTGRESQL ? "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = :id"
                    : "SELECT COUNT(*) FROM information_schema.processlist WHERE id = :id";
            for (int i = 0; i < 100 && c.execute(text(gone).bind("id", sessionId)).scalar(Long.class) > 0; i++) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Test
    void aNegativeSizeIsRefusedByName() {
        assertThatThrownBy(() -> EngineOptions.builder().preparedStatementCacheSize(-1))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("preparedStatementCacheSize must be at least 0");
    }
}
