package dev.retort.compliance;

import dev.retort.ForeignKeyViolationException;
import dev.retort.ProgrammingException;
import dev.retort.dialect.Capability;
import dev.retort.dialect.ExistingObjects;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.StatementEvent;
import dev.retort.engine.StatementListener;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKeyOptions;
import dev.retort.schema.MetaData;
import dev.retort.schema.NamingConvention;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Table;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import dev.retort.types.SqlTypes;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.references;
import static dev.retort.schema.ColumnOptions.serverDefaultValue;
import static dev.retort.sql.Statements.text;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** createAll / dropAll on a schema with a foreign-key cycle, a self-reference and an enum type. */
class SchemaDdlTest {
    enum Level { JUNIOR, SENIOR, LEAD }

    /** departments.manager_id -> employees, employees.department_id -> departments: a cycle. */
    static final class Company {
        final MetaData md = MetaData.builder().namingConvention(NamingConvention.of(Map.of(
                "fk", "fk_%(table_name)s_%(column_0_name)s", "pk", "pk_%(table_name)s"))).build();

        final class Departments extends Table {
            final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
            final Column<String> name = column("name", varchar(50), NOT_NULL);
            final Column<Long> managerId = column("manager_id", BIGINT);

            Departments() {
                super(md, "departments");
                foreignKey(List.of(managerId), "employees", List.of("id"), ForeignKeyOptions.defaults());
            }
        }

        final class Employees extends Table {
            final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
            final Column<String> name = column("name", varchar(50), NOT_NULL);
            final Column<Level> level = column("level", SqlTypes.enumOf(Level.class), NOT_NULL,
                    serverDefaultValue(Level.JUNIOR));
            final Column<Long> departmentId = column("department_id", BIGINT, references(departments.id));
            final Column<Long> mentorId = column("mentor_id", BIGINT, references(this.id, ReferentialAction.SET_NULL));

            Employees() {
                super(md, "employees");
            }
        }

        final Departments departments = new Departments();
        final Employees employees = new Employees();
    }

