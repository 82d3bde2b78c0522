package dev.retort.migrate.ops;

import dev.retort.reflect.ReflectedCheckConstraint;
import dev.retort.reflect.ReflectedColumn;
import dev.retort.reflect.ReflectedForeignKey;
import dev.retort.reflect.ReflectedIndex;
import dev.retort.reflect.ReflectedPrimaryKey;
import dev.retort.reflect.ReflectedTable;
import dev.retort.reflect.ReflectedUniqueConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnOption;
import dev.retort.schema.ColumnOptions;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.ForeignKeyOptions;
import dev.retort.schema.Index;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import dev.retort.types.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A table's definition as plain, changeable data, for rebuilding it: read from a live database or
 * a {@link Table}, changed by batch operations, then turned back into a {@link Table} to render.
 * Columns remember the name they had in the old table, so rows can be copied across.
 */
final class TableShape {
    /** One column; {@code origin} is its name in the table being rebuilt, or {@code null} for a new column. */
    static final class ColumnShape {
        String name;
        final String origin;
        SqlType<?> type;
        boolean nullable;
        ServerDefault serverDefault;
        boolean autoincrement;
        String comment;

        ColumnShape(String name, String origin, SqlType<?> type, boolean nullable, ServerDefault serverDefault,
                    boolean autoincrement, String comment) {
            this.name = name;
            this.origin = origin;
            this.type = type;
            this.nullable = nullable;
            this.serverDefault = serverDefault;
            this.autoincrement = autoincrement;
            this.comment = comment;
        }

        ColumnShape copy() {
            return new ColumnShape(name, origin, type, nullable, serverDefault, autoincrement, comment);
        }
    }

    final String schema;
    final String name;
    final String comment;
    final List<ColumnShape> columns = new ArrayList<>();
    ReflectedPrimaryKey primaryKey;
    final List<ReflectedForeignKey> foreignKeys = new ArrayList<>();
    final List<ReflectedUniqueConstraint> uniques = new ArrayList<>();
    final List<ReflectedCheckConstraint> checks = new ArrayList<>();
    final List<ReflectedIndex> indexes = new ArrayList<>();

    private TableShape(String schema, String name, String comment) {
        this.schema = schema;
        this.name = name;
        this.comment = comment;
    }

    /** The shape of a table as the database describes it. */
    static TableShape of(ReflectedTable t) {
        TableShape s = new TableShape(t.schema(), t.name(), t.comment());
        for (ReflectedColumn c : t.columns()) {
            ServerDefault def = c.defaultExpression() == null || c.defaultExpression().isBlank() ? null
                    : ServerDefault.expression(c.defaultExpression());
            s.columns.add(new ColumnShape(c.name(), c.name(), c.type(), c.nullable(), def, c.autoincrement(), c.comment()));
        }
        s.primaryKey = t.primaryKey();
        s.foreignKeys.addAll(t.foreignKeys());
        s.uniques.addAll(t.uniqueConstraints());
        s.checks.addAll(t.checkConstraints());
        s.indexes.addAll(t.indexes());
        return s;
    }

    /** The shape of a table defined in code. */
    static TableShape of(Table t) {
        TableShape s = new TableShape(t.schema(), t.name(), t.comment().orElse(null));
        for (Column<?> c : t.columns()) {
            s.columns.add(new ColumnShape(c.name(), c.name(), c.type(), c.isNullable(), c.serverDefault().orElse(null),
                    c.isAutoincrement(), c.comment().orElse(null)));
        }
        t.primaryKey().ifPresent(pk -> s.primaryKey = new ReflectedPrimaryKey(pk.name(), names(pk.columns())));
        for (ForeignKey fk : t.foreignKeys()) {
            s.foreignKeys.add(new ReflectedForeignKey(fk.name().orElse(null), fk.columnNames(), fk.referredSchema(),
                    fk.referredTableName(), fk.referredColumnNames(), fk.onDelete(), fk.onUpdate(), fk.deferrable(),
                    fk.initiallyDeferred()));
        }
        for (UniqueConstraint u : t.uniqueConstraints()) {
            s.uniques.add(new ReflectedUniqueConstraint(u.name(), names(u.columns()), u.deferrable(), u.initiallyDeferred()));
        }
        for (CheckConstraint c : t.checkConstraints()) {
            s.checks.add(new ReflectedCheckConstraint(c.name(), c.condition()));
        }
        for (Index i : t.indexes()) {
            List<ReflectedIndex.Element> elements = new ArrayList<>();
            for (Index.Element e : i.elements()) {
                elements.add(e.isExpression() ? ReflectedIndex.Element.expression(e.expression())
                        : ReflectedIndex.Element.column(e.column().name()));
            }
            s.indexes.add(new ReflectedIndex(i.name(), i.unique(), elements, i.where()));
        }
        return s;
    }

