package dev.retort.orm;

import dev.retort.orm.mapping.MappedColumn;
import dev.retort.sql.Expression;
import dev.retort.sql.Statements;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One object's column values seen as the parameter map of a one-row INSERT whose parameters are
 * named after the columns' positions ({@code c0}, {@code c1}, ...): a read-only view over the
 * flush's value array, so a batch of many objects builds no map per object.
 */
final class ColumnValues extends AbstractMap<String, Object> {
    private final Layout layout;
    private final Object[] values;

    /**
     * The parameters of a group of columns and where each one's value sits in a value array.
     *
     * @param names the parameter names, one per column
     * @param indexes each name's position in the value array
     * @param parameters the parameters, for {@code values(...)} of the INSERT
     */
    record Layout(List<String> names, Map<String, Integer> indexes, Object[] parameters) {
    }

    static Layout layout(List<MappedColumn> columns) {
        String[] names = new String[columns.size()];
        Map<String, Integer> indexes = new HashMap<>();
        Object[] parameters = new Object[columns.size()];
        for (int i = 0; i < names.length; i++) {
            MappedColumn c = columns.get(i);
            names[i] = "c" + c.index();
            indexes.put(names[i], c.index());
            parameters[i] = parameter(names[i], c);
        }
        return new Layout(List.of(names), Map.copyOf(indexes), parameters);
    }

    private static Expression<?> parameter(String name, MappedColumn c) {
        return Statements.bindparam(name, c.column().type());
    }

    ColumnValues(Layout layout, Object[] values) {
        this.layout = layout;
        this.values = values;
    }

    @Override
    public Object get(Object key) {
        Integer i = layout.indexes().get(key);
        return i == null ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return layout.indexes().containsKey(key);
    }

    @Override
    public int size() {
        return layout.names().size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                Iterator<String> names = layout.names().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return names.hasNext();
                    }

                    @Override
                    public Entry<String, Object> next() {
                        String n = names.next();
                        return new SimpleImmutableEntry<>(n, values[layout.indexes().get(n)]);
                    }
                };
            }

            @Override
            public int size() {
                return layout.names().size();
            }
        };
    }
}
