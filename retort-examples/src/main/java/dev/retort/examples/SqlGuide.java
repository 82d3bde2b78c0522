package dev.retort.examples;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.schema.Column;
import dev.retort.schema.MetaData;
import dev.retort.schema.Table;
import dev.retort.sql.DerivedTable;
import dev.retort.sql.Excluded;
import dev.retort.sql.Select;
import dev.retort.sql.TableAlias;
import dev.retort.sql.Window;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.UNIQUE;
import static dev.retort.schema.ColumnOptions.references;
import static dev.retort.sql.Functions.count;
import static dev.retort.sql.Functions.exists;
import static dev.retort.sql.Functions.notExists;
import static dev.retort.sql.Functions.rank;
import static dev.retort.sql.Functions.sum;
import static dev.retort.sql.Statements.bindparam;
import static dev.retort.sql.Statements.delete;
import static dev.retort.sql.Statements.insert;
import static dev.retort.sql.Statements.select;
import static dev.retort.sql.Statements.update;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.numeric;
import static dev.retort.types.SqlTypes.varchar;

/** The samples of {@code docs/sql.md}: a shop with customers, orders and order lines. */
public final class SqlGuide {
    private SqlGuide() {
    }

    // tag::tables[]
    /** The shop's tables. */
    public static final class Shop {
        public final MetaData metadata = new MetaData();
        public final Customers customers = new Customers();
        public final Orders orders = new Orders();

        /** Customers. */
        public final class Customers extends Table {
            public final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
            public final Column<String> email = column("email", varchar(100), NOT_NULL, UNIQUE);
            public final Column<String> city = column("city", varchar(50));
            public final Column<Long> referredBy = column("referred_by", BIGINT, references(this.id));

            Customers() {
                super(metadata, "customers");
            }
        }

        /** Orders, each by one customer. */
        public final class Orders extends Table {
            public final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
            public final Column<Long> customerId = column("customer_id", BIGINT, NOT_NULL, references(customers.id));
            public final Column<BigDecimal> total = column("total", numeric(10, 2), NOT_NULL);
            public final Column<Integer> items = column("items", INTEGER, NOT_NULL);

            Orders() {
                super(metadata, "orders");
            }
        }
    }
    // end::tables[]

    /**
     * Runs every sample in order and collects what they found.
     *
     * @param engine an engine on an empty database
     * @return one line per result
     */
    public static List<String> run(Engine engine) {
        Shop shop = new Shop();
        shop.metadata.createAll(engine);
        List<String> out = new ArrayList<>();
        var c = shop.customers;
        var o = shop.orders;
        try (Connection conn = engine.connect()) {
            // tag::insert[]
            conn.execute(insert(c).columns(c.id, c.email, c.city, c.referredBy)
                    .values(1L, "ada@example.org", "London", null)
                    .values(2L, "grace@example.org", "New York", 1L)
                    .values(3L, "linus@example.org", "Helsinki", 1L));
            var addOrder = insert(o).value(o.id, bindparam("id", BIGINT)).value(o.customerId, bindparam("customer", BIGINT))
                    .value(o.total, bindparam("total", numeric(10, 2))).value(o.items, bindparam("items", INTEGER));
            conn.executeMany(addOrder, List.of(
                    Map.of("id", 10L, "customer", 1L, "total", new BigDecimal("25.00"), "items", 2),
                    Map.of("id", 11L, "customer", 1L, "total", new BigDecimal("100.50"), "items", 5),
                    Map.of("id", 12L, "customer", 2L, "total", new BigDecimal("9.99"), "items", 1)));
            conn.commit();
            // end::insert[]

            // tag::select[]
            Select bigSpenders = select(c.email, o.total)
                    .join(o)                                    // ON orders.customer_id = customers.id, from the foreign key
                    .where(o.total.gt(new BigDecimal("20")).and(c.city.in(List.of("London", "Paris"))))
                    .orderBy(o.total.desc())
                    .limit(10);
            for (var row : conn.execute(bigSpenders)) {
                out.add(row.getString("email") + " spent " + row.getBigDecimal("total"));
            }
            // end::select[]

            // tag::aggregate[]
            Select perCustomer = select(c.email, count(o.id).as("orders"), sum(o.items).as("items"))
                    .outerJoin(o)
                    .groupBy(c.email)
                    .having(count(o.id).ge(1L))
                    .orderBy(c.email);
            List<Map<String, Object>> summary = conn.execute(perCustomer).mappings().all();
            // end::aggregate[]
            out.add(summary.size() + " customers with orders");

            // tag::subquery[]
            Select withoutOrders = select(c.email)
                    .where(notExists(select(o.id).where(o.customerId.eq(c.id))));   // correlated automatically
            Select withOrders = select(c.email).where(exists(select(o.id).where(o.customerId.eq(c.id))));
            // end::subquery[]
            out.add("without orders: " + conn.execute(withoutOrders).scalars(String.class).all());
            out.add("with orders: " + conn.execute(withOrders.orderBy(c.email)).scalars(String.class).all());

            // tag::alias[]
            TableAlias referrer = c.as("referrer");
            Select referrals = select(c.email, referrer.column(c.email).as("referred_by"))
                    .from(c.join(referrer, c.referredBy.eq(referrer.column(c.id))))
                    .orderBy(c.email);
            // end::alias[]
            for (var row : conn.execute(referrals)) {
                out.add(row.getString(0) + " <- " + row.getString(1));
            }

            // tag::window[]
            Select ranked = select(o.id, rank().over(Window.partitionBy(o.customerId).orderBy(o.total.desc())).as("rank"))
                    .orderBy(o.id);
            // end::window[]
            out.add("ranks: " + conn.execute(ranked).map(r -> r.getLong(0) + "#" + r.getLong(1)).all());

            // tag::cte[]
            DerivedTable chain = select(c.id, c.email, c.referredBy).where(c.id.eq(3L)).cte("chain", true)
                    .unionAll(self -> select(c.id, c.email, c.referredBy)
                            .from(c.join(self, c.id.eq(self.column(c.referredBy)))));
            List<String> lineage = conn.execute(select(chain.column(c.email)).from(chain)).scalars(String.class).all();
            // end::cte[]
            out.add("lineage: " + lineage);

            // tag::update-delete[]
            conn.execute(update(o).set(o.items, o.items.plus(1)).where(o.customerId.eq(2L)));
            conn.execute(delete(o).where(o.total.lt(new BigDecimal("10"))));
            conn.execute(insert(c).value(c.id, 1L).value(c.email, "ada@example.org").value(c.city, "Cambridge")
                    .onConflictDoUpdate(List.of(c.id), u -> u.set(c.city, Excluded.of(c.city))));   // upsert
            conn.commit();
            // end::update-delete[]
            out.add("Ada lives in " + conn.execute(select(c.city).where(c.id.eq(1L))).scalar(String.class));
            out.add("orders left: " + conn.execute(select(count()).from(o)).scalar(Long.class));
        }
        return out;
    }
}
