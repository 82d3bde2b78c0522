package dev.retort.orm;

import dev.retort.orm.mapping.EntityMapping;
import dev.retort.sql.ColumnReference;
import dev.retort.sql.Expression;
import dev.retort.sql.Predicate;
import dev.retort.sql.Statements;
import dev.retort.sql.Update;

import java.util.Objects;

/**
 * A bulk UPDATE of an entity's table, run as one statement by
 * {@link Session#execute(EntityUpdate, Synchronize)}: no objects are loaded, and the version column
 * and lifecycle hooks are not involved.
 *
 * <pre>{@code
 * long n = session.execute(update(Account.class).set(Account_.BALANCE, Account_.BALANCE.plus(10L))
 *         .where(Account_.OWNER.eq("ada")), Synchronize.FETCH);
 * }</pre>
 *
 * @param <E> the entity type
 */
public final class EntityUpdate<E> {
    private final EntityMapping<E> mapping;
    private final Update update;

    EntityUpdate(EntityMapping<E> mapping, Update update) {
        this.mapping = mapping;
        this.update = update;
    }

    static <E> EntityUpdate<E> of(EntityMapping<E> mapping) {
        Polymorphic.checkSingleTable(mapping, "update(...)");
        var statement = Statements.update(mapping.table());
        Predicate classes = Polymorphic.rowsOf(mapping);       // a subclass's rows of a shared table
        return new EntityUpdate<>(mapping, classes == null ? statement : statement.where(classes));
    }

    /** @return the entity's mapping */
    public EntityMapping<E> mapping() {
        return mapping;
    }

    /** @return the Core statement */
    public Update toUpdate() {
        return update;
    }

    /**
     * @param column a column of the entity's table
     * @param value its new value (bound)
     * @param <T> the column type
     * @return a new statement
     */
    public <T> EntityUpdate<E> set(ColumnReference<T> column, T value) {
        return new EntityUpdate<>(mapping, update.set(own(column), value));
    }

    /**
     * @param column a column of the entity's table
     * @param value an expression for the new value ({@code BALANCE.plus(10L)})
     * @param <T> the column type
     * @return a new statement
     */
    public <T> EntityUpdate<E> set(ColumnReference<T> column, Expression<T> value) {
        return new EntityUpdate<>(mapping, update.set(own(column), value));
    }

    /**
     * @param condition which rows; several calls are AND-ed
     * @return a new statement
     */
    public EntityUpdate<E> where(Predicate condition) {
        return new EntityUpdate<>(mapping, update.where(Objects.requireNonNull(condition, "condition")));
    }

    /** @return a statement that updates every row, on purpose */
    public EntityUpdate<E> whereAll() {
        if (Polymorphic.rowsOf(mapping) != null) {
            return this;                 // already limited to the rows of the class and its subclasses
        }
        return new EntityUpdate<>(mapping, update.whereAll());
    }

    private <T> ColumnReference<T> own(ColumnReference<T> column) {
        if (column.table() != mapping.table()) {
            throw new IllegalArgumentException("update(" + mapping.type().getSimpleName() + ".class) sets columns of "
                    + mapping.table().name() + "; " + column.name() + " belongs to " + column.table().name());
        }
        return column;
    }

    @Override
    public String toString() {
        return update.toString();
    }
}
