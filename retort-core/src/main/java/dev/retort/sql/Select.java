package dev.retort.sql;

import dev.retort.types.SqlType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A SELECT statement. Immutable: each clause method returns a new statement. Made by
 * {@link Statements#select}.
 *
 * <pre>{@code
 * select(users.id, users.name).where(users.name.startsWith("a")).orderBy(users.id.desc()).limit(10)
 * }</pre>
 *
 * <p>Without {@link #from}, the FROM clause lists the tables of the columns used in the select
 * list and the WHERE clause, in order of first use.
 */
public final class Select extends ShapedStatement {
    private final List<Expression<?>> items;
    private final List<FromItem> from;
    private final Predicate where;
    private final List<Expression<?>> groupBy;
    private final Predicate having;
    private final List<OrderItem> orderBy;
    private final BindParameter<Long> limit;
    private final BindParameter<Long> offset;
    private final boolean distinct;
    private final Lock lock;
    private final List<Expression<?>> distinctOn;

    private Select(List<Expression<?>> items, List<FromItem> from, Predicate where, List<Expression<?>> groupBy,
                   Predicate having, List<OrderItem> orderBy, BindParameter<Long> limit, BindParameter<Long> offset,
                   boolean distinct) {
        this(items, from, where, groupBy, having, orderBy, limit, offset, distinct, null, List.of());
    }

    private Select(List<Expression<?>> items, List<FromItem> from, Predicate where, List<Expression<?>> groupBy,
                   Predicate having, List<OrderItem> orderBy, BindParameter<Long> limit, BindParameter<Long> offset,
                   boolean distinct, Lock lock, List<Expression<?>> distinctOn) {
        this.lock = lock;
        this.distinctOn = List.copyOf(distinctOn);
        this.items = List.copyOf(items);
        this.from = List.copyOf(from);
        this.where = where;
        this.groupBy = List.copyOf(groupBy);
        this.having = having;
        this.orderBy = List.copyOf(orderBy);
        this.limit = limit;
        this.offset = offset;
        this.distinct = distinct;
    }

    static Select of(List<Expression<?>> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("select(): name at least one column or expression, or a table");
        }
        for (Expression<?> e : items) {
            Objects.requireNonNull(e, "select(): an item is null");
        }
        return new Select(items, List.of(), null, List.of(), null, List.of(), null, null, false);
    }

    /**
     * Adds items to the select list, after those it has (the ORM adds the columns of objects it
     * loads through a join).
     *
     * @param more the columns or expressions to add
     * @return a new statement
     */
    public Select addColumns(Expression<?>... more) {
        List<Expression<?>> all = new java.util.ArrayList<>(items);
        for (Expression<?> e : more) {
            all.add(Objects.requireNonNull(e, "addColumns(): an item is null"));
        }
        return new Select(all, from, where, groupBy, having, orderBy, limit, offset, distinct, lock, distinctOn);
    }

    /**
     * Replaces the select list, keeping every other clause (the ORM leaves deferred columns out of
     * an entity query this way). A statement without an explicit FROM infers it from the new list.
     *
     * @param items the columns or expressions to select, at least one
     * @return a new statement
     * @throws IllegalArgumentException if no item is given
     */
    public Select withOnlyColumns(Expression<?>... items) {
        Objects.requireNonNull(items, "items");
        if (items.length == 0) {
            throw new IllegalArgumentException("withOnlyColumns(): name at least one column or expression");
        }
        for (Expression<?> e : items) {
            Objects.requireNonNull(e, "withOnlyColumns(): an item is null");
        }
        return new Select(Arrays.asList(items), from, where, groupBy, having, orderBy, limit, offset, distinct, lock, distinctOn);
    }

    /**
     * Sets the FROM clause.
     *
     * @param items tables to read from
     * @return a new statement
     */
    public Select from(FromItem... items) {
        return new Select(this.items, Arrays.asList(items), where, groupBy, having, orderBy, limit, offset, distinct, lock, distinctOn);
    }

    /**
     * Joins a table to the FROM item it has a foreign key with (or that has one to it), with the
     * condition inferred from that key: {@code select(users.name, orders.total).join(orders)}.
     *
     * @param right the table to join
     * @return a new statement
     */
    public Select join(TableReference right) {
        return joined(right, null, false);
    }

    /**
     * Joins an item to the first FROM item, ON a condition.
     *
     * @param right the item to join
     * @param on the condition
     * @return a new statement
     */
    public Select join(FromItem right, Predicate on) {
        return joined(right, Objects.requireNonNull(on, "on"), false);
    }

    /**
     * LEFT OUTER JOIN of a table, the condition inferred from the foreign key.
     *
     * @param right the table to join
     * @return a new statement
     */
    public Select outerJoin(TableReference right) {
        return joined(right, null, true);
    }

    /**
     * LEFT OUTER JOIN of an item ON a condition.
     *
     * @param right the item to join
     * @param on the condition
     * @return a new statement
     */
    public Select outerJoin(FromItem right, Predicate on) {
        return joined(right, Objects.requireNonNull(on, "on"), true);
    }

    private Select joined(FromItem right, Predicate on, boolean outer) {
        List<FromItem> current = new ArrayList<>(fromItems());
        current.removeIf(f -> f.equals(right));
        if (current.isEmpty()) {
            throw new IllegalArgumentException("join(" + right + "): there is nothing to join it to; select a column "
                    + "of another table or call from(...) first");
        }
        int at = 0;
        if (on == null) {
            for (int i = 0; i < current.size(); i++) {
                boolean linked = false;
                for (TableReference t : current.get(i).tables()) {
                    linked |= !t.foreignKeyLinks((TableReference) right).isEmpty();
                }
                if (linked) {
                    at = i;
                    break;
                }
            }
        }
        FromItem base = current.get(at);
        Join j;
        if (on == null) {
            j = outer ? base.outerJoin((TableReference) right) : base.join((TableReference) right);
        } else {
            j = outer ? base.outerJoin(right, on) : base.join(right, on);
        }
        current.set(at, j);
        return new Select(items, current, where, groupBy, having, orderBy, limit, offset, distinct, lock, distinctOn);
    }

    /**
     * Adds a WHERE condition, AND-ed with any before it.
     *
     * @param condition the condition
     * @return a new statement
     */
    public Select where(Predicate condition) {
        Objects.requireNonNull(condition, "where(condition)");
        return new Select(items, from, where == null ? condition : where.and(condition), groupBy, having, orderBy,
                limit, offset, distinct, lock, distinctOn);
    }

    /**
     * Sets GROUP BY.
     *
     * @param expressions the grouping expressions
     * @return a new statement
     */
    public Select groupBy(Expression<?>... expressions) {
        return new Select(items, from, where, Arrays.asList(expressions), having, orderBy, limit, offset, distinct, lock, distinctOn);
    }

    /**
     * Adds a HAVING condition, AND-ed with any before it.
     *
     * @param condition the condition
     * @return a new statement
     */
    public Select having(Predicate condition) {
        Objects.requireNonNull(condition, "having(condition)");
        return new Select(items, from, where, groupBy, having == null ? condition : having.and(condition), orderBy,
                limit, offset, distinct, lock, distinctOn);
    }

    /**
     * Sets ORDER BY.
     *
     * @param order the order items ({@code column.desc()}, {@code column.asc().nullsLast()})
     * @return a new statement
     */
    public Select orderBy(OrderItem... order) {
        return new Select(items, from, where, groupBy, having, Arrays.asList(order), limit, offset, distinct, lock, distinctOn);
    }

    /**
     * Sets ORDER BY, ascending.
     *
     * @param expressions the expressions
     * @return a new statement
     */
    public Select orderBy(Expression<?>... expressions) {
        List<OrderItem> order = new ArrayList<>();
        for (Expression<?> e : expressions) {
            order.add(e.asc());
        }
        return new Select(items, from, where, groupBy, having, order, limit, offset, distinct, lock, distinctOn);
    }

    /**
     * Returns at most {@code n} rows.
     *
     * @param n zero or more
     * @return a new statement
     */
    public Select limit(long n) {
        return new Select(items, from, where, groupBy, having, orderBy, rowCount("limit", n),
                offset, distinct, lock, distinctOn);
    }

    /**
     * Skips the first {@code n} rows.
     *
     * @param n zero or more
     * @return a new statement
     */
    public Select offset(long n) {
        return new Select(items, from, where, groupBy, having, orderBy, limit, rowCount("offset", n), distinct, lock, distinctOn);
    }

    /**
     * The same statement without LIMIT and OFFSET: to read every row of what a limited query
     * chose (the ORM does, when it joins collections to a page of owners chosen in a subquery).
     *
     * @return a new statement
     */
    public Select unlimited() {
        return new Select(items, from, where, groupBy, having, orderBy, null, null, distinct, lock, distinctOn);
    }

    /**
     * This SELECT as a value: a scalar subquery. It must select one column and return at most
     * one row.
     *
     * @param <T> the column's Java type
     * @return the expression
     * @throws IllegalArgumentException if it selects more than one column
     */
    @SuppressWarnings("unchecked")
    public <T> Expression<T> asScalar() {
        if (items.size() != 1) {
            throw new IllegalArgumentException("asScalar(): a scalar subquery selects one column, this one selects "
                    + items.size());
        }
        return new SubqueryExpression<>(this, (SqlType<T>) items.get(0).type());
    }

    /** @return SELECT DISTINCT */
    public Select distinct() {
        return new Select(items, from, where, groupBy, having, orderBy, limit, offset, true, lock, distinctOn);
    }

    /**
     * {@code SELECT DISTINCT ON (expressions)}: the first row of each group of equal values
     * (PostgreSQL only; order by the same expressions first).
     *
     * @param expressions the expressions
     * @return a new statement
     */
    public Select distinctOn(Expression<?>... expressions) {
        return new Select(items, from, where, groupBy, having, orderBy, limit, offset, false, lock, Arrays.asList(expressions));
    }

    /**
     * Locks the rows read: {@code FOR UPDATE}.
     *
     * @return a new statement
     */
    public Select forUpdate() {
        return withLock(new Lock(false, List.of(), Lock.Wait.WAIT));
    }

    /**
     * Locks the rows read with a choice of waiting, and of tables (PostgreSQL: {@code OF}).
     *
     * @param wait wait, NOWAIT or SKIP LOCKED
     * @param of the tables whose rows are locked; none for all
     * @return a new statement
     */
    public Select forUpdate(Lock.Wait wait, TableReference... of) {
        return withLock(new Lock(false, Arrays.asList(of), wait));
    }

    /**
     * Locks the rows read against writes only: {@code FOR SHARE}.
     *
     * @return a new statement
     */
    public Select forShare() {
        return withLock(new Lock(true, List.of(), Lock.Wait.WAIT));
    }

    private Select withLock(Lock l) {
        return new Select(items, from, where, groupBy, having, orderBy, limit, offset, distinct, l, distinctOn);
    }

    /** @return the locking clause, or {@code null} */
    public Lock lock() {
        return lock;
    }

    /** @return the DISTINCT ON expressions; empty when not used */
    public List<Expression<?>> distinctOn() {
        return distinctOn;
    }

    /**
     * This SELECT as a table in FROM: {@code (SELECT ...) AS alias}. Its items need names
     * (columns, or expressions given one with {@code as}).
     *
     * @param alias the alias
     * @return the derived table
     */
    public DerivedTable subquery(String alias) {
        return new DerivedTable(alias, this, false, false, items);
    }

    /**
     * This SELECT as a common table expression, rendered in a WITH clause of the statement that
     * uses it.
     *
     * @param name the CTE's name
     * @return the CTE
     */
    public DerivedTable cte(String name) {
        return new DerivedTable(name, this, true, false, items);
    }

    /**
     * This SELECT as the anchor of a recursive CTE; complete it with
     * {@link DerivedTable#unionAll(java.util.function.Function)}.
     *
     * @param name the CTE's name
     * @param recursive must be true
     * @return the anchor CTE
     */
    public DerivedTable cte(String name, boolean recursive) {
        if (!recursive) {
            return cte(name);
        }
        return new DerivedTable(name, this, true, true, items);
    }

    /**
     * {@code this UNION other}.
     *
     * @param other the other SELECT
     * @return the compound
     */
    public CompoundSelect union(Select other) {
        return new CompoundSelect(List.of(this, other), List.of(CompoundSelect.Kind.UNION), List.of(), null, null);
    }

    /**
     * {@code this UNION ALL other}.
     *
     * @param other the other SELECT
     * @return the compound
     */
    public CompoundSelect unionAll(Select other) {
        return new CompoundSelect(List.of(this, other), List.of(CompoundSelect.Kind.UNION_ALL), List.of(), null, null);
    }

    /**
     * {@code this INTERSECT other}.
     *
     * @param other the other SELECT
     * @return the compound
     */
    public CompoundSelect intersect(Select other) {
        return new CompoundSelect(List.of(this, other), List.of(CompoundSelect.Kind.INTERSECT), List.of(), null, null);
    }

    /**
     * {@code this EXCEPT other}.
     *
     * @param other the other SELECT
     * @return the compound
     */
    public CompoundSelect except(Select other) {
        return new CompoundSelect(List.of(this, other), List.of(CompoundSelect.Kind.EXCEPT), List.of(), null, null);
    }

    /** @return the select list */
    public List<Expression<?>> items() {
        return items;
    }

    /** @return the FROM clause as given, or as inferred from the columns used */
    public List<FromItem> fromItems() {
        if (!from.isEmpty()) {
            return from;
        }
        Set<FromItem> tables = new LinkedHashSet<>();
        TableCollector collector = new TableCollector(tables);
        for (Expression<?> e : items) {
            e.accept(collector);
        }
        if (where != null) {
            where.accept(collector);
        }
        return List.copyOf(tables);
    }

    /** @return whether the FROM clause was given (rather than inferred from the columns) */
    public boolean hasExplicitFrom() {
        return !from.isEmpty();
    }

    /** @return the WHERE condition, or {@code null} */
    public Predicate where() {
        return where;
    }

    /** @return GROUP BY */
    public List<Expression<?>> groupBy() {
        return groupBy;
    }

    /** @return the HAVING condition, or {@code null} */
    public Predicate having() {
        return having;
    }

    /** @return ORDER BY */
    public List<OrderItem> orderBy() {
        return orderBy;
    }

    /** @return the LIMIT as a bound parameter, or {@code null} */
    public BindParameter<Long> limit() {
        return limit;
    }

    /** @return the OFFSET as a bound parameter, or {@code null} */
    public BindParameter<Long> offset() {
        return offset;
    }

    /** @return whether it is SELECT DISTINCT */
    public boolean isDistinct() {
        return distinct;
    }

    @Override
    public void walk(Shape.Walker w) {
        w.token(Select.class).token(distinct).token(hasExplicitFrom()).expressions(items);
        List<FromItem> f = fromItems();
        w.token(f.size());
        for (FromItem item : f) {
            w.from(item);
        }
        w.expression(where).expressions(groupBy).expression(having).token(orderBy.size());
        for (OrderItem o : orderBy) {
            w.expression(o.expression()).token(o.descending()).token(o.nulls());
        }
        w.expression(limit).expression(offset).expressions(distinctOn);
        if (lock == null) {
            w.token(false);
        } else {
            w.token(true).token(lock.share()).token(lock.waitPolicy()).token(lock.of().size());
            for (TableReference t : lock.of()) {
                w.from(t);
            }
        }
    }

    @Override
    public List<Expression<?>> resultExpressions() {
        return items;
    }

    @Override
    public <R> R accept(StatementVisitor<R> visitor) {
        return visitor.visitSelect(this);
    }

    /** @return the statement as SQL (PostgreSQL's spelling, {@code ?} for parameters) */
    @Override
    public String toString() {
        return StatementFormatter.describe(this, "SELECT " + items);
    }
}
