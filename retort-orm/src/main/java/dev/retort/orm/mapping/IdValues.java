package dev.retort.orm.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Converts ids given by the application to the id column's Java type. */
final class IdValues {
    private IdValues() {
    }

    static Object convert(EntityMapping<?> mapping, MappedColumn column, Object value) {
        Class<?> target = column.column().type().javaType();
        if (value == null) {
            throw new IllegalArgumentException("The id of " + mapping.type().getSimpleName() + " has a null " + column.path());
        }
        if (target.isInstance(value)) {
            return value;
        }
        if (value instanceof Number n && isIntegral(n) && (target == Long.class || target == Integer.class || target == Short.class)) {
            long v = n.longValue();
            if (target == Long.class) {
                return v;
            }
            if (target == Integer.class && v == (int) v) {
                return (int) v;
            }
            if (target == Short.class && v == (short) v) {
                return (short) v;
            }
        }
        throw new IllegalArgumentException("The id of " + mapping.type().getName() + " (" + column.path() + ") is a "
                + target.getSimpleName() + "; " + value.getClass().getSimpleName() + " " + value + " does not fit");
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger && ((BigInteger) n).bitLength() < 64
                || n instanceof BigDecimal && ((BigDecimal) n).stripTrailingZeros().scale() <= 0;
    }
}
