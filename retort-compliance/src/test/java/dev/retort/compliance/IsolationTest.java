package dev.retort.compliance;

import dev.retort.ConfigurationException;
import dev.retort.IsolationLevel;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.EngineOptions;
import dev.retort.engine.Transaction;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsolationTest {

    @EachDatabase
    void engineIsolationLevelIsAppliedToEveryConnection(TestDatabase db) {
        for (IsolationLevel level : db.dialect().isolationLevels()) {
            Engine engine = db.engine(EngineOptions.builder().isolationLevel(level).build());
            try (Connection c = engine.connect()) {
                assertThat(c.isolationLevel()).as("engine at %s", level).isEqualTo(level);
            }
            engine.close();
        }
    }

    @EachDatabase
    void connectionIsolationLevelIsReadBackAndResetOnReturn(TestDatabase db) {
        Engine engine = db.engine();
        var offered = db.dialect().isolationLevels();
        IsolationLevel initial;
        try (Connection c = engine.connect()) {
            initial = c.isolationLevel();
            c.rollback();
            IsolationLevel other = initial == IsolationLevel.SERIALIZABLE
                    ? offered.stream().filter(l -> l != IsolationLevel.SERIALIZABLE).findFirst().orElseThrow()
                    : IsolationLevel.SERIALIZABLE;
            c.setIsolationLevel(other);
            assertThat(c.isolationLevel()).isEqualTo(other);
            assertThatThrownBy(() -> c.setIsolationLevel(initial)).hasMessageContaining("transaction is in progress");
        }
        try (Connection c = engine.connect()) {
            assertThat(c.isolationLevel()).isEqualTo(initial);
        }
    }

    @EachDatabase
    void transactionIsolationLevelLastsForTheTransaction(TestDatabase db) {
        Engine engine = db.engine();
        try (Connection c = engine.connect()) {
            IsolationLevel initial = c.isolationLevel();
            c.commit();
            try (Transaction tx = c.begin(IsolationLevel.SERIALIZABLE)) {
                assertThat(c.isolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
                tx.commit();
            }
            assertThat(c.isolationLevel()).isEqualTo(initial);
        }
    }

    @EachDatabase(only = {DatabaseKind.SQLITE_MEMORY, DatabaseKind.SQLITE_FILE})
    void sqliteRefusesLevelsItLacks(TestDatabase db) {
        assertThatThrownBy(() -> db.engine(EngineOptions.builder().isolationLevel(IsolationLevel.READ_COMMITTED).build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SQLite has no READ COMMITTED isolation level");
        try (Connection c = db.engine().connect()) {
            assertThatThrownBy(() -> c.setIsolationLevel(IsolationLevel.REPEATABLE_READ))
                    .isInstanceOf(ConfigurationException.class);
        }
    }
}
