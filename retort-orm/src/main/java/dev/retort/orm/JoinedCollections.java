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
     * @param mapping the owners' entity (single-column key)
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
        Column<?> id = mapping.idColumns().get(0).column();
        // The page selects the owners' key alone: their whole rows may repeat a column name (the id
        // of every table of a JOINED hierarchy), which a derived table refuses (MariaDB) or cannot
        // name (PostgreSQL). DISTINCT counts whole rows, so there it keeps them, each item named once.
        Expression<?> key = id;
        Expression<?>[] items = {id};
        if (owners.isDistinct()) {
            items = new Expression<?>[owners.items().size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = owners.items().get(i).as("owners_c" + i);
                if (owners.items().get(i).equals(id)) {
                    key = items[i];
                }
            }
        }
        DerivedTable page = owners.withOnlyColumns(items).subquery("owners_page");
        Select chosen = Statements.select(page.column(key)).from(page);
        return joined.unlimited().where(inPage(id, chosen)).orderBy(orderBy);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static dev.retort.sql.Predicate inPage(Column id, Select chosen) {
        return id.in(chosen);
    }
}
