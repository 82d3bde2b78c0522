package dev.retort.orm;

import dev.retort.orm.mapping.EntityMapping;

/**
 * Entry points of ORM queries, to import statically next to Core's {@code Statements}:
 *
 * <pre>{@code
 * import static dev.retort.orm.OrmStatements.select;
 *
 * session.execute(select(User.class).where(User_.NAME.eq("ada"))).one();
 * session.execute(select(User.class, count(Order_.ID)).join(...).groupBy(User_.ID)).all();
 * }</pre>
 */
public final class OrmStatements {
    private OrmStatements() {
    }

    /**
     * @param type an entity class
     * @param <E> the entity type
     * @return a query for its objects
     */
    public static <E> EntitySelect<E> select(Class<E> type) {
        return EntitySelect.of(EntityMapping.of(type));
    }

    /**
     * A bulk UPDATE of an entity's table; see {@link Session#execute(EntityUpdate, Synchronize)}.
     *
     * @param type an entity class
     * @param <E> the entity type
     * @return the statement, without assignments yet
     */
    public static <E> EntityUpdate<E> update(Class<E> type) {
        return EntityUpdate.of(EntityMapping.of(type));
    }

    /**
     * A bulk DELETE from an entity's table; see {@link Session#execute(EntityDelete, Synchronize)}.
     *
     * @param type an entity class
     * @param <E> the entity type
     * @return the statement, without a condition yet
     */
    public static <E> EntityDelete<E> delete(Class<E> type) {
        return EntityDelete.of(EntityMapping.of(type));
    }

    /**
     * @param first an entity class or expression
     * @param more further entity classes and expressions
     * @return a query whose rows hold entities and values
     */
    public static RowSelect select(Object first, Object... more) {
        Object[] all = new Object[more.length + 1];
        all[0] = first;
        System.arraycopy(more, 0, all, 1, more.length);
        return RowSelect.of(all);
    }
}
