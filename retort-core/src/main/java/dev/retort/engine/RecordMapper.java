package dev.retort.engine;

import dev.retort.RetortException;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.function.Function;

/**
 * Maps rows into a Java record by name: each record component takes the column of the same
 * name, ignoring case, or its snake_case form ({@code firstName} reads {@code first_name}).
 * Built once per result; reflection runs only here, not per row.
 */
final class RecordMapper<R> implements Function<Row, R> {
    private final Class<R> type;
    private final Constructor<R> constructor;
    private final int[] positions;
    private final Class<?>[] types;
    private final String[] what;

    RecordMapper(Class<R> type, ColumnIndex columns) {
        if (!type.isRecord()) {
            throw new RetortException("into(" + type.getName() + "): only records can be filled by column name. "
                    + "Declare it as a record, or map rows yourself with map(row -> ...).");
        }
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        positions = new int[components.length];
        types = new Class<?>[components.length];
        what = new String[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            int pos = columns.find(name);
            if (pos < 0) {
                pos = columns.find(snakeCase(name));
            }
            if (pos < 0) {
                throw new RetortException("Record " + type.getSimpleName() + " has a component '" + name
                        + "' but the result has no column '" + name + "' or '" + snakeCase(name) + "'; its columns are "
                        + columns.labels() + ". Alias a column AS " + name + ".");
            }
            positions[i] = pos;
            types[i] = components[i].getType();
            what[i] = "column '" + columns.labels().get(pos) + "' for " + type.getSimpleName() + "." + name;
        }
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.trySetAccessible();
        } catch (NoSuchMethodException e) {
            throw new RetortException("Record " + type.getName() + " has no canonical constructor", e);
        }
    }

    static String snakeCase(String camel) {
        StringBuilder b = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                b.append('_');
            }
            b.append(Character.toLowerCase(c));
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public R apply(Row row) {
        Object[] args = new Object[positions.length];
        for (int i = 0; i < positions.length; i++) {
            Object v = Conversions.convert(row.get(positions[i]), types[i], what[i]);
            if (v == null && types[i].isPrimitive()) {
                throw new RetortException("The " + what[i] + " is NULL but the component is a primitive "
                        + types[i].getName() + ". Use " + Conversions.boxed(types[i]).getSimpleName() + " to allow NULL.");
            }
            args[i] = v;
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new RetortException("The constructor of " + type.getSimpleName() + " threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new RetortException("Cannot construct " + type.getName() + ": " + e.getMessage()
                    + ". Make the record public, or open its package to dev.retort.core.", e);
        }
    }
}
