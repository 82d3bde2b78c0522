package dev.retort.migrate.autogenerate;

import dev.retort.dialect.DdlCompiler;
import dev.retort.reflect.ReflectedColumn;
import dev.retort.reflect.ReflectedTable;
import dev.retort.schema.Column;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares one table both sides have: its columns (added, dropped, renamed by declaration, and
 * each common column's type, nullability and server default), its primary key, and, through a
 * {@link ConstraintComparer}, its keys and indexes.
 */
final class TableComparer {
    private final AutogenerateOptions options;
    private final Renaming renaming;
    private final Types types;
    private final DdlCompiler ddl;
    private final List<Step> out;

    TableComparer(AutogenerateOptions options, Renaming renaming, Types types, DdlCompiler ddl, List<Step> out) {
        this.options = options;
        this.renaming = renaming;
        this.types = types;
        this.ddl = ddl;
        this.out = out;
    }

    private boolean ignored(String table, String column) {
        return options.ignores(SchemaObject.column(table, column));
    }

    /**
     * @param model the model's table
     * @param database the database's table, as a Table (for types as DDL writes them)
     * @param reflected the same table as reflected (for defaults and names as the database prints them)
     */
    void compare(Table model, Table database, ReflectedTable reflected) {
        String table = model.name();
        String dbTable = database.name();
        for (Map.Entry<String, String> r : renaming.columns(dbTable).entrySet()) {
            out.add(new ColumnSteps.Rename(table, r.getKey(), r.getValue()));
        }
        List<String> added = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        for (Column<?> m : model.columns()) {
            if (ignored(table, m.name())) {
                continue;
            }
            String dbName = renaming.databaseColumn(dbTable, m.name());
            Column<?> d = dbName == null ? null : database.findColumn(dbName).filter(c -> c.name().equals(dbName)).orElse(null);
            if (d == null) {
                out.add(addColumn(table, m));
                added.add(m.name());
                continue;
            }
            matched.add(d.name());
            compareColumn(table, m, d, reflected.column(d.name()).orElseThrow());
        }
        List<Step> drops = new ArrayList<>();
        for (Column<?> d : database.columns()) {
            if (!matched.contains(d.name()) && !ignored(dbTable, d.name())
                    && !ignored(table, renaming.modelColumn(dbTable, d.name()))) {
                drops.add(new ColumnSteps.Drop(table, d));
            }
        }
        if (!added.isEmpty()) {
            for (Step drop : drops) {
                String gone = drop.change().name();
                drop.warn("Column " + table + "." + gone + " is dropped while " + table + " gains " + added + ". If one of "
                        + "them is " + gone + " renamed, this loses its values: declare the rename (AutogenerateOptions."
                        + "renameColumn(\"" + table + "\", \"" + gone + "\", \"" + added.get(0) + "\"), or --rename-column "
                        + table + "." + gone + "=" + added.get(0) + ") and generate again, or replace the two operations "
                        + "with ops.alterColumn(\"" + table + "\", \"" + gone + "\", c -> c.rename(\"" + added.get(0) + "\")).");
            }
        }
        out.addAll(drops);
        comparePrimaryKey(model, database);
        new ConstraintComparer(options, renaming, out).compare(model, reflected);
    }

    private Step addColumn(String table, Column<?> m) {
        Step step = new ColumnSteps.Add(table, m);
        if (!m.isNullable() && m.serverDefault().isEmpty() && !m.isAutoincrement()) {
            step.warn("Column " + table + "." + m.name() + " is NOT NULL without a server default: adding it fails "
                    + "while the table has rows. Give it a server default, or add it nullable, fill it, then make it NOT NULL.");
        }
        if (m.isPrimaryKey()) {
            step.warn("Column " + table + "." + m.name() + " is part of the model's primary key, which autogenerate does "
                    + "not change; it is added as an ordinary column.");
        }
        return step;
    }

    private void compareColumn(String table, Column<?> m, Column<?> d, ReflectedColumn r) {
        boolean type = !types.same(m, d);
        boolean nullability = m.isNullable() != d.isNullable();
        boolean serverDefault = options.comparesServerDefaults() && !m.isAutoincrement() && !r.autoincrement()
                && m.sequence().isEmpty() && !Defaults.same(m.serverDefault().map(this::sql).orElse(null),
                blankToNull(r.defaultExpression()));
        if (!type && !nullability && !serverDefault) {
            return;
        }
        ColumnSteps.State from = new ColumnSteps.State(d.type(), d.isNullable(), d.serverDefault().orElse(null));
        ColumnSteps.State to = new ColumnSteps.State(m.type(), m.isNullable(), m.serverDefault().orElse(null));
        out.add(new ColumnSteps.Alter(table, m.name(), from, to, type, nullability, serverDefault, r.comment()));
    }

    private String sql(ServerDefault d) {
        if (d.isExpression()) {
            return d.expression();
        }
        try {
            return ddl.literal(d.value());
        } catch (RuntimeException e) {
            return String.valueOf(d.value());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private void comparePrimaryKey(Table model, Table database) {
        List<String> mine = model.primaryKey().map(pk -> TableCode.names(pk.columns())).orElse(List.of());
        List<String> theirs = database.primaryKey().map(pk -> Names.mapped(TableCode.names(pk.columns()),
                renaming.columns(database.name()))).orElse(List.of());
        if (!Objects.equals(mine, theirs)) {
            out.add(new UnsupportedStep(model.name(), "the primary key of " + model.name() + " differs: the model's is "
                    + mine + ", the database's " + theirs, "Autogenerate does not change primary keys: write that change "
                    + "by hand (a new table under the new key, a copy of the rows, the old table dropped and the new one "
                    + "renamed)."));
        }
    }
}
