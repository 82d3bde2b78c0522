package dev.retort.migrate.ops;

import dev.retort.dialect.ColumnChange;
import dev.retort.schema.ServerDefault;
import dev.retort.types.SqlType;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link Operations#alterColumn} changes about one column: its type, nullability, server
 * default and name, plus, optionally, what the column is now ({@code existing...}).
 *
 * <pre>{@code
 * ops.alterColumn("users", "nick", c -> c.type(varchar(60)).nullable(false).rename("handle"));
 * }</pre>
 *
 * <p>MariaDB restates a column whole to change its type or nullability: online the rest of the
 * definition is read from the database; offline it comes from {@code existingType} and
 * {@code existingNullable} (required) and {@code existingServerDefault}/{@code existingComment}
 * (a default or comment not restated is dropped). Not thread-safe; used while a revision records.
 */
public final class ColumnAlteration {
    private SqlType<?> type;
    private Boolean nullable;
    private boolean defaultChanged;
    private ServerDefault serverDefault;
    private String newName;
    private SqlType<?> existingType;
    private Boolean existingNullable;
    private boolean existingDefaultKnown;
    private ServerDefault existingDefault;
    private String existingComment;

    ColumnAlteration() {
    }

    /**
     * Changes the column's type. PostgreSQL converts the values with an explicit cast; SQLite
     * rebuilds the table and keeps the values as they are.
     *
     * @param type the new type
     * @return this alteration
     */
    public ColumnAlteration type(SqlType<?> type) {
        this.type = Objects.requireNonNull(type, "type");
        return this;
    }

    /**
     * Allows or forbids NULL.
     *
     * @param nullable whether NULL is allowed from now on
     * @return this alteration
     */
    public ColumnAlteration nullable(boolean nullable) {
        this.nullable = nullable;
        return this;
    }

    /**
     * Sets the default the database applies, as SQL written by the developer (never user input).
     *
     * @param sqlExpression e.g. {@code CURRENT_TIMESTAMP}
     * @return this alteration
     */
    public ColumnAlteration serverDefault(String sqlExpression) {
        this.serverDefault = ServerDefault.expression(sqlExpression);
        this.defaultChanged = true;
        return this;
    }

    /**
     * Sets the default the database applies, as a literal the dialect quotes safely.
     *
     * @param value a string, number, boolean or date-time value
     * @return this alteration
     */
    public ColumnAlteration serverDefaultValue(Object value) {
        this.serverDefault = ServerDefault.literal(value);
        this.defaultChanged = true;
        return this;
    }

    /**
     * Removes the column's server default.
     *
     * @return this alteration
     */
    public ColumnAlteration dropServerDefault() {
        this.serverDefault = null;
        this.defaultChanged = true;
        return this;
    }

    /**
     * Renames the column; the other changes apply to it under its new name. Keys, constraints and
     * indexes that name the column follow it; CHECK conditions and index expressions are SQL text
     * and are not rewritten.
     *
     * @param newName the new name
     * @return this alteration
     */
    public ColumnAlteration rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("rename(newName): the new name is null or blank");
        }
        this.newName = newName;
        return this;
    }

    /**
     * Says what the column's type is now, for offline scripts on databases that restate the
     * column (MariaDB).
     *
     * @param type the current type
     * @return this alteration
     */
    public ColumnAlteration existingType(SqlType<?> type) {
        this.existingType = Objects.requireNonNull(type, "type");
        return this;
    }

    /**
     * Says whether the column allows NULL now, for offline scripts on databases that restate it.
     *
     * @param nullable whether it allows NULL now
     * @return this alteration
     */
    public ColumnAlteration existingNullable(boolean nullable) {
        this.existingNullable = nullable;
        return this;
    }

    /**
     * Says what the column's server default is now (SQL), to keep it when the column is restated.
     *
     * @param sqlExpression the current default, or {@code null} for none
     * @return this alteration
     */
    public ColumnAlteration existingServerDefault(String sqlExpression) {
        this.existingDefault = sqlExpression == null ? null : ServerDefault.expression(sqlExpression);
        this.existingDefaultKnown = true;
        return this;
    }

    /**
     * Says what the column's comment is now, to keep it when the column is restated.
     *
     * @param comment the current comment, or {@code null} for none
     * @return this alteration
     */
    public ColumnAlteration existingComment(String comment) {
        this.existingComment = comment;
        return this;
    }

    Set<ColumnChange> changes() {
        Set<ColumnChange> out = EnumSet.noneOf(ColumnChange.class);
        if (type != null) {
            out.add(ColumnChange.TYPE);
        }
        if (nullable != null) {
            out.add(ColumnChange.NULLABILITY);
        }
        if (defaultChanged) {
            out.add(ColumnChange.SERVER_DEFAULT);
        }
        return out;
    }

    SqlType<?> type() {
        return type;
    }

    Boolean nullable() {
        return nullable;
    }

    ServerDefault serverDefault() {
        return serverDefault;
    }

    String newName() {
        return newName;
    }

    SqlType<?> existingType() {
        return existingType;
    }

    Boolean existingNullable() {
        return existingNullable;
    }

    boolean existingDefaultKnown() {
        return existingDefaultKnown;
    }

    ServerDefault existingDefault() {
        return existingDefault;
    }

    String existingComment() {
        return existingComment;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (newName != null) {
            b.append(" rename to ").append(newName);
        }
        if (type != null) {
            b.append(" type ").append(type);
        }
        if (nullable != null) {
            b.append(nullable ? " NULL" : " NOT NULL");
        }
        if (defaultChanged) {
            b.append(serverDefault == null ? " drop default" : " default " + (serverDefault.isExpression()
                    ? serverDefault.expression() : serverDefault.value()));
        }
        return b.length() == 0 ? " (no change)" : b.toString();
    }
}
