package dev.retort.examples;

import dev.retort.migrate.Migrations;
import dev.retort.migrate.Revision;
import dev.retort.migrate.ops.Algorithm;
import dev.retort.migrate.ops.LockMode;
import dev.retort.migrate.ops.Operations;
import dev.retort.schema.Table;

import java.util.List;

import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.TEXT;
import static dev.retort.types.SqlTypes.varchar;

/**
 * The orders of docs/migrations.md's "Online forms of operations" and "Lint": a base revision
 * with customers and orders, then revisions that change the orders table with the online forms
 * of operations (a concurrent index, constraints added NOT VALID and validated later, MariaDB's
 * ALGORITHM and LOCK clauses). {@code MigrationsGuide.lint} judges them and
 * {@code MigrationsGuideTest} runs them on every database.
 */
public final class OnlineOrders {
    private OnlineOrders() {
    }

    /**
     * The orders' revisions, in order.
     *
     * @return the migrations {@code 0001_orders} to {@code 0005_pinned}
     */
    public static Migrations migrations() {
        return Migrations.of(new Tables(), new CustomerIndex(), new Constraints(), new Validation(), new Pinned());
    }

    /** The base: customers and their orders. */
    public static final class Tables extends Revision {
        /** The revision {@code 0001_orders}. */
        public Tables() {
            super("0001_orders", "Customers and orders");
        }

        @Override
        public void upgrade(Operations ops) {
            ops.createTable(Table.builder("customers")
                    .column("id", BIGINT, PRIMARY_KEY)
                    .column("name", varchar(100), NOT_NULL));
            ops.createTable(Table.builder("orders")
                    .column("id", BIGINT, PRIMARY_KEY)
                    .column("customer_id", BIGINT)
                    .column("ref", varchar(20))
                    .column("qty", INTEGER));
        }

        @Override
        public void downgrade(Operations ops) {
            ops.dropTable("orders");
            ops.dropTable("customers");
        }
    }

    /** An index built while writes continue; on PostgreSQL its revision runs without a transaction. */
    public static final class CustomerIndex extends Revision {
        /** The revision {@code 0002_customer_index}. */
        public CustomerIndex() {
            super("0002_customer_index", "Orders by customer", "0001_orders");
        }

        @Override
        public void upgrade(Operations ops) {
            // tag::online-forms[]
            ops.createIndex("ix_orders_customer", "orders", "customer_id").concurrently();              // PostgreSQL
            // end::online-forms[]
        }

        @Override
        public void downgrade(Operations ops) {
            ops.dropIndex("ix_orders_customer", "orders");
        }
    }

    /** A foreign key and a check that hold for new rows at once, the existing rows checked later. */
    public static final class Constraints extends Revision {
        /** The revision {@code 0003_constraints}. */
        public Constraints() {
            super("0003_constraints", "Orders refer to customers, quantities are not negative", "0002_customer_index");
        }

        @Override
        public void upgrade(Operations ops) {
            // tag::online-forms[]
            ops.addForeignKey("fk_orders_customer", "orders", List.of("customer_id"), "customers", List.of("id"))
                    .notValid();
            ops.addCheckConstraint("ck_orders_qty", "orders", "qty >= 0").notValid();
            // end::online-forms[]
        }

        @Override
        public void downgrade(Operations ops) {
            ops.dropCheckConstraint("ck_orders_qty", "orders");
            ops.dropForeignKey("fk_orders_customer", "orders");
        }
    }

    /** Checks the existing rows against the constraints of {@code 0003_constraints}; reads and writes continue. */
    public static final class Validation extends Revision {
        /** The revision {@code 0004_validate}. */
        public Validation() {
            super("0004_validate", "Check the existing orders", "0003_constraints");
        }

        @Override
        public void upgrade(Operations ops) {
            // tag::online-forms[]
            // a later revision:
            ops.validateConstraint("fk_orders_customer", "orders");
            ops.validateConstraint("ck_orders_qty", "orders");
            // end::online-forms[]
        }

        @Override
        public void downgrade(Operations ops) {
        }
    }

    /** Changes pinned to MariaDB's and MySQL's online algorithms, so the server refuses rather than copies. */
    public static final class Pinned extends Revision {
        /** The revision {@code 0005_pinned}. */
        public Pinned() {
            super("0005_pinned", "Orders by reference, notes, quantities required", "0004_validate");
        }

        @Override
        public void upgrade(Operations ops) {
            // tag::online-forms[]
            // MariaDB, MySQL:
            ops.createIndex("ix_orders_ref", "orders", "ref").algorithm(Algorithm.INPLACE).lock(LockMode.NONE);
            ops.addColumn("orders", "note", TEXT).algorithm(Algorithm.INSTANT);
            ops.alterColumn("orders", "qty", c -> c.nullable(false).existingType(INTEGER))
                    .algorithm(Algorithm.INPLACE).lock(LockMode.NONE);
            // end::online-forms[]
        }

        @Override
        public void downgrade(Operations ops) {
            ops.alterColumn("orders", "qty", c -> c.nullable(true).existingType(INTEGER));
            ops.dropColumn("orders", "note");
            ops.dropIndex("ix_orders_ref", "orders");
        }
    }
}
