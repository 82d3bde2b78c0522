package dev.retort.migrate;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.reflect.ReflectedColumn;
import dev.retort.reflect.ReflectedTable;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKeyOptions;
import dev.retort.schema.MetaData;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Table;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import dev.retort.types.SqlTypes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.retort.migrate.Rev.after;
import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.serverDefaultValue;
import static dev.retort.sql.Statements.text;
import static dev.retort.sql.Statements.update;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.numeric;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrade then downgrade to base leaves the schema exactly as before (compared by reflection) and
 * the data in the surviving columns intact, on every database. The history changes a table that
 * existed before the migrations (add, alter, rename and drop columns, constraints, indexes, a
 * foreign key), creates tables with reference data, and runs data migrations.
 */
class RoundTripTest {

    /** The table the application had before it adopted migrations. */
    private static void createCustomers(Engine engine) {
        MetaData md = new MetaData();
        Table.builder("customers").metadata(md)
                .column("id", BIGINT, PRIMARY_KEY)
                .column("email", varchar(100), NOT_NULL)
                .column("name", varchar(50))
                .column("score", INTEGER, NOT_NULL, serverDefaultValue(0))
                .column("legacy", varchar(20))
                .unique("uq_customers_email", "email")
                .index("ix_customers_name", false, "name")
                .build();
        md.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.executeMany(text("INSERT INTO customers (id, email, name, score, legacy) VALUES (:id, :e, :n, :s, :l)"),
                    List.of(Map.of("id", 1, "e", "ada@example.org", "n", "Ada", "s", 5, "l", "x1"),
                            Map.of("id", 2, "e", "grace@example.org", "n", "Grace", "s", 7, "l", "x2"),
                            Map.of("id", 3, "e", "edsger@example.org", "n", "Edsger", "s", 0, "l", "x3")));
            conn.commit();
        }
    }

    private static final Table ORDERS = Table.builder("orders")
            .column("id", BIGINT, PRIMARY_KEY)
            .column("customer_id", BIGINT, NOT_NULL)
            .column("total", numeric(10, 2), NOT_NULL)
            .column("status", varchar(10), NOT_NULL, serverDefaultValue("new"))
            .foreignKey(List.of("customer_id"), "customers", List.of("id"),
                    ForeignKeyOptions.defaults().name("fk_orders_customer").onDelete(ReferentialAction.CASCADE))
            .check("ck_orders_total", "total >= 0")
            .index("ix_orders_customer", false, "customer_id")
            .build();

    private static final Table COUNTRIES = Table.builder("countries")
            .column("code", varchar(2), PRIMARY_KEY)
            .column("name", varchar(60), NOT_NULL)
            .build();

    /** Just the columns the data migrations touch. */
    private static final Table SCORES = Table.builder("customers").column("id", BIGINT, PRIMARY_KEY)
            .column("score", INTEGER).build();
    private static final Column<Integer> SCORE = SCORES.column("score", Integer.class);

    static Migrations history() {
        return Migrations.of(
                Rev.of("0001_orders", after(), ops -> ops.createTable(ORDERS), ops -> ops.dropTable(ORDERS)),
                Rev.of("0002_countries", after("0001_orders"), ops -> {
                    ops.createTable(COUNTRIES);
                    ops.bulkInsert(COUNTRIES, List.of(Map.of("code", "GB", "name", "United Kingdom"),
                            Map.of("code", "NL", "name", "Nederland"), Map.of("code", "FR", "name", "France")));
                }, ops -> ops.dropTable("countries")),
                Rev.of("0003_customer_country", after("0002_countries"), ops -> {
                    ops.addColumn("customers", "country", varchar(2));
                    ops.execute(text("UPDATE customers SET country = :c WHERE id <= :n").bind("c", "GB").bind("n", 2));
                    ops.createIndex("ix_customers_country", "customers", "country");
                    ops.addForeignKey("fk_customers_country", "customers", List.of("country"), "countries", List.of("code"));
                }, ops -> {
                    ops.dropForeignKey("fk_customers_country", "customers");
                    ops.dropIndex("ix_customers_country", "customers");
                    ops.dropColumn("customers", "country");
                }),
                Rev.of("0004_customer_names", after("0003_customer_country"), ops -> {
                    ops.alterColumn("customers", "name", c -> c.rename("full_name").type(varchar(120)).nullable(false));
                    ops.alterColumn("customers", "score", c -> c.serverDefaultValue(10));
                    ops.addCheckConstraint("ck_customers_score", "customers", "score >= 0");
                    ops.dropColumn("customers", "legacy");
                }, ops -> {
                    ops.addColumn("customers", "legacy", varchar(20));
                    ops.dropCheckConstraint("ck_customers_score", "customers");
                    ops.alterColumn("customers", "score", c -> c.serverDefaultValue(0));
                    ops.alterColumn("customers", "full_name", c -> c.rename("name").type(varchar(50)).nullable(true));
                }),
                Rev.of("0005_bonus", after("0004_customer_names"),
                        ops -> ops.run(conn -> conn.execute(update(SCORES).set(SCORE, SCORE.plus(100)).whereAll())),
                        ops -> ops.run(conn -> conn.execute(update(SCORES).set(SCORE, SCORE.minus(100)).whereAll()))),
                Rev.of("0006_purchases", after("0005_bonus"), ops -> ops.renameTable("orders", "purchases"),
                        ops -> ops.renameTable("purchases", "orders")));
    }

    private static List<Map<String, Object>> customers(Engine engine, String nameColumn) {
        return Snapshots.rows(engine, "SELECT id, email, " + nameColumn + " AS name, score FROM customers ORDER BY id");
    }

    private static List<Map<String, Object>> plusBonus(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> m = new HashMap<>(row);
            m.put("score", ((Number) row.get("score")).longValue() + 100);
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> scoresAsLong(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> m = new HashMap<>(row);
            m.put("score", ((Number) row.get("score")).longValue());
            out.add(m);
        }
        return out;
    }

    @EachDatabase
    void upgradeThenDowngradeToBaseLeavesSchemaAndDataAsBefore(TestDatabase db) {
        Engine engine = db.engine();
        createCustomers(engine);
        Map<String, ReflectedTable> before = Snapshots.schema(engine);
        List<Map<String, Object>> rowsBefore = customers(engine, "name");
        Migrator migrator = history().migrator(engine).allowDestructive(true);

        assertThat(migrator.current()).isEmpty();
        List<Revision> applied = migrator.upgrade("head");
        assertThat(applied).extracting(Revision::id).containsExactly("0001_orders", "0002_countries",
                "0003_customer_country", "0004_customer_names", "0005_bonus", "0006_purchases");
        assertThat(migrator.current()).containsExactly("0006_purchases");
        assertThat(Snapshots.versionRows(engine)).containsExactly("0006_purchases");

        Map<String, ReflectedTable> upgraded = Snapshots.schema(engine);
        assertThat(upgraded.keySet()).containsExactly("countries", "customers", "purchases");
        ReflectedTable customers = upgraded.get("customers");
        assertThat(customers.columns()).extracting(ReflectedColumn::name)
                .containsExactly("id", "email", "full_name", "score", "country");
        ReflectedColumn fullName = customers.column("full_name").orElseThrow();
        assertThat(fullName.nullable()).isFalse();
        assertThat(fullName.type()).isEqualTo(SqlTypes.varchar(120));
        assertThat(customers.column("score").orElseThrow().defaultExpression()).contains("10");
        assertThat(customers.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.name()).isEqualTo("fk_customers_country");
            assertThat(fk.referredTable()).isEqualTo("countries");
        });
        assertThat(customers.checkConstraints()).extracting(c -> c.name()).containsExactly("ck_customers_score");
        assertThat(customers.indexes()).extracting(i -> i.name())
                .containsExactlyInAnyOrder("ix_customers_name", "ix_customers_country");
        assertThat(upgraded.get("purchases").foreignKeys()).singleElement()
                .satisfies(fk -> assertThat(fk.referredTable()).isEqualTo("customers"));
        assertThat(Snapshots.rows(engine, "SELECT code FROM countries ORDER BY code")).extracting(r -> r.get("code"))
                .containsExactly("FR", "GB", "NL");
        assertThat(Snapshots.rows(engine, "SELECT id, country FROM customers ORDER BY id"))
                .extracting(r -> r.get("country")).containsExactly("GB", "GB", null);
        assertThat(scoresAsLong(customers(engine, "full_name"))).isEqualTo(plusBonus(rowsBefore));

        List<Revision> undone = migrator.downgrade("base");
        assertThat(undone).extracting(Revision::id).containsExactly("0006_purchases", "0005_bonus",
                "0004_customer_names", "0003_customer_country", "0002_countries", "0001_orders");
        assertThat(Snapshots.schema(engine)).isEqualTo(before);
        assertThat(customers(engine, "name")).isEqualTo(rowsBefore);
        assertThat(Snapshots.rows(engine, "SELECT legacy FROM customers")).allSatisfy(r -> assertThat(r.get("legacy")).isNull());
        assertThat(migrator.current()).isEmpty();
        assertThat(Snapshots.versionRows(engine)).isEmpty();
    }

    @EachDatabase
    void stepByStepWithRelativeTargets(TestDatabase db) {
        Engine engine = db.engine();
        createCustomers(engine);
        Migrator migrator = history().migrator(engine).allowDestructive(true);
        assertThat(migrator.upgrade("+2")).extracting(Revision::id).containsExactly("0001_orders", "0002_countries");
        assertThat(migrator.current()).containsExactly("0002_countries");
        assertThat(Snapshots.schema(engine).keySet()).containsExactly("countries", "customers", "orders");
        assertThat(migrator.downgrade("-1")).extracting(Revision::id).containsExactly("0002_countries");
        assertThat(Snapshots.schema(engine).keySet()).containsExactly("customers", "orders");
        assertThat(migrator.upgrade("0004_customer_names")).hasSize(3);
        assertThat(migrator.current()).containsExactly("0004_customer_names");
        assertThat(migrator.upgrade("0002_countries")).isEmpty();
        assertThat(migrator.downgrade("0002_countries")).extracting(Revision::id)
                .containsExactly("0004_customer_names", "0003_customer_country");
        assertThat(Snapshots.rows(engine, "SELECT name FROM customers WHERE id = 1")).singleElement()
                .satisfies(r -> assertThat(r.get("name")).isEqualTo("Ada"));
        assertThat(migrator.history()).hasSize(6);
        assertThat(migrator.heads()).containsExactly("0006_purchases");
        assertThat(migrator.stamp("head")).containsExactly("0006_purchases");
        assertThat(migrator.current()).containsExactly("0006_purchases");
        assertThat(migrator.stamp("base")).isEmpty();
        assertThat(Snapshots.versionRows(engine)).isEmpty();
        assertThat(Snapshots.rows(engine, "SELECT total FROM orders")).isEmpty();
    }
}
