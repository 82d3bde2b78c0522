package dev.retort.migrate;

import dev.retort.DatabaseException;
import dev.retort.dialect.Capability;
import dev.retort.engine.Engine;
import dev.retort.reflect.ReflectedColumn;
import dev.retort.schema.Table;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import static dev.retort.migrate.Rev.after;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.sql.Statements.text;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A revision that fails, and commands given bad input, leave the database and its version table right. */
class FailureTest {
    private static final Rev FIRST = Rev.of("r1", after(),
            ops -> ops.createTable(Table.builder("t1").column("id", BIGINT, PRIMARY_KEY)), ops -> ops.dropTable("t1"));

    /** Creates a table, adds a column, then runs SQL that fails. */
    private static final Rev FAILING = Rev.of("r2", after("r1"), ops -> {
        ops.createTable(Table.builder("t2").column("id", BIGINT, PRIMARY_KEY));
        ops.addColumn("t1", "x", INTEGER);
        ops.execute(text("INSERT INTO no_such_table (id) VALUES (:id)").bind("id", 1));
    }, ops -> { });

    private static final Rev FIXED = Rev.of("r2", after("r1"), ops -> ops.addColumn("t1", "x", INTEGER),
            ops -> ops.dropColumn("t1", "x"));

    private static java.util.List<String> columnsOfT1(Engine engine) {
        return Snapshots.schema(engine).get("t1").columns().stream().map(ReflectedColumn::name).toList();
    }

    @EachDatabase(requires = Capability.TRANSACTIONAL_DDL)
    void aFailingRevisionRollsBackWholeAndTheVersionTableNamesThePreviousOne(TestDatabase db) {
        Engine engine = db.engine();
        Migrator migrator = Migrations.of(FIRST, FAILING).migrator(engine);
        assertThatThrownBy(() -> migrator.upgrade("head"))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageStartingWith("Revision r2 (test revision r2) failed in its upgrade at 'execute ")
                .hasMessageContaining("no_such_table")
                .hasMessageContaining("Its transaction was rolled back: the version table still names [r1]. Fix the "
                        + "revision and run the command again.")
                .hasCauseInstanceOf(DatabaseException.class)
                .satisfies(e -> {
                    MigrationFailedException f = (MigrationFailedException) e;
                    assertThat(f.revision()).isEqualTo("r2");
                    assertThat(f.current()).containsExactly("r1");
                    assertThat(f.appliedStatements()).isEmpty();
                });
        assertThat(Snapshots.schema(engine).keySet()).containsExactly("t1");
        assertThat(columnsOfT1(engine)).containsExactly("id");
        assertThat(migrator.current()).containsExactly("r1");

        Migrator fixed = Migrations.of(FIRST, FIXED).migrator(engine);
        assertThat(fixed.upgrade("head")).extracting(Revision::id).containsExactly("r2");
        assertThat(columnsOfT1(engine)).containsExactly("id", "x");
    }

    @EachDatabase(only = DatabaseKind.MARIADB)
    void withoutTransactionalDdlTheFailureListsWhatStayedApplied(TestDatabase db) {
        Engine engine = db.engine();
        assertThat(db.dialect().supports(Capability.TRANSACTIONAL_DDL)).isFalse();
        Migrator migrator = Migrations.of(FIRST, FAILING).migrator(engine);
        assertThatThrownBy(() -> migrator.upgrade("head"))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("commits each DDL statement by itself, so the revision was not rolled back. The "
                        + "version table names [r1], the last revisions fully applied. These statements of the revision "
                        + "stayed applied and may need repair by hand")
                .hasMessageContaining("ALTER TABLE t1 ADD COLUMN x INTEGER")
                .satisfies(e -> {
                    MigrationFailedException f = (MigrationFailedException) e;
                    assertThat(f.current()).containsExactly("r1");
                    assertThat(f.appliedStatements()).hasSize(2);
                    assertThat(f.appliedStatements().get(0)).startsWith("CREATE TABLE t2 (");
                    assertThat(f.appliedStatements().get(1)).isEqualTo("ALTER TABLE t1 ADD COLUMN x INTEGER");
                });
        assertThat(migrator.current()).containsExactly("r1");
        assertThat(Snapshots.schema(engine).keySet()).containsExactly("t1", "t2");
        assertThat(columnsOfT1(engine)).containsExactly("id", "x");
    }

    @EachDatabase
    void badTargetsAndUnknownVersionsChangeNothing(TestDatabase db) {
        Engine engine = db.engine();
        Migrator migrator = Migrations.of(FIRST, FIXED).migrator(engine);
        assertThatThrownBy(() -> migrator.upgrade("r9")).isInstanceOf(UnknownRevisionException.class)
                .hasMessageContaining("No revision has the id 'r9'; the revisions are [r1, r2]");
        assertThat(Snapshots.schema(engine)).isEmpty();
        assertThatThrownBy(() -> migrator.downgrade("r1")).isInstanceOf(MigrationException.class)
                .hasMessageContaining("Cannot downgrade to r1: it is not applied");

        Migrations.of(FIRST, FIXED, Rev.empty("r3", "r2")).migrator(engine).upgrade("head");
        assertThat(migrator.current()).containsExactly("r3");
        assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(UnknownRevisionException.class)
                .hasMessageContaining("The version table names revision r3, which is not among the revisions [r1, r2]")
                .hasMessageContaining("stamp");
        assertThat(migrator.stamp("r2")).containsExactly("r2");
        assertThat(migrator.upgrade("head")).isEmpty();
        assertThat(migrator.downgrade("base")).extracting(Revision::id).containsExactly("r2", "r1");
        assertThat(Snapshots.schema(engine)).isEmpty();

        Migrator throwing = Migrations.of(Rev.of("r1", after(), ops -> {
            throw new IllegalStateException("a bug in the revision");
        }, ops -> { })).migrator(engine);
        assertThatThrownBy(() -> throwing.upgrade("head")).isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("failed while recording its upgrade: a bug in the revision. Nothing was run");
        assertThat(throwing.current()).isEmpty();
    }
}
