package dev.retort.reflect;

import dev.retort.schema.ColumnOption;
import dev.retort.schema.ColumnOptions;
import dev.retort.schema.ForeignKeyOptions;
import dev.retort.schema.MetaData;
import dev.retort.schema.Table;
import dev.retort.types.SqlType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Turns a {@link ReflectedTable} into a {@link Table} built with {@link Table#builder(String)}:
 * the same kind of object code defines, usable at once in queries and DDL.
 *
 * <p>Each column gets its type, NOT NULL or NULL, AUTOINCREMENT or NO_AUTOINCREMENT as read, its
 * default as {@code serverDefault(expression)} and its comment. Constraints keep the names the
 * database reports, so a MetaData's naming convention does not rename them; a CHECK name that
 * the {@code ck} template would produce is taken apart again, so that the template is not
 * applied twice. Thread-safe.
 */
public final class TableFactory {
    private static final Set<Table> REFLECTED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private static final String CONSTRAINT_NAME = "%(constraint_name)s";

    private TableFactory() {
    }

    /**
     * Builds the table and adds it to a MetaData, in the reflected table's schema.
     *
     * @param metadata the MetaData
     * @param reflected what was read
     * @return the table
     * @throws dev.retort.DefinitionException if the MetaData already has a table of that name
     */
    public static Table create(MetaData metadata, ReflectedTable reflected) {
        Table.Builder b = Table.builder(reflected.name()).metadata(metadata).schema(reflected.schema());
        List<String> pk = reflected.primaryKey() == null ? List.of() : reflected.primaryKey().columns();
        for (ReflectedColumn c : reflected.columns()) {
            addColumn(b, c, pk.contains(c.name()));
        }
        if (!pk.isEmpty()) {
            b.primaryKey(reflected.primaryKey().name(), pk.toArray(new String[0]));
        }
        for (ReflectedForeignKey fk : reflected.foreignKeys()) {
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
        for (ReflectedUniqueConstraint u : reflected.uniqueConstraints()) {
            if (u.deferrable()) {
                b.uniqueDeferrable(u.name(), u.initiallyDeferred(), u.columns().toArray(new String[0]));
            } else {
                b.unique(u.name(), u.columns().toArray(new String[0]));
            }
        }
        String ck = metadata.namingConvention().templates().get("ck");
        for (ReflectedCheckConstraint c : reflected.checkConstraints()) {
            b.check(checkName(ck, reflected.name(), c.name()), c.condition());
        }
        for (ReflectedIndex i : reflected.indexes()) {
            List<String> elements = new ArrayList<>();
            for (ReflectedIndex.Element e : i.elements()) {
                elements.add(e.isExpression() ? e.expression() : e.column());
            }
            b.index(i.name(), i.unique(), elements, i.where());
        }
        if (reflected.comment() != null) {
            b.comment(reflected.comment());
        }
        Table table = b.build();
        REFLECTED.add(table);
        return table;
    }

    /**
     * Whether a table was made by reflection.
     *
     * @param table a table
     * @return {@code true} if {@link #create} made it
     */
    public static boolean isReflected(Table table) {
        return REFLECTED.contains(table);
    }

    @SuppressWarnings("unchecked")
    private static <T> void addColumn(Table.Builder b, ReflectedColumn c, boolean inPrimaryKey) {
        List<ColumnOption<Object>> options = new ArrayList<>();
        if (!c.nullable()) {
            options.add(ColumnOptions.NOT_NULL);
        } else if (!inPrimaryKey) {
            // SQLite lets a non-integer primary key column hold NULL; Retort's keys never do.
            options.add(ColumnOptions.NULLABLE);
        }
        options.add(c.autoincrement() ? ColumnOptions.AUTOINCREMENT : ColumnOptions.NO_AUTOINCREMENT);
        if (c.defaultExpression() != null && !c.defaultExpression().isBlank()) {
            options.add(ColumnOptions.serverDefault(c.defaultExpression()));
        }
        if (c.comment() != null) {
            options.add(ColumnOptions.withComment(c.comment()));
        }
        ColumnOption<Object>[] array = (ColumnOption<Object>[]) new ColumnOption<?>[options.size()];
        b.column(c.name(), (SqlType<T>) c.type(), options.toArray(array));
    }

    /**
     * The name to give {@code check(name, ...)} so that the MetaData's {@code ck} template
     * produces the reflected name again: the template's {@code %(constraint_name)s} part when the
     * reflected name has the template's shape, else the name itself.
     */
    static String checkName(String template, String table, String reflected) {
        if (template == null || reflected == null) {
            return reflected;
        }
        String t = template.replace("%(table_name)s", table);
        int at = t.indexOf(CONSTRAINT_NAME);
        if (at < 0 || t.indexOf("%(", at + CONSTRAINT_NAME.length()) >= 0 || t.substring(0, at).contains("%(")) {
            return reflected;
        }
        String prefix = t.substring(0, at);
        String suffix = t.substring(at + CONSTRAINT_NAME.length());
        if (reflected.length() > prefix.length() + suffix.length() && reflected.startsWith(prefix)
                && reflected.endsWith(suffix)) {
            return reflected.substring(prefix.length(), reflected.length() - suffix.length());
        }
        return reflected;
    }
}
