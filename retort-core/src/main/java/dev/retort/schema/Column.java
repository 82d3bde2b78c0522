package dev.retort.schema;

import dev.retort.types.BigIntType;
import dev.retort.types.IntegerType;
import dev.retort.types.MappedType;
import dev.retort.types.SmallIntType;
import dev.retort.types.SqlType;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A typed column of a {@link Table}, and an {@link dev.retort.sql.Expression} of its type for
 * use in statements ({@code users.email.eq("a@b.org")}). Made by {@code Table.column(...)} in a
 * table class or by {@link Table.Builder}; immutable once made, compared by identity.
 *
 * @param <T> the Java type of the column's values
 */
public final class Column<T> implements dev.retort.sql.ColumnReference<T> {
    private final Table table;
    private final String name;
    private final String key;
    private final SqlType<T> type;
    private final Boolean explicitNullable;
    private final Boolean explicitAutoincrement;
    private final Supplier<? extends T> clientDefault;
    private final Supplier<? extends T> onUpdate;
    private final ServerDefault serverDefault;
    private final Sequence sequence;
    private final String comment;

    /** What the options say about a column while it is being defined. */
    static final class Spec<T> {
        boolean primaryKey;
        Boolean nullable;
        Boolean autoincrement;
        Supplier<? extends T> clientDefault;
        Supplier<? extends T> onUpdate;
        ServerDefault serverDefault;
        Sequence sequence;
        boolean unique;
        boolean index;
        String comment;
        String key;
        Column<?> references;
        ReferentialAction onDelete;
        ReferentialAction onUpdateAction;
    }

    Column(Table table, String name, SqlType<T> type, Spec<T> spec) {
        this.table = table;
        this.name = name;
        this.key = spec.key != null ? spec.key : name;
        this.type = type;
        this.explicitNullable = spec.nullable;
        this.explicitAutoincrement = spec.autoincrement;
        this.clientDefault = spec.clientDefault;
        this.onUpdate = spec.onUpdate;
        this.serverDefault = spec.serverDefault;
        this.sequence = spec.sequence;
        this.comment = spec.comment;
    }

    /** @return the table this column belongs to */
    @Override
    public Table table() {
        return table;
    }

    /** @return the column's name in the database */
    @Override
    public String name() {
        return name;
    }

    /** @return the column's name on the Java side (the database name unless set with {@code key(...)}) */
    public String key() {
        return key;
    }

    /** @return the column's SQL type */
    @Override
    public SqlType<T> type() {
        return type;
    }

    /** @return whether the column is part of its table's primary key */
    public boolean isPrimaryKey() {
        return table.primaryKey().map(pk -> pk.columns().contains(this)).orElse(false);
    }

    /** @return whether NULL is allowed: as declared, else false for primary key columns and true otherwise */
    public boolean isNullable() {
        return explicitNullable != null ? explicitNullable : !isPrimaryKey();
    }

    Boolean explicitNullable() {
        return explicitNullable;
    }

    /**
     * Whether the database generates values for this column: as declared, else true for the
     * only column of an integer primary key that is no foreign key and has no default.
     *
     * @return whether the column is an identity / serial / AUTO_INCREMENT column
     */
    @Override
    public boolean isAutoincrement() {
        if (explicitAutoincrement != null) {
            return explicitAutoincrement;
        }
        Optional<PrimaryKey> pk = table.primaryKey();
        return pk.isPresent() && pk.get().columns().size() == 1 && pk.get().columns().get(0) == this
                && isIntegerType(type) && clientDefault == null && serverDefault == null && sequence == null
                && table.foreignKeys().stream().noneMatch(fk -> fk.columns().contains(this));
    }

    private static boolean isIntegerType(SqlType<?> t) {
        SqlType<?> s = t instanceof MappedType<?, ?> m ? m.stored() : t;
        return s instanceof IntegerType || s instanceof BigIntType || s instanceof SmallIntType;
    }

    @Override
    public Supplier<? extends T> insertDefault() {
        return clientDefault;
    }

    @Override
    public Supplier<? extends T> updateDefault() {
        return onUpdate;
    }

    /** @return the value Retort inserts when none is given, if any */
    public Optional<Supplier<? extends T>> clientDefault() {
        return Optional.ofNullable(clientDefault);
    }

    /** @return the value Retort sets on every update, if any */
    public Optional<Supplier<? extends T>> onUpdate() {
        return Optional.ofNullable(onUpdate);
    }

    /** @return the default the database applies, if any */
    public Optional<ServerDefault> serverDefault() {
        return Optional.ofNullable(serverDefault);
    }

    /** @return the PostgreSQL sequence the column's values come from, if any */
    public Optional<Sequence> sequence() {
        return Optional.ofNullable(sequence);
    }

    /** @return the column's comment, if any */
    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    /** @return {@code table.column}, for messages */
    public String qualifiedName() {
        return table.name() + "." + name;
    }

    @Override
    public String toString() {
        return qualifiedName() + " " + type;
    }
}
