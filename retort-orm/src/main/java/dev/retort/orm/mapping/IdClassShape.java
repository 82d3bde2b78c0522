package dev.retort.orm.mapping;

import java.lang.invoke.MethodHandle;

/**
 * The record declared by {@code @IdClass}: how to take a key apart into the id columns' values
 * and put one together, matching components to id fields by name.
 */
final class IdClassShape {
    private final Class<? extends Record> type;
    private final MethodHandle[] getters;     // in id-column order
    private final int[] columnOfComponent;    // component i takes id column columnOfComponent[i]
    private final MethodHandle constructor;

    IdClassShape(Class<? extends Record> type, MethodHandle[] getters, int[] columnOfComponent, MethodHandle constructor) {
        this.type = type;
        this.getters = getters;
        this.columnOfComponent = columnOfComponent;
        this.constructor = constructor;
    }

    Class<? extends Record> type() {
        return type;
    }

    Object[] parts(Object key) {
        Object[] parts = new Object[getters.length];
        try {
            for (int i = 0; i < getters.length; i++) {
                parts[i] = getters[i].invoke(key);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return parts;
    }

    Object make(Object[] idColumnValues) {
        Object[] args = new Object[columnOfComponent.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = idColumnValues[columnOfComponent[i]];
        }
        try {
            return constructor.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("Cannot build a " + type.getName() + ": " + t, t);
        }
    }
}
