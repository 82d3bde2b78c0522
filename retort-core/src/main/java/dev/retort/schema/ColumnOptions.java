package dev.retort.schema;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The options of a column definition. Import them statically:
 *
 * <pre>{@code
 * public final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
 * public final Column<String> email = column("email", varchar(200), NOT_NULL, UNIQUE);
 * public final Column<Long> groupId = column("group_id", BIGINT, references(Groups.GROUPS.id, ReferentialAction.CASCADE));
 * public final Column<Instant> created = column("created_at", INSTANT, NOT_NULL, serverDefault("CURRENT_TIMESTAMP"));
 * }</pre>
 *
 * Options without arguments are constants, so that their names never clash with the methods a
 * table class inherits ({@code primaryKey(...)}, {@code unique(...)}, {@code index(...)}).
 */
public final class ColumnOptions {
    private ColumnOptions() {
    }

    /** Part of the primary key (several columns with it make a composite key); implies NOT NULL. */
    public static final ColumnOption<Object> PRIMARY_KEY = new ColumnOption<>(s -> s.primaryKey = true);

    /** NOT NULL. */
    public static final ColumnOption<Object> NOT_NULL = new ColumnOption<>(s -> s.nullable = false);

    /** NULL allowed (the default for columns outside the primary key). */
    public static final ColumnOption<Object> NULLABLE = new ColumnOption<>(s -> s.nullable = true);

    /**
     * The database generates the value (identity, serial, AUTO_INCREMENT, SQLite rowid). On by
     * default for a single-column integer primary key that is no foreign key.
     */
    public static final ColumnOption<Object> AUTOINCREMENT = new ColumnOption<>(s -> s.autoincrement = true);

    /** Never generate the value, even for a single integer primary key. */
    public static final ColumnOption<Object> NO_AUTOINCREMENT = new ColumnOption<>(s -> s.autoincrement = false);

    /**
     * A value Retort inserts when none is given (a client-side default).
     *
     * @param value the value
     * @param <T> the column's Java type
     * @return the option
     */
    public static <T> ColumnOption<T> defaultValue(T value) {
        Objects.requireNonNull(value, "defaultValue(value): value is null; a column without a default already inserts NULL");
        return new ColumnOption<>(s -> s.clientDefault = () -> value);
    }

    /**
     * A function Retort calls for the value when none is given, e.g. {@code UUID::randomUUID}.
     *
     * @param supplier the function, called once per inserted row
     * @param <T> the column's Java type
     * @return the option
     */
    public static <T> ColumnOption<T> defaultFrom(Supplier<? extends T> supplier) {
        Objects.requireNonNull(supplier, "defaultFrom(supplier)");
        return new ColumnOption<>(s -> s.clientDefault = supplier);
    }

    /**
     * A function Retort calls for a new value whenever the row is updated, e.g. {@code Instant::now}.
     *
     * @param supplier the function
     * @param <T> the column's Java type
     * @return the option
     */
    public static <T> ColumnOption<T> onUpdate(Supplier<? extends T> supplier) {
        Objects.requireNonNull(supplier, "onUpdate(supplier)");
        return new ColumnOption<>(s -> s.onUpdate = supplier);
    }

    /**
     * A default the database applies, as a SQL expression written by the developer (never from
     * user input), e.g. {@code CURRENT_TIMESTAMP}.
     *
     * @param sqlExpression the expression
     * @return the option
     */
    public static ColumnOption<Object> serverDefault(String sqlExpression) {
        ServerDefault d = ServerDefault.expression(sqlExpression);
        return new ColumnOption<>(s -> s.serverDefault = d);
    }

    /**
     * A default the database applies, as a literal value the dialect quotes safely.
     *
     * @param value a string, number, boolean or date-time value
     * @param <T> the column's Java type
     * @return the option
     */
    public static <T> ColumnOption<T> serverDefaultValue(T value) {
        ServerDefault d = ServerDefault.literal(value);
        return new ColumnOption<>(s -> s.serverDefault = d);
    }

    /** A UNIQUE constraint on this column alone. */
    public static final ColumnOption<Object> UNIQUE = new ColumnOption<>(s -> s.unique = true);

    /** An index on this column alone. */
    public static final ColumnOption<Object> INDEX = new ColumnOption<>(s -> s.index = true);

    /**
     * A comment stored in the database (PostgreSQL, MariaDB; SQLite has none).
     *
     * @param comment the text
     * @return the option
     */
    public static ColumnOption<Object> withComment(String comment) {
        Objects.requireNonNull(comment, "comment");
        return new ColumnOption<>(s -> s.comment = comment);
    }

    /**
     * The column's name on the Java side when it differs from the database name, e.g.
     * {@code column("user_email", ..., key("email"))}.
     *
     * @param key the Java-side name
     * @return the option
     */
    public static ColumnOption<Object> key(String key) {
        Objects.requireNonNull(key, "key");
        return new ColumnOption<>(s -> s.key = key);
    }

    /**
     * The value comes from a PostgreSQL sequence ({@code DEFAULT nextval('name')}).
     *
     * @param sequence the sequence, defined in the same MetaData
     * @return the option
     */
    public static ColumnOption<Object> sequence(Sequence sequence) {
        Objects.requireNonNull(sequence, "sequence");
        return new ColumnOption<>(s -> {
            s.sequence = sequence;
            s.autoincrement = false;
        });
    }

    /**
     * A foreign key to another column, with NO ACTION on delete and update.
     *
     * @param target the referenced column (usually a primary key)
     * @param <T> the column's Java type
     * @return the option
     */
    public static <T> ColumnOption<T> references(Column<T> target) {
        return references(target, ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
    }

    /**
     * A foreign key to another column with an ON DELETE action.
     *
     * @param target the referenced column
     * @param onDelete what to do when the referenced row is deleted
     * @param <T> the column's Java type
     * @return the option
     */
    public static <T> ColumnOption<T> references(Column<T> target, ReferentialAction onDelete) {
        return references(target, onDelete, ReferentialAction.NO_ACTION);
    }

    /**
     * A foreign key to another column with ON DELETE and ON UPDATE actions.
     *
     * @param target the referenced column
     * @param onDelete what to do when the referenced row is deleted
     * @param onUpdate what to do when the referenced key changes
     * @param <T> the column's Java type
     * @return the option
     */
    public static <T> ColumnOption<T> references(Column<T> target, ReferentialAction onDelete, ReferentialAction onUpdate) {
        Objects.requireNonNull(target, "references(target): target column is null (is its table defined before this one?)");
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
        return new ColumnOption<>(s -> {
            s.references = target;
            s.onDelete = onDelete;
            s.onUpdateAction = onUpdate;
        });
    }
}
