package dev.retort.migrate;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.migrate.lint.LintFinding;
import dev.retort.migrate.ops.Algorithm;
import dev.retort.migrate.ops.LockMode;
import dev.retort.reflect.ReflectedIndex;
import dev.retort.schema.Table;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import dev.retort.types.SqlType;

import java.util.List;
import java.util.Map;

import static dev.retort.migrate.Rev.after;
import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.sql.Statements.text;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.TEXT;
import static dev.retort.types.SqlTypes.enumOf;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The online forms run on the real databases through the migrator, and Migrator.lint judges for the server. */
class LintOnServersTest {
    private static final Rev TABLES = Rev.of("r1", after(), ops -> {
        ops.createTable(Table.builder("customers").column("id", BIGINT, PRIMARY_KEY));
        ops.createTable(Table.builder("orders").column("id", BIGINT, PRIMARY_KEY).column("customer_id", BIGINT)
                .column("qty", INTEGER).column("ref", varchar(40)));
        ops.execute(text("INSERT INTO customers (id) VALUES (1)"));
        ops.execute(text("INSERT INTO orders (id, customer_id, qty, ref) VALUES (1, 1, 3, 'a'), (2, 1, 5, 'b')"));
    }, ops -> {
        ops.dropTable("orders");
        ops.dropTable("customers");
    });

    private static final Rev INDEX = Rev.of("r2", after("r1"), ops -> ops.createIndex("ix_orders_customer", "orders",
            "customer_id").concurrently().algorithm(Algorithm.INPLACE).lock(LockMode.NONE),
            ops -> ops.dropIndex("ix_orders_customer", "orders"));

    private static final Rev CONSTRAINTS = Rev.of("r3", after("r2"), ops -> {
        ops.addForeignKey("fk_orders_customer", "orders", List.of("customer_id"), "customers", List.of("id")).notValid();
        ops.addCheckConstraint("ck_orders_qty", "orders", "qty >= 0").notValid();
        ops.addColumn("orders", "note", TEXT).algorithm(Algorithm.INSTANT);
    }, ops -> { });

    private static final Rev VALIDATE = Rev.of("r4", after("r3"), ops -> {
        ops.validateConstraint("fk_orders_customer", "orders");
        ops.validateConstraint("ck_orders_qty", "orders");
    }, ops -> { });