    private static List<String> names(List<Column<?>> columns) {
        List<String> out = new ArrayList<>();
        for (Column<?> c : columns) {
            out.add(c.name());
        }
        return out;
    }

    /** A deep copy whose columns keep their origins. */
    TableShape copy() {
        TableShape s = new TableShape(schema, name, comment);
        for (ColumnShape c : columns) {
            s.columns.add(c.copy());
        }
        s.primaryKey = primaryKey;
        s.foreignKeys.addAll(foreignKeys);
        s.uniques.addAll(uniques);
        s.checks.addAll(checks);
        s.indexes.addAll(indexes);
        return s;
    }

    List<String> columnNames() {
        List<String> out = new ArrayList<>();
        for (ColumnShape c : columns) {
            out.add(c.name);
        }
        return out;
    }

    boolean hasColumn(String column) {
        return columns.stream().anyMatch(c -> c.name.equals(column));
    }

    /** A column by name; an {@link OperationException} listing the columns if there is none. */
    ColumnShape column(String column) {
        return columns.stream().filter(c -> c.name.equals(column)).findFirst().orElseThrow(() -> new OperationException(
                "Table " + name + " has no column " + column + "; its columns are " + columnNames() + "."));
    }

    /**
     * Whether a column takes part in the primary key, a foreign key, a unique constraint, an index
     * or (by its name appearing in the condition) a CHECK constraint.
     */
    boolean involves(String column) {
        Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(column) + "(?![\\w$])");
        if (primaryKey != null && primaryKey.columns().contains(column)) {
            return true;
        }
        for (ReflectedForeignKey fk : foreignKeys) {
            if (fk.columns().contains(column)) {
                return true;
            }
        }
        for (ReflectedUniqueConstraint u : uniques) {
            if (u.columns().contains(column)) {
                return true;
            }
        }
        for (ReflectedIndex i : indexes) {
            if (i.columnNames().contains(column) || (i.where() != null && word.matcher(i.where()).find())
                    || i.elements().stream().anyMatch(e -> e.isExpression() && word.matcher(e.expression()).find())) {
                return true;
            }
        }
        return checks.stream().anyMatch(c -> word.matcher(c.condition()).find());
    }

    /**
     * Drops a column and what exists only for it: indexes, unique constraints and foreign keys over
     * it go too, as PostgreSQL does. A column of the primary key is refused.
     */
    void dropColumn(String column) {
        ColumnShape c = column(column);
        if (primaryKey != null && primaryKey.columns().contains(column)) {
            throw new OperationException("Cannot drop column " + name + "." + column + ": it is part of the primary key "
                    + primaryKey.columns() + ". Rebuild the table under a new key with createTable and a data copy instead.");
        }
        columns.remove(c);
        foreignKeys.removeIf(fk -> fk.columns().contains(column));
        uniques.removeIf(u -> u.columns().contains(column));
        indexes.removeIf(i -> i.columnNames().contains(column));
    }

    /** Renames a column in the column list and in every key, constraint and index that names it. */
    void renameColumn(String from, String to) {
        if (hasColumn(to)) {
            throw new OperationException("Cannot rename column " + name + "." + from + " to " + to
                    + ": the table already has a column " + to + ".");
        }
        column(from).name = to;
        UnaryOperator<List<String>> rename = list -> list.stream().map(n -> n.equals(from) ? to : n).toList();
        if (primaryKey != null) {
            primaryKey = new ReflectedPrimaryKey(primaryKey.name(), rename.apply(primaryKey.columns()));
        }
        foreignKeys.replaceAll(fk -> new ReflectedForeignKey(fk.name(), rename.apply(fk.columns()), fk.referredSchema(),
                fk.referredTable(), refersToItself(fk) ? rename.apply(fk.referredColumns()) : fk.referredColumns(),
                fk.onDelete(), fk.onUpdate(), fk.deferrable(), fk.initiallyDeferred()));
        uniques.replaceAll(u -> new ReflectedUniqueConstraint(u.name(), rename.apply(u.columns()), u.deferrable(),
                u.initiallyDeferred()));
        indexes.replaceAll(i -> new ReflectedIndex(i.name(), i.unique(), i.elements().stream()
                .map(e -> !e.isExpression() && e.column().equals(from) ? ReflectedIndex.Element.column(to) : e).toList(),
                i.where()));
    }

    private boolean refersToItself(ReflectedForeignKey fk) {
        return fk.referredTable().equals(name) && (fk.referredSchema() == null || fk.referredSchema().equals(schema)
                || schema == null);
    }

    /**
     * The table this shape describes, under a given name (a rebuild creates a copy under a
     * temporary name), in no MetaData, with or without its indexes.
     */
    Table toTable(String tableName, boolean withIndexes) {
        Table.Builder b = Table.builder(tableName).schema(schema);
        List<String> pk = primaryKey == null ? List.of() : primaryKey.columns();
        for (ColumnShape c : columns) {
            List<ColumnOption<Object>> options = new ArrayList<>();
            if (!c.nullable) {
                options.add(ColumnOptions.NOT_NULL);
            } else if (!pk.contains(c.name)) {
                options.add(ColumnOptions.NULLABLE);
            }
            options.add(c.autoincrement ? ColumnOptions.AUTOINCREMENT : ColumnOptions.NO_AUTOINCREMENT);
            if (c.serverDefault != null) {
                options.add(c.serverDefault.isExpression() ? ColumnOptions.serverDefault(c.serverDefault.expression())
                        : ColumnOptions.serverDefaultValue(c.serverDefault.value()));
            }
            if (c.comment != null) {
                options.add(ColumnOptions.withComment(c.comment));
            }
            StubTables.column(b, c.name, c.type, options);
        }
        if (!pk.isEmpty()) {
            b.primaryKey(primaryKey.name(), pk.toArray(new String[0]));
        }
        for (ReflectedForeignKey fk : foreignKeys) {
            ForeignKeyOptions options = ForeignKeyOptions.defaults().name(fk.name()).onDelete(fk.onDelete())
                    .onUpdate(fk.onUpdate());
            if (fk.referredSchema() != null) {
                options = options.referredSchema(fk.referredSchema());
            }
            if (fk.deferrable()) {
                options = options.deferrable(fk.initiallyDeferred());
            }
            b.foreignKey(fk.columns(), fk.referredTable(), fk.referredColumns(), options);
        }
        for (ReflectedUniqueConstraint u : uniques) {
            if (u.deferrable()) {
                b.uniqueDeferrable(u.name(), u.initiallyDeferred(), u.columns().toArray(new String[0]));
            } else {
                b.unique(u.name(), u.columns().toArray(new String[0]));
            }
        }
        for (ReflectedCheckConstraint c : checks) {
            b.check(c.name(), c.condition());
        }
        if (withIndexes) {
            for (ReflectedIndex i : indexes) {
                List<String> elements = new ArrayList<>();
                for (ReflectedIndex.Element e : i.elements()) {
                    elements.add(e.isExpression() ? e.expression() : e.column());
                }
                b.index(i.name(), i.unique(), elements, i.where());
            }
        }
        if (comment != null) {
            b.comment(comment);
        }
        return b.build();
    }
}
