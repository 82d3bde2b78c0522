package dev.retort.orm;

import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.MappedColumn;
import dev.retort.sql.Predicate;
import dev.retort.sql.Select;
import dev.retort.sql.Statements;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The query {@code Session.get} runs for an entity: its row by key, with a parameter per key
 * column ({@code id0}, {@code id1}, ...) and the joins of references loaded joined. Built once
 * per entity class, so a get neither builds nor walks a statement; only the values change.
 */
final class ByIdQuery {
    private static final ClassValue<ByIdQuery> QUERIES = new ClassValue<>() {
        @Override
        protected ByIdQuery computeValue(Class<?> type) {
            return new ByIdQuery(EntityMapping.of(type));
        }
    };

    private final Select select;
    private final int ownColumns;
    private final String[] parameters;

    private ByIdQuery(EntityMapping<?> mapping) {
        List<MappedColumn> ids = mapping.idColumns();
        parameters = new String[ids.size()];
        Predicate where = null;
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = "id" + i;
            Predicate eq = keyEquals(ids.get(i), parameters[i]);
            where = where == null ? eq : where.and(eq);
        }
        Select own = EntitySelect.of(mapping).where(where).toSelect();
        ownColumns = own.items().size();
        // The joins depend on the mapping alone (no query options): a throw-away loading builds them.
        select = new Loading(null, List.of()).withJoins(mapping, own);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate keyEquals(MappedColumn id, String parameter) {
        dev.retort.schema.Column column = id.column();
        return column.eq(Statements.bindparam(parameter, column.type()));
    }

    static ByIdQuery of(Class<?> type) {
        return QUERIES.get(type);
    }

    /** @return the statement */
    Select select() {
        return select;
    }

    /**
     * Registers this query's joins with the loading of one execution.
     *
     * @param loading the execution's loading
     * @param mapping the entity
     */
    void prepare(Loading loading, EntityMapping<?> mapping) {
        loading.registerJoins(mapping, ownColumns);
    }

    /**
     * @param idValues the key's column values, in key-column order
     * @return the parameter values
     */
    Map<String, Object> parameters(Object[] idValues) {
        if (parameters.length == 1) {
            return java.util.Collections.singletonMap(parameters[0], idValues[0]);
        }
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < parameters.length; i++) {
            m.put(parameters[i], idValues[i]);
        }
        return m;
    }
}