    @EachDatabase(only = {DatabaseKind.SQLITE_FILE, DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void onlineFormsRunThroughTheMigrator(TestDatabase db) {
        Engine engine = db.engine();
        Migrations migrations = Migrations.of(TABLES, INDEX, CONSTRAINTS, VALIDATE);
        Migrator migrator = migrations.migrator(engine);
        migrator.upgrade("r1");
        List<String> pending = migrator.lint("head").stream().map(LintFinding::rule).toList();
        switch (db.kind()) {
            case POSTGRESQL -> assertThat(pending).isEmpty();
            case MARIADB -> assertThat(pending).containsExactly("mysql-add-foreign-key", "mysql-add-check");
            default -> assertThat(pending).containsExactly("sqlite-rebuild", "sqlite-rebuild");
        }
        assertThat(migrator.upgrade("head")).extracting(Revision::id).containsExactly("r2", "r3", "r4");
        assertThat(migrator.current()).containsExactly("r4");
        assertThat(Snapshots.schema(engine).get("orders").indexes()).extracting(ReflectedIndex::name)
                .contains("ix_orders_customer");
        if (db.kind() == DatabaseKind.POSTGRESQL) {
            assertThat(Snapshots.rows(engine, "SELECT conname, convalidated FROM pg_constraint WHERE conname IN "
                    + "('fk_orders_customer', 'ck_orders_qty') AND connamespace = current_schema()::regnamespace "
                    + "ORDER BY conname")).containsExactly(Map.of("conname", "ck_orders_qty", "convalidated", true),
                    Map.of("conname", "fk_orders_customer", "convalidated", true));
        }
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO orders (id, customer_id, qty) VALUES (9, 1, -1)")))
                    .as("the check holds").isInstanceOf(RuntimeException.class);
        }
    }

    @EachDatabase(only = DatabaseKind.POSTGRESQL)
    void aFailedConcurrentIndexLeavesTheVersionTableAtThePreviousRevision(TestDatabase db) {
        Engine engine = db.engine();
        Rev unique = Rev.of("r2", after("r1"), ops -> {
            ops.execute(text("UPDATE orders SET ref = 'a'"));
            ops.createUniqueIndex("ux_orders_ref", "orders", "ref").concurrently();
        }, ops -> { });
        Migrator migrator = Migrations.of(TABLES, unique).migrator(engine);
        migrator.upgrade("r1");
        assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(MigrationFailedException.class)
                .hasMessageStartingWith("Revision r2 (test revision r2) failed in its upgrade at 'create unique index "
                        + "ux_orders_ref on orders [concurrently]': ")
                .hasMessageContaining("The revision ran without a transaction (it builds an index CONCURRENTLY, which "
                        + "cannot run inside one; a failed concurrent build leaves an INVALID index: drop it), so the "
                        + "revision was not rolled back. The version table names [r1], the last revisions fully applied. "
                        + "These statements of the revision stayed applied and may need repair by hand");
        assertThat(migrator.current()).containsExactly("r1");
        assertThat(Snapshots.rows(engine, "SELECT DISTINCT ref FROM orders")).containsExactly(Map.of("ref", "a"));
    }

    @EachDatabase(only = DatabaseKind.MARIADB)
    void mariaDbRefusesAnAlgorithmItCannotUseInsteadOfCopying(TestDatabase db) {
        Engine engine = db.engine();
        Rev widen = Rev.of("r2", after("r1"), ops -> ops.alterColumn("orders", "qty", c -> c.type(BIGINT))
                .algorithm(Algorithm.INPLACE).lock(LockMode.NONE), ops -> { });
        Migrator migrator = Migrations.of(TABLES, widen).migrator(engine);
        migrator.upgrade("r1");
        assertThat(migrator.lint("head")).extracting(LintFinding::rule).containsExactly("mysql-alter-type");
        assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("ALGORITHM=INPLACE is not supported");
        assertThat(migrator.current()).containsExactly("r1");
    }
    @EachDatabase(only = DatabaseKind.MARIADB)
    void mariaDbAppendsEnumLabelsInstantlyAndRefusesToReorderThemSo(TestDatabase db) {
        Engine engine = db.engine();
        SqlType<String> two = enumOf("status", List.of("new", "paid"));
        SqlType<String> three = enumOf("status", List.of("new", "paid", "shipped"));
        SqlType<String> reordered = enumOf("status", List.of("shipped", "new", "paid"));
        Rev table = Rev.of("r1", after(), ops -> {
            ops.createTable(Table.builder("shipments").column("id", BIGINT, PRIMARY_KEY).column("status", two, NOT_NULL));
            ops.execute(text("INSERT INTO shipments (id, status) VALUES (1, 'paid')"));
        }, ops -> ops.dropTable("shipments"));
        Rev append = Rev.of("r2", after("r1"), ops -> ops.alterColumn("shipments", "status", c -> c.type(three)
                .existingType(two).existingNullable(false)).algorithm(Algorithm.INSTANT), ops -> { });
        Rev reorder = Rev.of("r3", after("r2"), ops -> ops.alterColumn("shipments", "status", c -> c.type(reordered)
                .existingType(three).existingNullable(false)).algorithm(Algorithm.INSTANT), ops -> { });
        Migrator migrator = Migrations.of(table, append, reorder).migrator(engine);
        migrator.upgrade("r1");
        assertThat(migrator.lint("r2")).isEmpty();
        assertThat(migrator.upgrade("r2")).extracting(Revision::id).containsExactly("r2");
        try (Connection conn = engine.connect()) {
            conn.setAutocommit(true);
            conn.execute(text("INSERT INTO shipments (id, status) VALUES (2, 'shipped')"));
        }
        assertThat(Snapshots.rows(engine, "SELECT id, status FROM shipments ORDER BY id")).containsExactly(
                Map.of("id", 1L, "status", "paid"), Map.of("id", 2L, "status", "shipped"));
        assertThat(migrator.lint("head")).extracting(LintFinding::rule).containsExactly("mysql-alter-type");
        assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("ALGORITHM=INSTANT is not supported");
        assertThat(migrator.current()).containsExactly("r2");
    }
    @EachDatabase(only = DatabaseKind.POSTGRESQL)
    void aMergeWithAConcurrentIndexChangesTheVersionTableWholeOrNotAtAll(TestDatabase db) {
        Engine engine = db.engine();
        Rev b1 = Rev.of("b1", after("r1"), ops -> { }, ops -> { });
        Rev b2 = Rev.of("b2", after("r1"), ops -> { }, ops -> { });
        Rev merge = Rev.of("m", after("b1", "b2"), ops -> ops.createIndex("ix_orders_ref", "orders", "ref")
                .concurrently(), ops -> ops.dropIndex("ix_orders_ref", "orders"));
        Migrator migrator = Migrations.of(TABLES, b1, b2, merge).migrator(engine);
        migrator.upgrade("b1");
        migrator.upgrade("b2");
        assertThat(migrator.current()).containsExactlyInAnyOrder("b1", "b2");
        // The merge turns two rows into one (an UPDATE, then a DELETE); the DELETE fails here.
        try (Connection conn = engine.connect()) {
            conn.setAutocommit(true);
            conn.execute(text("CREATE FUNCTION refuse_delete() RETURNS trigger LANGUAGE plpgsql AS "
                    + "'BEGIN RAISE EXCEPTION ''the version table refuses deletes''; END'"));
            conn.execute(text("CREATE TRIGGER refuse_delete BEFORE DELETE ON retort_version FOR EACH ROW "
                    + "EXECUTE FUNCTION refuse_delete()"));
        }
        assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(MigrationFailedException.class)
                .hasMessageStartingWith("Revision m (test revision m) failed in its upgrade while updating the version "
                        + "table: ")
                .hasMessageContaining("The version table names [b1, b2], the last revisions fully applied. These "
                        + "statements of the revision stayed applied and may need repair by hand (undo them, or finish "
                        + "the revision) before running the command again: CREATE INDEX CONCURRENTLY ix_orders_ref ON "
                        + "orders (ref).");
        assertThat(Snapshots.versionRows(engine)).containsExactly("b1", "b2");
        assertThat(migrator.current()).containsExactlyInAnyOrder("b1", "b2");
    }
    @EachDatabase(only = DatabaseKind.MARIADB)
    void mariaDbWidensAVarcharInstantlyOnlyWithinItsLengthPrefix(TestDatabase db) {
        Engine engine = db.engine();
        Rev table = Rev.of("r1", after(), ops -> {
            ops.createTable(Table.builder("notes").column("id", BIGINT, PRIMARY_KEY).column("short", varchar(31))
                    .column("medium", varchar(32)));
            ops.execute(text("INSERT INTO notes (id, short, medium) VALUES (1, 'a', 'b')"));
        }, ops -> ops.dropTable("notes"));
        Rev shortOne = Rev.of("r2", after("r1"), ops -> ops.alterColumn("notes", "short", c -> c.type(varchar(100))
                .existingType(varchar(31)).existingNullable(true)).algorithm(Algorithm.INSTANT), ops -> { });
        Rev mediumOne = Rev.of("r3", after("r2"), ops -> ops.alterColumn("notes", "medium", c -> c.type(varchar(100))
                .existingType(varchar(32)).existingNullable(true)).algorithm(Algorithm.INSTANT), ops -> { });
        Migrator migrator = Migrations.of(table, shortOne, mediumOne).migrator(engine);
        migrator.upgrade("r1");
        assertThat(migrator.lint("head")).extracting(LintFinding::revision, LintFinding::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("r3", "mysql-alter-type"));
        assertThat(migrator.upgrade("r2")).extracting(Revision::id).containsExactly("r2");
        assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("ALGORITHM=INSTANT is not supported");
        assertThat(migrator.current()).containsExactly("r2");
    }

    @EachDatabase(only = DatabaseKind.MARIADB)
    void aMariaDbMergeChangesTheVersionTableWholeOrNotAtAll(TestDatabase db) {
        Engine engine = db.engine();
        Rev b1 = Rev.of("b1", after("r1"), ops -> { }, ops -> { });
        Rev b2 = Rev.of("b2", after("r1"), ops -> { }, ops -> { });
        Rev merge = Rev.of("m", after("b1", "b2"), ops -> ops.addColumn("orders", "note", TEXT),
                ops -> ops.dropColumn("orders", "note"));
        Migrator migrator = Migrations.of(TABLES, b1, b2, merge).migrator(engine);
        migrator.upgrade("b1");
        migrator.upgrade("b2");
        try (Connection conn = engine.connect()) {
            conn.setAutocommit(true);
            conn.execute(text("CREATE TRIGGER refuse_delete BEFORE DELETE ON retort_version FOR EACH ROW "
                    + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the version table refuses deletes'"));
        }
        assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(MigrationFailedException.class)
                .hasMessageStartingWith("Revision m (test revision m) failed in its upgrade while updating the version "
                        + "table: ")
                .hasMessageContaining("The version table names [b1, b2], the last revisions fully applied. These "
                        + "statements of the revision stayed applied and may need repair by hand (undo them, or finish "
                        + "the revision) before running the command again: ALTER TABLE orders ADD COLUMN note LONGTEXT.");
        assertThat(Snapshots.versionRows(engine)).containsExactly("b1", "b2");
        // stamp changes the same rows, and together too.
        assertThatThrownBy(() -> migrator.stamp("m")).hasMessageContaining("the version table refuses deletes");
        assertThat(Snapshots.versionRows(engine)).containsExactly("b1", "b2");
    }
}
