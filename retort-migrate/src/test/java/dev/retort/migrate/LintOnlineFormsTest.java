package dev.retort.migrate;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.mysql.MariaDbDialect;
import dev.retort.dialect.postgresql.PostgresDialect;
import dev.retort.dialect.sqlite.SqliteDialect;
import dev.retort.migrate.ops.Algorithm;
import dev.retort.migrate.ops.LockMode;
import dev.retort.migrate.ops.Operations;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static dev.retort.migrate.Rev.after;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

/** The online forms of operations, rendered offline: exact SQL per dialect, and nothing where a database has no such form. */
class LintOnlineFormsTest {

    /** The statements of one revision {@code r1}, after the version table's. */
    private static List<String> sql(Dialect dialect, Consumer<Operations> upgrade) {
        List<String> all = Migrations.of(Rev.of("r1", after(), upgrade, ops -> { }))
                .upgradeScript(dialect, "base", "head").sqlStatements();
        return all.subList(1, all.size() - 1);
    }

    private static void online(Operations ops) {
        ops.createIndex("ix_orders_customer", "orders", "customer_id").concurrently()
                .algorithm(Algorithm.INPLACE).lock(LockMode.NONE);
        ops.createUniqueIndex("ux_orders_ref", "orders", "ref").concurrently();
        ops.addForeignKey("fk_orders_customer", "orders", List.of("customer_id"), "customers", List.of("id")).notValid();
        ops.addCheckConstraint("ck_orders_qty", "orders", "qty >= 0").notValid().algorithm(Algorithm.COPY);
        ops.validateConstraint("fk_orders_customer", "orders");
        ops.addColumn("orders", "note", TEXT).algorithm(Algorithm.INSTANT);
        ops.alterColumn("orders", "qty", c -> c.type(BIGINT).existingType(INTEGER).existingNullable(true))
                .algorithm(Algorithm.INPLACE).lock(LockMode.NONE);
    }

    @Test
    void postgresConcurrentIndexesNotValidConstraintsAndValidation() {
        assertThat(sql(new PostgresDialect(), LintOnlineFormsTest::online)).containsExactly(
                "CREATE INDEX CONCURRENTLY ix_orders_customer ON orders (customer_id)",
                "CREATE UNIQUE INDEX CONCURRENTLY ux_orders_ref ON orders (ref)",
                "ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) "
                        + "NOT VALID",
                "ALTER TABLE orders ADD CONSTRAINT ck_orders_qty CHECK (qty >= 0) NOT VALID",
                "ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_customer",
                "ALTER TABLE orders ADD COLUMN note TEXT",
                "ALTER TABLE orders ALTER COLUMN qty TYPE BIGINT USING qty::BIGINT");
    }

    @Test
    void mariaDbAlgorithmAndLockClauses() {
        assertThat(sql(new MariaDbDialect(), LintOnlineFormsTest::online)).containsExactly(
                "CREATE INDEX ix_orders_customer ON orders (customer_id) ALGORITHM=INPLACE LOCK=NONE",
                "CREATE UNIQUE INDEX ux_orders_ref ON orders (ref)",
                "ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)",
                "ALTER TABLE orders ADD CONSTRAINT ck_orders_qty CHECK (qty >= 0), ALGORITHM=COPY",
                "ALTER TABLE orders ADD COLUMN note LONGTEXT, ALGORITHM=INSTANT",
                "ALTER TABLE orders MODIFY COLUMN qty BIGINT, ALGORITHM=INPLACE, LOCK=NONE");
    }

    @Test
    void sqliteHasNoOnlineForms() {
        assertThat(sql(new SqliteDialect(), ops -> {
            ops.createIndex("ix_orders_customer", "orders", "customer_id").concurrently().algorithm(Algorithm.INPLACE);
            ops.validateConstraint("fk_orders_customer", "orders");
            ops.addColumn("orders", "note", TEXT).algorithm(Algorithm.INSTANT).lock(LockMode.NONE);
        })).containsExactly("CREATE INDEX ix_orders_customer ON orders (customer_id)",
                "ALTER TABLE orders ADD COLUMN note TEXT");
    }

    @Test
    void aRevisionWithAConcurrentIndexRunsWithoutATransactionInThePostgresScript() {
        Migrations m = Migrations.of(
                Rev.of("r1", after(), ops -> ops.addColumn("orders", "ref", TEXT), ops -> { }),
                Rev.of("r2", after("r1"), ops -> ops.createIndex("ix_orders_ref", "orders", "ref").concurrently(),
                        ops -> { }));
        String script = m.upgradeScript(new PostgresDialect(), "r1", "head").sql();
        assertThat(script).isEqualTo("\n-- upgrade r1 -> r2: r2 (test revision r2)\n"
                + "-- without a transaction: a statement of this revision cannot run inside one\n"
                + "CREATE INDEX CONCURRENTLY ix_orders_ref ON orders (ref);\n"
                + "UPDATE retort_version SET revision = 'r2' WHERE retort_version.revision = 'r1';\n");
        assertThat(m.upgradeScript(new PostgresDialect(), "base", "r1").sql()).contains("BEGIN;\n", "COMMIT;\n");
    }
    @Test
    void aMergeWithAConcurrentIndexChangesTheVersionTableInATransactionOfItsOwn() {
        Migrations m = Migrations.of(
                Rev.of("r1", after(), ops -> ops.addColumn("orders", "ref", TEXT), ops -> { }),
                Rev.of("b1", after("r1"), ops -> { }, ops -> { }),
                Rev.of("b2", after("r1"), ops -> { }, ops -> { }),
                Rev.of("m", after("b1", "b2"), ops -> ops.createIndex("ix_orders_ref", "orders", "ref").concurrently(),
                        ops -> { }));
        assertThat(m.upgradeScript(new PostgresDialect(), "b1,b2", "head").sql()).isEqualTo(
                "\n-- upgrade b1, b2 -> m: m (test revision m)\n"
                + "-- without a transaction: a statement of this revision cannot run inside one\n"
                + "CREATE INDEX CONCURRENTLY ix_orders_ref ON orders (ref);\n"
                + "BEGIN;\n"
                + "UPDATE retort_version SET revision = 'm' WHERE retort_version.revision = 'b1';\n"
                + "DELETE FROM retort_version WHERE retort_version.revision = 'b2';\n"
                + "COMMIT;\n");
        // MariaDB commits each DDL statement, but the version table's rows still change together.
        assertThat(m.upgradeScript(new MariaDbDialect(), "b1,b2", "head").sql()).endsWith(
                "CREATE INDEX ix_orders_ref ON orders (ref);\n"
                + "BEGIN;\n"
                + "UPDATE retort_version SET revision = 'm' WHERE retort_version.revision = 'b1';\n"
                + "DELETE FROM retort_version WHERE retort_version.revision = 'b2';\n"
                + "COMMIT;\n");
    }
}
