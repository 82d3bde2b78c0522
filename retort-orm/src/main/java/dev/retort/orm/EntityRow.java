package dev.retort.orm;

import dev.retort.sql.Expression;

import java.util.Arrays;
import java.util.List;

/**
 * One result of a {@link RowSelect}: the entities and values in select order.
 */
public final class EntityRow {
    private final List<Object> items;
    private final Object[] values;

    EntityRow(List<Object> items, Object[] values) {
        this.items = items;
        this.values = values;
    }

    /**
     * @param index the item's position in the select
     * @return the entity or value there
     */
    public Object get(int index) {
        return values[index];
    }

    /**
     * The entity of a class selected in this row (the first, if selected twice).
     *
     * @param type the entity class
     * @param <E> the entity type
     * @return the entity, or {@code null} from an outer join that found none
     * @throws IllegalArgumentException if the class was not selected
     */
    public <E> E get(Class<E> type) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof dev.retort.orm.mapping.EntityMapping<?> m && m.type() == type) {
                return type.cast(values[i]);
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + " is not selected in this row; it holds " + describe());
    }

    /**
     * The value of an expression selected in this row.
     *
     * @param expression the expression, as passed to {@code select}
     * @param <T> its type
     * @return the value
     * @throws IllegalArgumentException if the expression was not selected
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Expression<T> expression) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == expression) {
                return (T) values[i];
            }
        }
        throw new IllegalArgumentException(expression + " is not selected in this row; it holds " + describe());
    }

    /** @return the number of items */
    public int size() {
        return values.length;
    }

    private String describe() {
        return items.stream().map(i -> i instanceof dev.retort.orm.mapping.EntityMapping<?> m ? m.type().getSimpleName() : String.valueOf(i)).toList().toString();
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
