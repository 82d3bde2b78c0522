package dev.retort.orm;

import java.util.Locale;

/**
 * Turns a class name into a table name and a field name into a column name, for entities that do
 * not name them explicitly. Set it once with {@link Naming} on a package or a superclass.
 * Implementations need a public no-argument constructor and must be pure functions of their input.
 */
public interface NamingStrategy {

    /**
     * @param entityClass the entity class
     * @return its table name
     */
    String tableName(Class<?> entityClass);

    /**
     * @param fieldName the field's name
     * @return its column name
     */
    String columnName(String fieldName);

    /**
     * The default: {@code OrderLine} becomes {@code order_line} and {@code createdAt} becomes
     * {@code created_at}; a run of capitals is one word ({@code HTTPRequest} is {@code http_request}).
     */
    final class SnakeCase implements NamingStrategy {
        /** Creates the strategy. */
        public SnakeCase() {
        }

        @Override
        public String tableName(Class<?> entityClass) {
            return snake(entityClass.getSimpleName());
        }

        @Override
        public String columnName(String fieldName) {
            return snake(fieldName);
        }

        /**
         * @param name a camelCase or PascalCase name
         * @return the snake_case name
         */
        public static String snake(String name) {
            StringBuilder out = new StringBuilder(name.length() + 4);
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (Character.isUpperCase(c)) {
                    boolean prevLowerOrDigit = i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
                    boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                    boolean prevUpper = i > 0 && Character.isUpperCase(name.charAt(i - 1));
                    if (out.length() > 0 && out.charAt(out.length() - 1) != '_' && (prevLowerOrDigit || (prevUpper && nextLower))) {
                        out.append('_');
                    }
                    out.append(Character.toLowerCase(c));
                } else {
                    out.append(c);
                }
            }
            return out.toString().toLowerCase(Locale.ROOT);
        }
    }

    /** Names as written: the class's simple name and the field's name. */
    final class Exact implements NamingStrategy {
        /** Creates the strategy. */
        public Exact() {
        }

        @Override
        public String tableName(Class<?> entityClass) {
            return entityClass.getSimpleName();
        }

        @Override
        public String columnName(String fieldName) {
            return fieldName;
        }
    }
}
