package dev.retort.compliance;

import dev.retort.InvalidStateException;
import dev.retort.UniqueViolationException;
import dev.retort.dialect.Capability;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.EngineOptions;
import dev.retort.engine.Transaction;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.List;

import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionTest {

    private static List<String> names(Engine engine) {
        try (Connection c = engine.connect()) {
            return c.execute(text("SELECT name FROM items ORDER BY id")).scalars(String.class).all();
        }
    }

    @EachDatabase
    void commitAsYouGoMakesWorkVisible(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            Tables.insertItem(c, 1, "a", 1);
            assertThat(c.inTransaction()).isTrue();
            c.commit();
            assertThat(c.inTransaction()).isFalse();
            Tables.insertItem(c, 2, "b", 1);
            c.rollback();
        }
        assertThat(names(engine)).containsExactly("a");
    }

    @EachDatabase
    void closingRollsBackWhatWasNotCommitted(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            Tables.insertItem(c, 1, "a", 1);
        }
        assertThat(names(engine)).isEmpty();
        try (Connection c = engine.connect(); Transaction tx = c.begin()) {
            Tables.insertItem(c, 2, "b", 1);
            assertThat(tx.isActive()).isTrue();
        }
        assertThat(names(engine)).isEmpty();
    }

    @EachDatabase
    void explicitTransactionCommitsOnce(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            Transaction tx = c.begin();
            Tables.insertItem(c, 1, "a", 1);
            tx.commit();
            assertThat(tx.isActive()).isFalse();
            assertThatThrownBy(tx::commit).isInstanceOf(InvalidStateException.class).hasMessageContaining("already ended");
            Tables.insertItem(c, 2, "b", 1);
            assertThatThrownBy(c::begin).isInstanceOf(InvalidStateException.class)
                    .hasMessageContaining("begun implicitly").hasMessageContaining("beginNested()");
            c.rollback();
        }
        assertThat(names(engine)).containsExactly("a");
    }

    @EachDatabase(requires = Capability.SAVEPOINTS)
    void savepointRollbackKeepsTheOuterWork(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            Transaction tx = c.begin();
            Tables.insertItem(c, 1, "outer", 1);
            Transaction sp = c.beginNested();
            assertThat(sp.isNested()).isTrue();
            Tables.insertItem(c, 2, "inner", 1);
            sp.rollback();
            assertThat(sp.isActive()).isFalse();
            Tables.insertItem(c, 3, "after", 1);
            tx.commit();
        }
        assertThat(names(engine)).containsExactly("outer", "after");
    }

    @EachDatabase(requires = Capability.SAVEPOINTS)
    void releasedSavepointStillRollsBackWithItsTransaction(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            Tables.insertItem(c, 1, "outer", 1);
            Transaction outerSp = c.beginNested();
            Tables.insertItem(c, 2, "inner", 1);
            Transaction innerSp = c.beginNested();
            Tables.insertItem(c, 3, "innermost", 1);
            outerSp.commit();
            assertThat(innerSp.isActive()).isFalse();
            assertThat(c.execute(text("SELECT name FROM items ORDER BY id")).scalars(String.class).all())
                    .containsExactly("outer", "inner", "innermost");
            c.rollback();
        }
        assertThat(names(engine)).isEmpty();
    }

    @EachDatabase(requires = Capability.SAVEPOINTS)
    void savepointRecoversFromAFailedStatement(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            Tables.insertItem(c, 1, "a", 1);
            try (Transaction sp = c.beginNested()) {
                assertThatThrownBy(() -> Tables.insertItem(c, 2, "a", 1)).isInstanceOf(UniqueViolationException.class);
                sp.rollback();
            }
            Tables.insertItem(c, 3, "c", 1);
            c.commit();
        }
        assertThat(names(engine)).containsExactly("a", "c");
    }

    @EachDatabase
    void inTransactionCommitsOnReturnAndRollsBackOnException(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        long n = engine.inTransaction(c -> {
            Tables.insertItem(c, 1, "a", 1);
            return c.execute(text("SELECT COUNT(*) FROM items")).scalar(Long.class);
        });
        assertThat(n).isEqualTo(1L);
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> engine.runInTransaction(c -> {
            Tables.insertItem(c, 2, "b", 1);
            throw boom;
        })).isSameAs(boom);
        assertThat(names(engine)).containsExactly("a");
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }

    @EachDatabase
    void engineBeginReturnsAConnectionInATransaction(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        try (Connection c = engine.begin()) {
            assertThat(c.inTransaction()).isTrue();
            Tables.insertItem(c, 1, "a", 1);
            c.commit();
        }
        try (Connection c = engine.begin()) {
            Tables.insertItem(c, 2, "b", 1);
        }
        assertThat(names(engine)).containsExactly("a");
    }

    @EachDatabase(only = {DatabaseKind.SQLITE_FILE, DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void autocommitModeCommitsEachStatementUnlessATransactionIsBegun(TestDatabase db) {
        Engine engine = db.engine(EngineOptions.builder().autocommit(true).build());
        Tables.createItems(engine);
        try (Connection writer = engine.connect(); Connection reader = engine.connect()) {
            assertThat(writer.isAutocommit()).isTrue();
            Tables.insertItem(writer, 1, "a", 1);
            assertThat(writer.inTransaction()).isFalse();
            assertThat(reader.execute(text("SELECT COUNT(*) FROM items")).scalar(Long.class)).isEqualTo(1L);
            try (Transaction tx = writer.begin()) {
                Tables.insertItem(writer, 2, "b", 1);
                assertThat(reader.execute(text("SELECT COUNT(*) FROM items")).scalar(Long.class)).isEqualTo(1L);
            }
            Tables.insertItem(writer, 3, "c", 1);
            assertThatThrownBy(writer::beginNested).isInstanceOf(InvalidStateException.class)
                    .hasMessageContaining("begin()");
        }
        assertThat(names(engine)).containsExactly("a", "c");
    }

    @EachDatabase
    void autocommitCanBeSwitchedPerConnection(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            c.setAutocommit(true);
            Tables.insertItem(c, 1, "a", 1);
            assertThat(c.inTransaction()).isFalse();
            c.setAutocommit(false);
            Tables.insertItem(c, 2, "b", 1);
            assertThatThrownBy(() -> c.setAutocommit(true)).isInstanceOf(InvalidStateException.class);
        }
        assertThat(names(engine)).containsExactly("a");
        try (Connection c = engine.connect()) {
            assertThat(c.isAutocommit()).isFalse();
        }
    }
}
