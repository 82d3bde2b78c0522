package dev.retort.orm;

import dev.retort.orm.mapping.EntityMapping;
import dev.retort.sql.Expression;
import dev.retort.sql.FromItem;
import dev.retort.sql.OrderItem;
import dev.retort.sql.Predicate;
import dev.retort.sql.Select;
import dev.retort.sql.TableReference;

import java.util.List;
import java.util.Objects;

/**
 * A SELECT whose rows are entities: the columns of the entity's table (all but the
 * {@link Deferred} ones, unless column options say otherwise), then whatever the query adds
 * (joins, conditions, order, limits). Immutable; each method returns a new query. Run it with
 * {@link Session#execute(EntitySelect)}; the objects come through the session's identity map.
 *
 * <pre>{@code
 * List<User> users = session.execute(select(User.class).where(User_.NAME.like("a%")).orderBy(User_.NAME)).all();
 * }</pre>
 *
 * @param <E> the entity type
 */
public final class EntitySelect<E> {
    private final EntityMapping<E> mapping;
    private final Select select;
    private final List<LoadOption> options;
    private final LoadedColumns columns;

    EntitySelect(EntityMapping<E> mapping, Select select, List<LoadOption> options, LoadedColumns columns) {
        this.mapping = mapping;
        this.select = select;
        this.options = options;
        this.columns = columns;
    }

    static <E> EntitySelect<E> of(EntityMapping<E> mapping) {
        return of(mapping, LoadedColumns.defaults(mapping));
    }

    /** The query of an entity reading some of its columns. */
    static <E> EntitySelect<E> of(EntityMapping<E> mapping, LoadedColumns columns) {
        Select select = Polymorphic.select(mapping, columns.items());
        Predicate classes = Polymorphic.rowsOf(mapping);
        return new EntitySelect<>(mapping, classes == null ? select : select.where(classes), List.of(), columns);
    }

    /**
     * Loads relationships of this query's objects other than their defaults say, and reads
     * other columns than the entity's default ({@code undefer}, {@code undeferGroup},
     * {@code defer}, {@code loadOnly}; applied in order).
     *
     * @param more loading options ({@code selectInLoad(User_.ORDERS)}, {@code undefer(User_.BIO)}, ...)
     * @return a new query
     * @throws IllegalArgumentException if an option is not about a relationship or column of this
     *         entity, names a relationship's key column, or defers a column that always loads
     */
    public EntitySelect<E> options(LoadOption... more) {
        List<LoadOption> all = new java.util.ArrayList<>(options);
        LoadedColumns read = columns;
        for (LoadOption o : more) {
            if (o.columnChoice() != null) {
                read = ColumnChoices.apply(read, o);
                continue;
            }
            Class<?> owner = o.relationship().owner();     // in a hierarchy: an ancestor's, or a subclass's (for its rows)
            if (!owner.isAssignableFrom(mapping.type()) && !mapping.type().isAssignableFrom(owner)) {
                throw new IllegalArgumentException("options(" + o + "): " + o.relationship() + " is not a relationship of "
                        + mapping.type().getSimpleName() + "; start the path at " + mapping.type().getSimpleName()
                        + " and go on with then(...)");
            }
            all.add(o);
        }
        Select s = read == columns ? select : select.withOnlyColumns(read.items());
        return new EntitySelect<>(mapping, s, List.copyOf(all), read);
    }

    /** @return the loading options of relationships */
    List<LoadOption> loadOptions() {
        return options;
    }

    /** @return the entity's columns this query reads */
    LoadedColumns loadedColumns() {
        return columns;
    }

    /** @return the entity's mapping */
    public EntityMapping<E> mapping() {
        return mapping;
    }

    /** @return the Core statement (to use as a subquery, or to print) */
    public Select toSelect() {
        return select;
    }

    private EntitySelect<E> with(Select s) {
        return new EntitySelect<>(mapping, s, options, columns);
    }

    /**
     * @param condition a condition; several calls are joined with AND
     * @return a new query
     */
    public EntitySelect<E> where(Predicate condition) {
        return with(select.where(Objects.requireNonNull(condition, "condition")));
    }

