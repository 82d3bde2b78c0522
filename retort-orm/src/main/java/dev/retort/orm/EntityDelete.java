package dev.retort.orm;

import dev.retort.orm.mapping.EntityMapping;
import dev.retort.sql.Delete;
import dev.retort.sql.Predicate;
import dev.retort.sql.Statements;

import java.util.Objects;

/**
 * A bulk DELETE from an entity's table, run as one statement by
 * {@link Session#execute(EntityDelete, Synchronize)}: no objects are loaded, and the version
 * column and lifecycle hooks are not involved.
 *
 * @param <E> the entity type
 */
public final class EntityDelete<E> {
    private final EntityMapping<E> mapping;
    private final Delete delete;

    EntityDelete(EntityMapping<E> mapping, Delete delete) {
        this.mapping = mapping;
        this.delete = delete;
    }

    static <E> EntityDelete<E> of(EntityMapping<E> mapping) {
        Polymorphic.checkSingleTable(mapping, "delete(...)");
        var statement = Statements.delete(mapping.table());
        Predicate classes = Polymorphic.rowsOf(mapping);       // a subclass's rows of a shared table
        return new EntityDelete<>(mapping, classes == null ? statement : statement.where(classes));
    }

    /** @return the entity's mapping */
    public EntityMapping<E> mapping() {
        return mapping;
    }

    /** @return the Core statement */
    public Delete toDelete() {
        return delete;
    }

    /**
     * @param condition which rows; several calls are AND-ed
     * @return a new statement
     */
    public EntityDelete<E> where(Predicate condition) {
        return new EntityDelete<>(mapping, delete.where(Objects.requireNonNull(condition, "condition")));
    }

    /** @return a statement that deletes every row, on purpose */
    public EntityDelete<E> whereAll() {
        if (Polymorphic.rowsOf(mapping) != null) {
            return this;                 // already limited to the rows of the class and its subclasses
        }
        return new EntityDelete<>(mapping, delete.whereAll());
    }

    @Override
    public String toString() {
        return delete.toString();
    }
}
