package dev.retort.orm.chinook;

import dev.retort.orm.NamingStrategy;

/**
 * Chinook's names: a table is named as its class ({@code InvoiceLine}), a column as its field
 * with a capital first letter ({@code unitPrice} is {@code UnitPrice}).
 */
public final class PascalCase implements NamingStrategy {
    /** Creates the strategy. */
    public PascalCase() {
    }

    @Override
    public String tableName(Class<?> entityClass) {
        return entityClass.getSimpleName();
    }

    @Override
    public String columnName(String fieldName) {
        return Character.toUpperCase(fieldName.charAt(0)) + fieldName.substring(1);
    }
}