    /**
     * Joins another table on the foreign key between them.
     *
     * @param table the table
     * @return a new query
     */
    public EntitySelect<E> join(TableReference table) {
        return with(select.join(table));
    }

    /**
     * Joins the table of a relationship ({@code join(Customer_.INVOICES)}), to filter or order by
     * its columns: a relationship of this entity, or of an entity joined before, so a path is a
     * chain of joins ({@code join(Basket_.LINES).join(BasketLine_.PRODUCT)}). A many-to-many joins
     * its association table, then the related table. The objects returned are still this
     * entity's; use {@link #distinct()} when a to-many join repeats them.
     *
     * @param relation a relationship of this entity or of one joined before
     * @return a new query
     * @throws IllegalArgumentException if the relationship's owner is not in the query yet
     */
    public EntitySelect<E> join(dev.retort.orm.mapping.Relation<?, ?> relation) {
        return with(RelationJoins.join(select, relation.relationship(), null, false));
    }

    /**
     * LEFT OUTER JOINs the table of a relationship of this entity or of an entity joined before.
     *
     * @param relation a relationship of this entity or of one joined before
     * @return a new query
     */
    public EntitySelect<E> outerJoin(dev.retort.orm.mapping.Relation<?, ?> relation) {
        return with(RelationJoins.join(select, relation.relationship(), null, true));
    }

    /**
     * Joins the related entity under an alias, along a relationship: for a relationship of an
     * entity with itself, or to join one entity twice. Conditions then use the alias's columns
     * ({@code boss.column(Employee_.NAME)}). The association table of a many-to-many is joined
     * under the alias followed by {@code _link}.
     *
     * @param relation a relationship of this entity or of one joined before
     * @param alias an alias of the related entity's table ({@code Employee_.TABLE.as("boss")})
     * @return a new query
     */
    public EntitySelect<E> join(dev.retort.orm.mapping.Relation<?, ?> relation, dev.retort.sql.TableAlias alias) {
        return with(RelationJoins.join(select, relation.relationship(), Objects.requireNonNull(alias, "alias"), false));
    }

    /**
     * {@link #join(dev.retort.orm.mapping.Relation, dev.retort.sql.TableAlias)} as a LEFT OUTER JOIN.
     *
     * @param relation a relationship of this entity or of one joined before
     * @param alias an alias of the related entity's table
     * @return a new query
     */
    public EntitySelect<E> outerJoin(dev.retort.orm.mapping.Relation<?, ?> relation, dev.retort.sql.TableAlias alias) {
        return with(RelationJoins.join(select, relation.relationship(), Objects.requireNonNull(alias, "alias"), true));
    }

    /**
     * @param item a table, alias or subquery
     * @param on the join condition
     * @return a new query
     */
    public EntitySelect<E> join(FromItem item, Predicate on) {
        return with(select.join(item, on));
    }

    /**
     * @param item a table, alias or subquery
     * @param on the join condition
     * @return a new query
     */
    public EntitySelect<E> outerJoin(FromItem item, Predicate on) {
        return with(select.outerJoin(item, on));
    }

    /**
     * @param order expressions, ascending
     * @return a new query
     */
    public EntitySelect<E> orderBy(Expression<?>... order) {
        return with(select.orderBy(order));
    }

    /**
     * @param order order items ({@code expr.desc()}, ...)
     * @return a new query
     */
    public EntitySelect<E> orderBy(OrderItem... order) {
        return with(select.orderBy(order));
    }

    /**
     * @param n the most rows to return
     * @return a new query
     */
    public EntitySelect<E> limit(long n) {
        return with(select.limit(n));
    }

    /**
     * @param n rows to skip
     * @return a new query
     */
    public EntitySelect<E> offset(long n) {
        return with(select.offset(n));
    }

    /** @return a new query without duplicate rows (after joins) */
    public EntitySelect<E> distinct() {
        return with(select.distinct());
    }

    /** @return a new query that locks the rows it reads ({@code FOR UPDATE}) */
    public EntitySelect<E> forUpdate() {
        return with(select.forUpdate());
    }

    /** @return the columns the query selects, in order */
    List<Expression<?>> items() {
        return select.items();
    }

    @Override
    public String toString() {
        return select.toString();
    }
}
