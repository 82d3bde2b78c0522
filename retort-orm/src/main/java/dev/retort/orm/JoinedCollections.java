package dev.retort.orm;

import dev.retort.orm.mapping.EntityMapping;
import dev.retort.schema.Column;
import dev.retort.sql.DerivedTable;
import dev.retort.sql.Expression;
import dev.retort.sql.OrderItem;
import dev.retort.sql.Select;
import dev.retort.sql.Statements;

import java.util.ArrayList;
import java.util.List;

/**
 * The query of owners whose one-to-many collections are joined: ordered so each owner's rows
 * come together and its elements in the collection's order, and, when the query has LIMIT or
 * OFFSET, with the page of owners chosen in a subquery, so the page counts owners rather than
 * joined rows:
 *
 * <pre>{@code
 * SELECT customer.*, c0_invoice.* FROM customer LEFT OUTER JOIN invoice AS c0_invoice ON ...
 * WHERE customer.id IN (SELECT owners_page.id FROM (SELECT customer.id FROM customer ... LIMIT ?) AS owners_page)
 * ORDER BY <the query's order>, customer.id, c0_invoice.number
 * }</pre>
 */
final class JoinedCollections {
    private JoinedCollections() {
    }

    /**
     * @param mapping the owners' entity
     * @param owners the query as the application wrote it
     * @param joined the same with the joins and columns of the loaded relationships added
     * @param collectionOrder the owners' key, then each joined collection's order
     * @param ownJoins whether Retort joined a collection (else every joined collection loads from
     *                 the query's own join, whose rows and page are the query's to choose)
     * @return the query to run
     */
    static Select page(EntityMapping<?> mapping, Select owners, Select joined, List<OrderItem> collectionOrder, boolean ownJoins) {
        List<OrderItem> order = new ArrayList<>(owners.orderBy());
        order.addAll(collectionOrder);
        OrderItem[] orderBy = order.toArray(new OrderItem[0]);
        if (!ownJoins || owners.limit() == null && owners.offset() == null) {
            return joined.orderBy(orderBy);
        }
        // The page selects the owners' key alone: their whole rows may repeat a column name (the id
        // of every table of a JOINED hierarchy), which a derived table refuses (MariaDB) or cannot
        // name (PostgreSQL). DISTINCT counts whole rows, so there it keeps them, each item named once.
        List<Column<?>> ids = new ArrayList<>();
        mapping.idColumns().forEach(c -> ids.add(c.column()));
        Expression<?>[] keys = ids.toArray(new Expression<?>[0]);
        Expression<?>[] items = keys.clone();
        if (owners.isDistinct()) {
            items = new Expression<?>[owners.items().size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = owners.items().get(i).as("owners_c" + i);
                int k = ids.indexOf(owners.items().get(i));
                if (k >= 0) {
                    keys[k] = items[i];
                }
            }
        }
        DerivedTable page = owners.withOnlyColumns(items).subquery("owners_page");
        if (ids.size() == 1) {
            Select chosen = Statements.select(page.column(keys[0])).from(page);
            return joined.unlimited().where(inPage(ids.get(0), chosen)).orderBy(orderBy);
        }
        // A composite key (an association object whose reference leads to a joined collection):
        // the page holds the row when every key column matches.
        dev.retort.sql.Predicate same = null;
        for (int i = 0; i < keys.length; i++) {
            dev.retort.sql.Predicate p = eq(page.column(keys[i]), ids.get(i));
            same = same == null ? p : same.and(p);
        }
        Select chosen = Statements.select(page.column(keys[0])).from(page).where(same);
        return joined.unlimited().where(dev.retort.sql.Functions.exists(chosen)).orderBy(orderBy);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static dev.retort.sql.Predicate eq(Expression a, Expression b) {
        return a.eq(b);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static dev.retort.sql.Predicate inPage(Column id, Select chosen) {
        return id.in(chosen);
    }
}
