package dev.retort.sql;


import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SELECTs combined with UNION, UNION ALL, INTERSECT or EXCEPT, with an optional ORDER BY and
 * LIMIT/OFFSET on the whole. Made by {@link Select#union} and its siblings. ORDER BY names items
 * of the first SELECT and is rendered by position.
 */
public final class CompoundSelect extends ShapedStatement {

    /** The set operators. */
    public enum Kind {
        /** UNION: distinct rows of both. */
        UNION("UNION"),
        /** UNION ALL: all rows of both. */
        UNION_ALL("UNION ALL"),
        /** INTERSECT: rows in both. */
        INTERSECT("INTERSECT"),
        /** EXCEPT: rows of the first not in the second. */
        EXCEPT("EXCEPT");

        private final String sql;

        Kind(String sql) {
            this.sql = sql;
        }

        /** @return the operator as SQL writes it */
        public String sql() {
            return sql;
        }
    }

    private final List<Select> selects;
    private final List<Kind> kinds;
    private final List<OrderItem> orderBy;
    private final BindParameter<Long> limit;
    private final BindParameter<Long> offset;

    CompoundSelect(List<Select> selects, List<Kind> kinds, List<OrderItem> orderBy, BindParameter<Long> limit,
                   BindParameter<Long> offset) {
        this.selects = List.copyOf(selects);
        this.kinds = List.copyOf(kinds);
        this.orderBy = List.copyOf(orderBy);
        this.limit = limit;
        this.offset = offset;
        int width = this.selects.get(0).items().size();
        for (Select s : this.selects) {
            if (s.items().size() != width) {
                throw new IllegalArgumentException(this.kinds.get(0).sql() + " of SELECTs with " + width + " and "
                        + s.items().size() + " columns: every SELECT must have as many columns");
            }
        }
    }

    private CompoundSelect add(Kind kind, Select next) {
        List<Select> s = new ArrayList<>(selects);
        s.add(Objects.requireNonNull(next, "select"));
        List<Kind> k = new ArrayList<>(kinds);
        k.add(kind);
        return new CompoundSelect(s, k, orderBy, limit, offset);
    }

    /**
     * UNION with another SELECT.
     *
     * @param next the SELECT
     * @return a new compound
     */
    public CompoundSelect union(Select next) {
        return add(Kind.UNION, next);
    }

    /**
     * UNION ALL with another SELECT.
     *
     * @param next the SELECT
     * @return a new compound
     */
    public CompoundSelect unionAll(Select next) {
        return add(Kind.UNION_ALL, next);
    }

    /**
     * INTERSECT with another SELECT.
     *
     * @param next the SELECT
     * @return a new compound
     */
    public CompoundSelect intersect(Select next) {
        return add(Kind.INTERSECT, next);
    }

    /**
     * EXCEPT another SELECT.
     *
     * @param next the SELECT
     * @return a new compound
     */
    public CompoundSelect except(Select next) {
        return add(Kind.EXCEPT, next);
    }

    /**
     * Orders the whole result by items of the first SELECT.
     *
     * @param order the order items
     * @return a new compound
     */
    public CompoundSelect orderBy(OrderItem... order) {
        for (OrderItem o : order) {
            position(o.expression());
        }
        return new CompoundSelect(selects, kinds, List.of(order), limit, offset);
    }

    /**
     * Limits the whole result.
     *
     * @param n the most rows
     * @return a new compound
     */
    public CompoundSelect limit(long n) {
        return new CompoundSelect(selects, kinds, orderBy, rowCount("limit", n), offset);
    }

    /**
     * Skips rows of the whole result.
     *
     * @param n rows to skip
     * @return a new compound
     */
    public CompoundSelect offset(long n) {
        return new CompoundSelect(selects, kinds, orderBy, limit, rowCount("offset", n));
    }

    /**
     * The 1-based position of an item of the first SELECT.
     *
     * @param e the item
     * @return its position
     */
    public int position(Expression<?> e) {
        List<Expression<?>> items = selects.get(0).items();
        for (int i = 0; i < items.size(); i++) {
            Expression<?> item = items.get(i);
            if (item == e || (item instanceof Aliased<?> a && a.expression() == e)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("ORDER BY of a " + kinds.get(0).sql() + " must name an item of the first SELECT");
    }

    /** @return the SELECTs */
    public List<Select> selects() {
        return selects;
    }

    /** @return the operators between them */
    public List<Kind> kinds() {
        return kinds;
    }

    /** @return ORDER BY on the whole */
    public List<OrderItem> orderBy() {
        return orderBy;
    }

    /** @return LIMIT on the whole, or {@code null} */
    public BindParameter<Long> limit() {
        return limit;
    }

    /** @return OFFSET on the whole, or {@code null} */
    public BindParameter<Long> offset() {
        return offset;
    }

    @Override
    public void walk(Shape.Walker w) {
        w.token(CompoundSelect.class).token(kinds);
        for (Select s : selects) {
            s.walk(w);
        }
        w.token(orderBy.size());
        for (OrderItem o : orderBy) {
            w.token(position(o.expression())).token(o.descending()).token(o.nulls());
        }
        w.expression(limit).expression(offset);
    }

    @Override
    public List<Expression<?>> resultExpressions() {
        return selects.get(0).items();
    }

    @Override
    public <R> R accept(StatementVisitor<R> visitor) {
        return visitor.visitCompound(this);
    }

    /** @return the statement as SQL (PostgreSQL's spelling, {@code ?} for parameters) */
    @Override
    public String toString() {
        return StatementFormatter.describe(this, kinds.get(0).sql() + " of " + selects.size() + " SELECTs");
    }
}
