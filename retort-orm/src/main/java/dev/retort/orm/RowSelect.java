package dev.retort.orm;

import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.MappedColumn;
import dev.retort.sql.Expression;
import dev.retort.sql.FromItem;
import dev.retort.sql.OrderItem;
import dev.retort.sql.Predicate;
import dev.retort.sql.Select;
import dev.retort.sql.Statements;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A SELECT of entities and column expressions together: {@code select(User.class, count(Order_.ID))}.
 * Each result is an {@link EntityRow} holding the entities (through the identity map) and the
 * values. Immutable.
 */
public final class RowSelect {
    private final List<Object> items;
    private final Select select;

    private RowSelect(List<Object> items, Select select) {
        this.items = items;
        this.select = select;
    }

    static RowSelect of(Object... items) {
        List<Object> kept = new ArrayList<>();
        List<Expression<?>> columns = new ArrayList<>();
        List<dev.retort.sql.Predicate> classes = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            Object item = items[i];
            if (item instanceof Class<?> c) {
                EntityMapping<?> m = EntityMapping.of(c);
                Polymorphic.checkSingleTable(m, "A row query");
                kept.add(m);
                dev.retort.sql.Predicate rows = Polymorphic.rowsOf(m);    // a subclass's rows of a shared table
                if (rows != null) {
                    classes.add(rows);
                }
                for (MappedColumn mc : LoadedColumns.defaults(m).columns()) {
                    columns.add(mc.column());
                }
            } else if (item instanceof Expression<?> e) {
                kept.add(e);
                columns.add(e);
            } else {
                throw new IllegalArgumentException("select(...) item " + i + " is " + (item == null ? "null" : "a " + item.getClass().getName())
                        + "; pass entity classes (User.class) and expressions (User_.NAME, count(...))");
            }
        }
        Select select = Statements.select(columns.toArray(new Expression<?>[0]));
        for (dev.retort.sql.Predicate p : classes) {
            select = select.where(p);
        }
        return new RowSelect(List.copyOf(kept), select);
    }

    /** @return entity mappings and expressions, in select order */
    List<Object> items() {
        return items;
    }

    String describeItems() {
        return items.stream().map(i -> i instanceof EntityMapping<?> m ? m.type().getSimpleName() : String.valueOf(i)).toList().toString();
    }

    /** @return the Core statement */
    public Select toSelect() {
        return select;
    }

    private RowSelect with(Select s) {
        return new RowSelect(items, s);
    }

    /**
     * @param items the FROM items, when they cannot be inferred from the columns
     * @return a new query
     */
    public RowSelect from(FromItem... items) {
        return with(select.from(items));
    }

    /**
     * @param condition a condition; several calls are joined with AND
     * @return a new query
     */
    public RowSelect where(Predicate condition) {
        return with(select.where(Objects.requireNonNull(condition, "condition")));
    }

    /**
     * @param item a table, alias or subquery
     * @param on the join condition
     * @return a new query
     */
    public RowSelect join(FromItem item, Predicate on) {
        return with(select.join(item, on));
    }

    /**
     * @param item a table, alias or subquery
     * @param on the join condition
     * @return a new query
     */
    public RowSelect outerJoin(FromItem item, Predicate on) {
        return with(select.outerJoin(item, on));
    }

    /**
     * @param expressions the grouping
     * @return a new query
     */
    public RowSelect groupBy(Expression<?>... expressions) {
        return with(select.groupBy(expressions));
    }

    /**
     * @param condition a condition on groups
     * @return a new query
     */
    public RowSelect having(Predicate condition) {
        return with(select.having(condition));
    }

    /**
     * @param order expressions, ascending
     * @return a new query
     */
    public RowSelect orderBy(Expression<?>... order) {
        return with(select.orderBy(order));
    }

    /**
     * @param order order items
     * @return a new query
     */
    public RowSelect orderBy(OrderItem... order) {
        return with(select.orderBy(order));
    }

    /**
     * @param n the most rows to return
     * @return a new query
     */
    public RowSelect limit(long n) {
        return with(select.limit(n));
    }

    /**
     * @param n rows to skip
     * @return a new query
     */
    public RowSelect offset(long n) {
        return with(select.offset(n));
    }

    @Override
    public String toString() {
        return select.toString();
    }
}
