package dev.retort.migrate;

import dev.retort.engine.Engine;
import dev.retort.schema.Table;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import static dev.retort.migrate.Rev.after;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.TEXT;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code upgrade} refuses revisions that may lose data (dropped tables and columns, narrowed
 * types) before running anything, unless destructive changes are allowed; downgrades are not held
 * back; offline scripts mark such statements.
 */
class DestructiveGateTest {
    private static final Rev CREATE = Rev.of("0001", after(), ops -> {
        ops.createTable(Table.builder("notes").column("id", BIGINT, PRIMARY_KEY).column("title", varchar(80))
                .column("body", TEXT));
        ops.createTable(Table.builder("scratch").column("id", BIGINT, PRIMARY_KEY));
    }, ops -> {
        ops.dropTable("scratch");
        ops.dropTable("notes");
    });

    private static final Rev SHRINK = Rev.of("0002", after("0001"), ops -> {
        ops.alterColumn("notes", "title", c -> c.type(varchar(40)).existingType(varchar(80)).existingNullable(true));
        ops.alterColumn("notes", "body", c -> c.type(varchar(2000)));
    }, ops -> ops.alterColumn("notes", "title", c -> c.type(varchar(80)).existingType(varchar(40)).existingNullable(true)));

    private static final Rev DROP = Rev.of("0003", after("0002"), ops -> {
        ops.batch("notes", b -> b.dropColumn("body").addColumn("words", BIGINT));
        ops.dropTable("scratch");
    }, ops -> {
        ops.createTable(Table.builder("scratch").column("id", BIGINT, PRIMARY_KEY));
        ops.batch("notes", b -> b.dropColumn("words").addColumn("body", TEXT));
    });

    @EachDatabase
    void upgradeRefusesRevisionsThatMayLoseDataBeforeRunningAnything(TestDatabase db) {
        Engine engine = db.engine();
        Migrator migrator = Migrations.of(CREATE, SHRINK, DROP).migrator(engine);
        assertThat(migrator.allowsDestructive()).isFalse();
        assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(DestructiveMigrationException.class)
                .hasMessage("The upgrade may lose data, so nothing was run: 0002: narrows column notes.title from "
                        + "VARCHAR(80) to VARCHAR(40), which may not hold every value; 0003: drops column notes.body and its "
                        + "values; 0003: drops table scratch and its rows. Review these revisions; to run them, allow "
                        + "destructive changes with Migrator.allowDestructive(true) (command line: upgrade "
                        + "--allow-destructive).")
                .satisfies(e -> assertThat(((DestructiveMigrationException) e).operations()).containsExactly(
                        "0002: narrows column notes.title from VARCHAR(80) to VARCHAR(40), which may not hold every value",
                        "0003: drops column notes.body and its values", "0003: drops table scratch and its rows"));
        assertThat(migrator.current()).isEmpty();
        assertThat(Snapshots.schema(engine)).isEmpty();

        assertThat(migrator.upgrade("0001")).hasSize(1);
        Migrator allowed = migrator.allowDestructive(true);
        assertThat(allowed.allowsDestructive()).isTrue();
        assertThat(allowed.upgrade("head")).extracting(Revision::id).containsExactly("0002", "0003");
        assertThat(Snapshots.schema(engine).keySet()).containsExactly("notes");
        assertThat(migrator.downgrade("base")).hasSize(3);
        assertThat(Snapshots.schema(engine)).isEmpty();
    }

    @EachDatabase
    void offlineScriptsMarkWhatMayLoseData(TestDatabase db) {
        Rev drops = Rev.of("0002", after("0001"), ops -> {
            ops.dropColumn("notes", "body");
            ops.dropTable("scratch");
        }, ops -> { });
        String sql = Migrations.of(CREATE, drops).upgradeScript(db.dialect(), "0001", "head").sql();
        assertThat(sql).contains("-- DESTRUCTIVE: drops column notes.body and its values\nALTER TABLE notes DROP COLUMN body;\n"
                + "-- DESTRUCTIVE: drops table scratch and its rows\nDROP TABLE scratch;\n");
    }
}
