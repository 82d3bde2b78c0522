package dev.retort.migrate;

import dev.retort.engine.Engine;
import dev.retort.engine.ListenerRegistration;
import dev.retort.engine.StatementEvent;
import dev.retort.engine.StatementListener;
import dev.retort.migrate.ops.BatchMode;
import dev.retort.schema.ForeignKeyOptions;
import dev.retort.schema.Table;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.retort.migrate.Rev.after;
import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.serverDefaultValue;
import static dev.retort.sql.Statements.text;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline script of a range of revisions is exactly what runs online: every statement the
 * engine sent (seen by a listener), SQL and bound values, apart from the reads of the version
 * table, in order, for upgrade and downgrade.
 */
class OfflineEqualsOnlineTest {
    private static final Table PRODUCTS = Table.builder("products")
            .column("id", BIGINT, PRIMARY_KEY)
            .column("name", varchar(60), NOT_NULL)
            .column("price", INTEGER, NOT_NULL, serverDefaultValue(0))
            .index("ix_products_name", false, "name")
            .build();

    /** What the products table is after 0001, for a SQLite rebuild rendered without a database. */
    private static final Table PRODUCTS_WITH_STOCK = Table.builder("products")
            .column("id", BIGINT, PRIMARY_KEY)
            .column("name", varchar(60), NOT_NULL)
            .column("price", INTEGER, NOT_NULL, serverDefaultValue(0))
            .column("stock", INTEGER)
            .index("ix_products_name", false, "name")
            .build();

    private static final Table KINDS = Table.builder("kinds").column("code", varchar(10), PRIMARY_KEY)
            .column("label", varchar(40), NOT_NULL).build();

    private static Migrations history() {
        return Migrations.of(
                Rev.of("0001", after(), ops -> {
                    ops.createTable(PRODUCTS);
                    ops.createTable(KINDS);
                    ops.bulkInsert(KINDS, List.of(Map.of("code", "book", "label", "Books"),
                            Map.of("code", "toy", "label", "Toys & games")));
                    ops.addColumn("products", "stock", INTEGER);
                    ops.execute(text("INSERT INTO products (id, name, price, stock) VALUES (:id, :name, :price, :stock)")
                            .bind("id", 1L).bind("name", "O'Reilly's guide").bind("price", 30).bind("stock", 2));
                }, ops -> {
                    ops.dropTable(PRODUCTS);
                    ops.dropTable("kinds");
                }),
                Rev.of("0002", after("0001"), ops -> {
                    ops.batch(PRODUCTS_WITH_STOCK, BatchMode.AUTO, b -> b
                            .alterColumn("stock", c -> c.nullable(false).serverDefaultValue(0)
                                    .existingType(INTEGER).existingNullable(true))
                            .addColumn("kind", varchar(10))
                            .addForeignKey("fk_products_kind", List.of("kind"), "kinds", List.of("code"),
                                    ForeignKeyOptions.defaults()));
                    ops.execute(text("UPDATE products SET kind = :k WHERE kind IS NULL").bind("k", "book"));
                }, ops -> { }));
    }

    /** A statement as the listener saw it: SQL and values. */
    private static List<ScriptStatement> captured(Engine engine, Runnable command) {
        List<ScriptStatement> sent = new CopyOnWriteArrayList<>();
        try (ListenerRegistration r = engine.addListener(new StatementListener() {
            @Override
            public void beforeExecute(StatementEvent event) {
                if (!event.sql().startsWith("SELECT")) {
                    sent.add(new ScriptStatement(event.sql(), event.parameters()));
                }
            }
        })) {
            command.run();
        }
        return sent;
    }

    @EachDatabase
    void offlineScriptIsWhatRunsOnline(TestDatabase db) {
        Engine engine = db.engine();
        Migrations migrations = history();
        Migrator migrator = migrations.migrator(engine);
        OfflineScript upgrade = migrations.upgradeScript(db.dialect(), "base", "head");
        List<ScriptStatement> online = captured(engine, () -> migrator.upgrade("head"));
        assertThat(online).isEqualTo(upgrade.statements());
        assertThat(online).hasSizeGreaterThan(10);
        assertThat(Snapshots.rows(engine, "SELECT name, stock, kind FROM products")).singleElement().satisfies(r -> {
            assertThat(r.get("name")).isEqualTo("O'Reilly's guide");
            assertThat(r.get("kind")).isEqualTo("book");
        });

        OfflineScript downgrade = migrations.downgradeScript(db.dialect(), "0002", "base");
        List<ScriptStatement> down = captured(engine, () -> migrator.downgrade("base"));
        assertThat(down).isEqualTo(downgrade.statements());
        assertThat(Snapshots.schema(engine)).isEmpty();

        // The script itself runs too: statement by statement, values written as literals.
        try (var conn = engine.connect()) {
            conn.setAutocommit(true);
            for (String statement : upgrade.sql().split(";\n")) {
                String sql = statement.lines().filter(l -> !l.startsWith("--") && !l.isBlank())
                        .reduce((a, b) -> a + "\n" + b).orElse("");
                if (!sql.isEmpty() && !sql.equals("BEGIN") && !sql.equals("COMMIT") && !sql.startsWith("CREATE TABLE retort_version")) {
                    conn.execute(text(sql));
                }
            }
        }
        assertThat(Snapshots.rows(engine, "SELECT label FROM kinds ORDER BY code")).extracting(r -> r.get("label"))
                .containsExactly("Books", "Toys & games");
        assertThat(Snapshots.versionRows(engine)).containsExactly("0002");
    }
}
