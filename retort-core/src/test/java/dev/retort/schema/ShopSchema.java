package dev.retort.schema;

import dev.retort.types.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.retort.schema.ColumnOptions.withComment;
import static dev.retort.schema.ColumnOptions.defaultValue;
import static dev.retort.schema.ColumnOptions.INDEX;
import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.references;
import static dev.retort.schema.ColumnOptions.serverDefault;
import static dev.retort.schema.ColumnOptions.serverDefaultValue;
import static dev.retort.schema.ColumnOptions.UNIQUE;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.INSTANT;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.numeric;
import static dev.retort.types.SqlTypes.varchar;

/** A small shop schema defined as table classes, shared by the DDL tests. */
final class ShopSchema {
    enum Status { NEW, PAID, SHIPPED }

    final MetaData metadata = MetaData.builder().namingConvention(NamingConvention.of(Map.of(
            "ix", "ix_%(column_0_label)s",
            "uq", "uq_%(table_name)s_%(column_0_name)s",
            "ck", "ck_%(table_name)s_%(constraint_name)s",
            "fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk", "pk_%(table_name)s"))).build();

    final class Customers extends Table {
        final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
        final Column<String> email = column("email", varchar(200), NOT_NULL, UNIQUE);
        final Column<String> name = column("name", varchar(100), NOT_NULL, withComment("Full name"));
        final Column<Instant> created = column("created_at", INSTANT, NOT_NULL, serverDefault("CURRENT_TIMESTAMP"));

        Customers() {
            super(metadata, "customers");
            comment("People who order");
        }
    }

    final class Orders extends Table {
        final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
        final Column<Long> customerId = column("customer_id", BIGINT, NOT_NULL,
                references(customers.id, ReferentialAction.CASCADE), INDEX);
        final Column<Status> status = column("status", SqlTypes.enumOf(Status.class), NOT_NULL, serverDefaultValue(Status.NEW));
        final Column<java.math.BigDecimal> total = column("total", numeric(10, 2), NOT_NULL);
        final Column<UUID> token = column("token", SqlTypes.UUID, defaultValue(UUID.fromString("00000000-0000-0000-0000-000000000000")));

        Orders() {
            super(metadata, "orders");
            check("positive_total", "total >= 0");
        }
    }

    final class OrderLines extends Table {
        final Column<Long> orderId = column("order_id", BIGINT);
        final Column<Integer> lineNo = column("line_no", INTEGER);
        final Column<String> product = column("product", varchar(100), NOT_NULL);
        final Column<Integer> qty = column("qty", INTEGER, NOT_NULL, serverDefaultValue(1));

        OrderLines() {
            super(metadata, "order_lines");
            primaryKey(orderId, lineNo);
            foreignKey(List.of(orderId), List.of(orders.id), ForeignKeyOptions.defaults().onDelete(ReferentialAction.CASCADE));
        }
    }

    /** A self-reference. */
    final class Categories extends Table {
        final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
        final Column<Long> parentId = column("parent_id", BIGINT, references(this.id, ReferentialAction.SET_NULL));
        final Column<String> name = column("name", varchar(50), NOT_NULL);

        Categories() {
            super(metadata, "categories");
        }
    }

    final Customers customers = new Customers();
    final Orders orders = new Orders();
    final OrderLines lines = new OrderLines();
    final Categories categories = new Categories();
}