    private static Set<String> tables(Engine engine) {
        try (Connection c = engine.connect()) {
            ExistingObjects e = c.dialect().existingObjects(c.jdbc(), Arrays.asList((String) null));
            return e.tables();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @EachDatabase
    void cycleAndSelfReferenceCreateFillAndDrop(TestDatabase db) {
        Engine engine = db.engine();
        Company company = new Company();
        assertThat(company.md.sortedTables()).hasSize(2);
        assertThat(company.md.deferredForeignKeys(company.md.tables())).hasSize(1);

        company.md.createAll(engine);
        assertThat(tables(engine)).contains("departments", "employees");

        try (Connection c = engine.connect()) {
            c.execute(text("INSERT INTO departments (id, name) VALUES (1, 'R&D')"));
            c.execute(text("INSERT INTO employees (id, name, department_id) VALUES (10, 'Ada', 1)"));
            c.execute(text("INSERT INTO employees (id, name, department_id, mentor_id, level) VALUES (11, 'Grace', 1, 10, 'LEAD')"));
            c.execute(text("UPDATE departments SET manager_id = 10 WHERE id = 1"));
            c.commit();
            assertThat(c.execute(text("SELECT level FROM employees WHERE id = 10")).scalar(String.class)).isEqualTo("JUNIOR");
            assertThatThrownBy(() -> c.execute(text("UPDATE departments SET manager_id = 99 WHERE id = 1")))
                    .isInstanceOf(ForeignKeyViolationException.class);
            c.rollback();
            assertThatThrownBy(() -> c.execute(text("INSERT INTO employees (id, name, department_id) VALUES (12, 'Eve', 7)")))
                    .isInstanceOf(ForeignKeyViolationException.class);
            c.rollback();
        }

        company.md.dropAll(engine);
        assertThat(tables(engine)).doesNotContain("departments", "employees");
        // The enum type went with the tables: creating again works (PostgreSQL would refuse a second CREATE TYPE).
        company.md.createAll(engine);
        assertThat(tables(engine)).contains("departments", "employees");
        company.md.dropAll(engine);
    }

    @EachDatabase
    void checkFirstMakesCreateAndDropIdempotent(TestDatabase db) {
        Engine engine = db.engine();
        Company company = new Company();
        company.md.createAll(engine);
        List<String> ddl = new ArrayList<>();
        try (var reg = engine.addListener(new StatementListener() {
            @Override
            public void beforeExecute(StatementEvent event) {
                ddl.add(event.sql());
            }
        })) {
            company.md.createAll(engine);
        }
        assertThat(ddl).isEmpty();
        assertThatThrownBy(() -> company.md.createAll(engine, false)).isInstanceOf(ProgrammingException.class);
        company.md.dropAll(engine);
        company.md.dropAll(engine);
        assertThat(tables(engine)).doesNotContain("departments", "employees");
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }

    @EachDatabase
    void serverDefaultsAreAppliedByTheDatabase(TestDatabase db) {
        Engine engine = db.engine();
        MetaData md = new MetaData();
        Table.builder("notes").metadata(md).column("id", BIGINT, PRIMARY_KEY)
                .column("title", varchar(40), NOT_NULL, serverDefaultValue("untitled 'draft'"))
                .column("stars", SqlTypes.INTEGER, NOT_NULL, serverDefaultValue(3))
                .column("created", SqlTypes.DATETIME, NOT_NULL, dev.retort.schema.ColumnOptions.serverDefault("CURRENT_TIMESTAMP"))
                .build();
        md.createAll(engine);
        try (Connection c = engine.connect()) {
            c.execute(text("INSERT INTO notes (id) VALUES (1)"));
            var row = c.execute(text("SELECT title, stars, created FROM notes")).one();
            assertThat(row.getString("title")).isEqualTo("untitled 'draft'");
            assertThat(row.getInt("stars")).isEqualTo(3);
            assertThat(row.get("created")).isNotNull();
            c.commit();
        }
    }

    @EachDatabase
    void deferrableUniqueConstraintsLetRowsSwapValues(TestDatabase db) {
        Engine engine = db.engine();
        MetaData md = new MetaData();
        Table seats = Table.builder("seats").metadata(md).column("id", BIGINT, PRIMARY_KEY)
                .column("seat", varchar(5), NOT_NULL).uniqueDeferrable("uq_seat", true, "seat").build();
        if (!engine.dialect().supports(Capability.DEFERRABLE_UNIQUE)) {
            assertThatThrownBy(() -> md.createAll(engine)).isInstanceOf(dev.retort.CompileException.class)
                    .hasMessageContaining("Unique constraint uq_seat is DEFERRABLE").hasMessageContaining("does not support");
            return;
        }
        md.createAll(engine);
        try (Connection c = engine.connect()) {
            c.execute(text("INSERT INTO seats (id, seat) VALUES (1, 'A1'), (2, 'B2')"));
            c.commit();
            c.execute(text("UPDATE seats SET seat = 'B2' WHERE id = 1"));     // checked at COMMIT
            c.execute(text("UPDATE seats SET seat = 'A1' WHERE id = 2"));
            c.commit();
            assertThat(c.execute(text("SELECT seat FROM seats ORDER BY id")).scalars(String.class).all()).containsExactly("B2", "A1");
            var reflected = c.inspector().uniqueConstraints(null, "seats");
            assertThat(reflected).singleElement().satisfies(u -> {
                assertThat(u.name()).isEqualTo("uq_seat");
                assertThat(u.deferrable()).isTrue();
                assertThat(u.initiallyDeferred()).isTrue();
            });
        }
        assertThat(seats.uniqueConstraints().get(0).deferrable()).isTrue();
    }

    @EachDatabase(requires = Capability.SEQUENCES)
    void sequenceFeedsItsColumn(TestDatabase db) {
        Engine engine = db.engine();
        MetaData md = new MetaData();
        var seq = md.sequence("ticket_numbers", 1000, 5);
        Table.builder("tickets").metadata(md).column("id", BIGINT, PRIMARY_KEY)
                .column("number", BIGINT, NOT_NULL, dev.retort.schema.ColumnOptions.sequence(seq)).build();
        md.createAll(engine);
        try (Connection c = engine.connect()) {
            c.execute(text("INSERT INTO tickets (id) VALUES (1)"));
            c.execute(text("INSERT INTO tickets (id) VALUES (2)"));
            assertThat(c.execute(text("SELECT number FROM tickets ORDER BY id")).scalars(Long.class).all())
                    .containsExactly(1000L, 1005L);
            c.commit();
        }
        md.dropAll(engine);
        try (Connection c = engine.connect()) {
            assertThat(c.dialect().existingObjects(c.jdbc(), Arrays.asList((String) null)).sequences())
                    .doesNotContain("ticket_numbers");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** A MetaData with a default schema puts its tables (and enum types) in that PostgreSQL namespace. */
    @EachDatabase(only = dev.retort.testkit.DatabaseKind.POSTGRESQL)
    void tablesGoIntoTheMetaDataSchema(TestDatabase db) {
        Engine engine = db.engine();
        String schema = "rt_app_" + Long.toHexString(System.nanoTime());
        try (Connection c = engine.connect()) {
            c.execute(text("CREATE SCHEMA " + schema));
            c.commit();
        }
        try {
            MetaData md = MetaData.builder().schema(schema).build();
            Table.builder("events").metadata(md).column("id", BIGINT, PRIMARY_KEY)
                    .column("kind", SqlTypes.enumOf(Level.class), NOT_NULL).build();
            Table.builder("event_notes").metadata(md).column("id", BIGINT, PRIMARY_KEY)
                    .column("event_id", BIGINT, NOT_NULL)
                    .foreignKey(List.of("event_id"), "events", List.of("id"), ForeignKeyOptions.defaults()).build();
            assertThat(md.createScript(engine.dialect()).get(1)).startsWith("CREATE TABLE " + schema + ".events (");
            md.createAll(engine);
            try (Connection c = engine.connect()) {
                assertThat(c.execute(text("SELECT table_name FROM information_schema.tables WHERE table_schema = :s "
                        + "ORDER BY table_name").bind("s", schema)).scalars(String.class).all())
                        .containsExactly("event_notes", "events");
                assertThat(c.execute(text("SELECT n.nspname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                        + "WHERE t.typname = 'level'")).scalars(String.class).all()).containsExactly(schema);
                c.execute(text("INSERT INTO " + schema + ".events (id, kind) VALUES (1, 'LEAD')"));
                c.commit();
            }
            md.dropAll(engine);
            try (Connection c = engine.connect()) {
                assertThat(c.execute(text("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = :s")
                        .bind("s", schema)).scalar(Long.class)).isZero();
            }
        } finally {
            try (Connection c = engine.connect()) {
                c.execute(text("DROP SCHEMA " + schema + " CASCADE"));
                c.commit();
            }
        }
    }

    /** PostgreSQL and SQLite roll DDL back: a failing createAll leaves no table behind. */
    @EachDatabase(requires = Capability.TRANSACTIONAL_DDL)
    void failedCreateAllLeavesNothingBehind(TestDatabase db) {
        Engine engine = db.engine();
        MetaData md = new MetaData();
        Table.builder("first_ok").metadata(md).column("id", BIGINT, PRIMARY_KEY).build();
        Table.builder("second_bad").metadata(md).column("id", BIGINT, PRIMARY_KEY).check(null, "no_such_column > 0").build();
        assertThatThrownBy(() -> md.createAll(engine)).isInstanceOf(ProgrammingException.class)
                .hasMessageContaining("second_bad");
        assertThat(tables(engine)).doesNotContain("first_ok", "second_bad");
    }
}
