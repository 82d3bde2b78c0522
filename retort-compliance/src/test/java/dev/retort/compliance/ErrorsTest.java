package dev.retort.compliance;

import dev.retort.CheckViolationException;
import dev.retort.DataException;
import dev.retort.DatabaseException;
import dev.retort.ForeignKeyViolationException;
import dev.retort.NotNullViolationException;
import dev.retort.ProgrammingException;
import dev.retort.UniqueViolationException;
import dev.retort.dialect.Capability;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.EngineOptions;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.List;
import java.util.Map;

import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ErrorsTest {

    @EachDatabase
    void uniqueViolationCarriesSqlAndParameters(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            Tables.insertItem(c, 1, "dup", 1);
            UniqueViolationException e = catchThrowableOfType(UniqueViolationException.class,
                    () -> Tables.insertItem(c, 2, "dup", 1));
            assertThat(e.sql()).isEqualTo("INSERT INTO items (id, name, qty) VALUES (?, ?, ?)");
            assertThat(e.parameterCount()).isEqualTo(3);
            assertThat(e.parameters()).containsExactly(2, "dup", 1);
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getMessage()).startsWith("Unique constraint violated")
                    .contains("SQL: INSERT INTO items (id, name, qty) VALUES (?, ?, ?)")
                    .contains("Parameters (3): [2, 'dup', 1]");
            assertThat(e.getCause()).isInstanceOf(java.sql.SQLException.class);
        }
    }

    @EachDatabase
    void hiddenParametersStayOutOfMessages(TestDatabase db) {
        Engine engine = db.engine(EngineOptions.builder().hideParameters(true).build());
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            Tables.insertItem(c, 1, "secret-value", 1);
            UniqueViolationException e = catchThrowableOfType(UniqueViolationException.class,
                    () -> Tables.insertItem(c, 2, "secret-value", 1));
            assertThat(e.parameterCount()).isEqualTo(3);
            assertThat(e.parameters()).isEmpty();
            assertThat(e.getMessage()).contains("Parameters (3): hidden");
            assertThat(e.getMessage().replace(String.valueOf(e.getCause().getMessage()), ""))
                    .doesNotContain("secret-value");
        }
    }

    @EachDatabase
    void constraintViolationsAreClassified(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        Tables.createParentsAndChildren(engine);
        try (Connection c = engine.connect()) {
            // After an error PostgreSQL refuses further statements until the transaction is rolled back.
            assertThatThrownBy(() -> c.execute(text("INSERT INTO children (id, parent_id) VALUES (1, 99)")))
                    .isInstanceOf(ForeignKeyViolationException.class);
            c.rollback();
            assertThatThrownBy(() -> c.execute(text("INSERT INTO items (id, name) VALUES (1, NULL)")))
                    .isInstanceOf(NotNullViolationException.class);
            c.rollback();
            assertThatThrownBy(() -> Tables.insertItem(c, 2, "negative", -1))
                    .isInstanceOf(CheckViolationException.class);
            c.rollback();
            assertThatThrownBy(() -> c.execute(text("INSERT INTO items (id, name) VALUES (1, 'x'), (1, 'y')")))
                    .isInstanceOf(UniqueViolationException.class);
            c.rollback();
        }
    }

    @EachDatabase
    void anErrorRaisedByATriggerIsNotAConnectionFailure(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            switch (db.kind()) {
                case POSTGRESQL -> {
                    c.execute(text("CREATE FUNCTION refuse_items() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$ "
                            + "LANGUAGE plpgsql"));
                    c.execute(text("CREATE TRIGGER refuse BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION refuse_items()"));
                }
                case MARIADB -> c.execute(text("CREATE TRIGGER refuse BEFORE INSERT ON items FOR EACH ROW "
                        + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused'"));
                default -> c.execute(text("CREATE TRIGGER refuse BEFORE INSERT ON items BEGIN SELECT RAISE(ABORT, 'refused'); END"));
            }
            c.commit();
            DatabaseException e = catchThrowableOfType(DatabaseException.class, () -> Tables.insertItem(c, 1, "a", 1));
            assertThat(e).isNotNull().isNotInstanceOf(dev.retort.ConnectionFailureException.class)
                    .isNotInstanceOf(dev.retort.TransientDatabaseException.class);
            assertThat(e.getMessage()).contains("refused");
            c.rollback();
            assertThat(c.execute(text("SELECT COUNT(*) FROM items")).scalar(Long.class)).isZero();   // the connection still works
        }
    }

    @EachDatabase
    void badSqlIsAProgrammingError(TestDatabase db) {
        try (Connection c = db.engine().connect()) {
            assertThatThrownBy(() -> c.execute(text("SELEKT 1"))).isInstanceOf(ProgrammingException.class)
                    .hasMessageContaining("SQL: SELEKT 1");
            c.rollback();
            assertThatThrownBy(() -> c.execute(text("SELECT * FROM no_such_table")))
                    .isInstanceOf(ProgrammingException.class);
        }
    }

    @EachDatabase(requires = Capability.ENFORCED_STRING_LENGTH)
    void valueTooLongIsADataError(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            DataException e = catchThrowableOfType(DataException.class, () -> Tables.insertItem(c, 1, "x".repeat(41), 1));
            assertThat(e.sqlState()).startsWith("22");
        }
        assertThat(Tables.count(engine, "items")).isZero();
    }

    /** A batch that fails half-way inside inTransaction leaves no row behind. */
    @EachDatabase
    void failedBatchLeavesNothingHalfWritten(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        List<Map<String, Object>> rows = List.of(Map.of("id", 1, "name", "a"), Map.of("id", 2, "name", "b"),
                Map.of("id", 3, "name", "a"), Map.of("id", 4, "name", "d"));
        DatabaseException e = catchThrowableOfType(DatabaseException.class, () -> engine.runInTransaction(c ->
                c.executeMany(text("INSERT INTO items (id, name) VALUES (:id, :name)"), rows)));
        assertThat(e).isInstanceOf(UniqueViolationException.class);
        assertThat(e.getMessage()).contains("batch of 4 sets");
        assertThat(Tables.count(engine, "items")).isZero();
    }
}
