package dev.retort.reflect;

import dev.retort.types.SqlType;

import java.util.Objects;
import java.util.Optional;

/**
 * A column as the database describes it. Immutable.
 *
 * @param name the column name, as stored
 * @param type the Retort type it maps back to (a fallback such as {@code TEXT} or {@code BINARY}
 *             when the database type has no Retort counterpart; {@link #rawType()} keeps the original)
 * @param rawType the type as the database names it, e.g. {@code character varying(40)}, {@code int(11)}
 * @param nullable whether NULL is allowed
 * @param defaultExpression the default as SQL text, as the database reports it (e.g.
 *                          {@code 'x'::character varying}, {@code current_timestamp(6)}), or {@code null}
 * @param autoincrement whether the database generates values (identity, serial, AUTO_INCREMENT, SQLite rowid alias)
 * @param comment the column comment, or {@code null}
 */
public record ReflectedColumn(String name, SqlType<?> type, String rawType, boolean nullable, String defaultExpression,
                              boolean autoincrement, String comment) {
    /** Rejects a null name, type or raw type. */
    public ReflectedColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rawType, "rawType");
    }

    /** @return the default expression, if the column has one */
    public Optional<String> optionalDefault() {
        return Optional.ofNullable(defaultExpression);
    }

    /** @return the comment, if the column has one */
    public Optional<String> optionalComment() {
        return Optional.ofNullable(comment);
    }
}
