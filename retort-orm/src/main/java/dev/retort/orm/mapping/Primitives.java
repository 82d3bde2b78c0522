package dev.retort.orm.mapping;

import java.util.Map;

/** Primitive types and their wrappers. */
final class Primitives {
    private static final Map<Class<?>, Class<?>> WRAPPERS = Map.of(
            boolean.class, Boolean.class, byte.class, Byte.class, short.class, Short.class, char.class, Character.class,
            int.class, Integer.class, long.class, Long.class, float.class, Float.class, double.class, Double.class);

    private Primitives() {
    }

    /**
     * @param type a type
     * @return its wrapper if it is primitive, else itself
     */
    static Class<?> box(Class<?> type) {
        return type.isPrimitive() ? WRAPPERS.get(type) : type;
    }
}
