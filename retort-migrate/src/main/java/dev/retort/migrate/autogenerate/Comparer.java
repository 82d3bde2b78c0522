package dev.retort.migrate.autogenerate;

import dev.retort.dialect.Capability;
import dev.retort.dialect.DdlCompiler;
import dev.retort.dialect.Dialect;
import dev.retort.reflect.ReflectedTable;
import dev.retort.reflect.TableFactory;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.MetaData;
import dev.retort.schema.Table;
import dev.retort.types.ArrayType;
import dev.retort.types.EnumType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares a model with a database's reflected tables: which tables are added, dropped and
 * renamed (by declaration only), then each common table through a {@link TableComparer}, then
 * PostgreSQL's enum types. The steps come out in {@link Phase} order.
 */
final class Comparer {
    private static final String REBUILD_PREFIX = "_retort_batch_";

    private final Dialect dialect;
    private final DdlCompiler ddl;
    private final AutogenerateOptions options;
    private final List<Step> steps = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    Comparer(Dialect dialect, AutogenerateOptions options) {
        this.dialect = dialect;
        this.ddl = dialect.newDdlCompiler();
        this.options = options;
    }

    SchemaDiff compare(MetaData model, List<ReflectedTable> database) {
        MetaData reflectedMetadata = new MetaData();
        Map<String, ReflectedTable> reflected = new TreeMap<>();
        Map<String, Table> databaseTables = new LinkedHashMap<>();
        for (ReflectedTable r : database) {
            if (r.name().equals(options.versionTable()) || r.name().startsWith(REBUILD_PREFIX)) {
                continue;
            }
            reflected.put(r.name(), r);
        }
        for (ReflectedTable r : reflected.values()) {
            databaseTables.put(r.name(), TableFactory.create(reflectedMetadata, r));
        }
        Map<String, Table> modelTables = new LinkedHashMap<>();
        for (Table t : model.tables()) {
            if (t.schema() != null) {
                warnings.add("Table " + t.fullName() + " is in schema " + t.schema() + "; autogenerate compares the "
                        + "connection's default schema only, so it was skipped.");
            } else if (!t.name().equals(options.versionTable())) {
                modelTables.put(t.name(), t);
            }
        }
        Map<String, Table> mine = new LinkedHashMap<>();
        modelTables.forEach((name, t) -> {
            if (!options.ignores(SchemaObject.table(name))) {
                mine.put(name, t);
            }
        });
        Map<String, Table> theirs = new LinkedHashMap<>();
        List<Table> ignoredTheirs = new ArrayList<>();
        databaseTables.forEach((name, t) -> {
            if (options.ignores(SchemaObject.table(name))) {
                ignoredTheirs.add(t);
            } else {
                theirs.put(name, t);
            }
        });

        Renaming renaming = renames(mine, theirs);
        List<Table> created = new ArrayList<>();
        for (Table m : mine.values()) {
            String dbName = renaming.databaseTable(m.name());
            Table d = dbName == null ? null : theirs.get(dbName);
            if (d == null) {
                created.add(m);
            } else {
                new TableComparer(options, renaming, new Types(dialect, ddl), ddl, steps).compare(m, d, reflected.get(dbName));
            }
        }
        List<Table> dropped = new ArrayList<>();
        for (Table d : theirs.values()) {
            String modelName = renaming.modelTable(d.name());
            if (!mine.containsKey(modelName)) {
                dropped.add(d);
            }
        }
        createTables(model, created);
        dropTables(reflectedMetadata, dropped, created);
        if (!dialect.supports(Capability.NAMED_ENUM_TYPES) && options.hasEnumValueRenames()) {
            warnings.add("Enum label renames apply to PostgreSQL's named enum types; " + dialect.displayName() + " keeps "
                    + "an enum's labels in each column's type, which changes whole, refusing rows that hold a label it "
                    + "lacks. Update such rows in the revision (ops.execute(...)) around the type change.");
        }
        if (dialect.supports(Capability.NAMED_ENUM_TYPES)) {
            EnumComparer.Usage modelTypes = new EnumComparer.Usage();
            modelTypes.add(mine.values(), warnings);
            modelTypes.add(ignoredTheirs, warnings);
            EnumComparer.Usage databaseTypes = new EnumComparer.Usage();
            databaseTypes.add(databaseTables.values(), warnings);
            new EnumComparer(options, steps, warnings).compare(modelTypes, databaseTypes);
        }
        List<Step> ordered = new ArrayList<>(steps);
        ordered.sort(Comparator.comparing(Step::phase));
        return new SchemaDiff(dialect, ordered, warnings);
    }

    /** The declared table and column renames that apply; the others are reported. */
    private Renaming renames(Map<String, Table> mine, Map<String, Table> theirs) {
        Renaming renaming = new Renaming();
        for (Map.Entry<String, String> r : options.tableRenames().entrySet()) {
            String from = r.getKey();
            String to = r.getValue();
            if (theirs.containsKey(from) && !theirs.containsKey(to) && mine.containsKey(to) && !mine.containsKey(from)) {
                renaming.table(from, to);
                steps.add(new TableSteps.Rename(from, to));
            } else if (!(theirs.containsKey(to) && !theirs.containsKey(from))) {
                warnings.add("The rename of table " + from + " to " + to + " was not used: it needs " + from + " in the "
                        + "database and not in the model, and " + to + " in the model and not in the database.");
            }
        }
        for (Map.Entry<String, Map<String, String>> t : options.allColumnRenames().entrySet()) {
            String dbName = renaming.databaseTable(t.getKey());
            Table d = dbName == null ? null : theirs.get(dbName);
            Table m = mine.get(t.getKey());
            for (Map.Entry<String, String> r : t.getValue().entrySet()) {
                String from = r.getKey();
                String to = r.getValue();
                if (d != null && m != null && has(d, from) && !has(d, to) && has(m, to) && !has(m, from)) {
                    renaming.column(dbName, from, to);
                } else if (d == null || !(has(d, to) && !has(d, from))) {
                    warnings.add("The rename of column " + t.getKey() + "." + from + " to " + to + " was not used: it "
                            + "needs " + from + " in the database's table and not in the model's, and " + to
                            + " in the model's and not in the database's.");
                }
            }
        }
        return renaming;
    }

    private static boolean has(Table t, String column) {
        return t.columnNames().contains(column);
    }

    /** New tables in foreign-key order; the keys that close cycles among them are added after all exist. */
    private void createTables(MetaData model, List<Table> created) {
        if (created.isEmpty()) {
            return;
        }
        Set<ForeignKey> deferred = model.deferredForeignKeys(created);
        ConstraintComparer keys = new ConstraintComparer(options, new Renaming(), steps);
        for (Table t : model.sort(created, deferred)) {
            steps.add(new TableSteps.Add(t, deferred, hasNamedEnums(t)));
            for (ForeignKey fk : t.foreignKeys()) {
                if (deferred.contains(fk)) {
                    keys.addForeignKey(t.name(), new ConstraintSteps.ForeignKeyDef(fk.name().orElse(null), fk.columnNames(),
                            fk.referredTableName(), fk.referredColumnNames(), fk.onDelete(), fk.onUpdate(), fk.deferrable(),
                            fk.initiallyDeferred()));
                }
            }
        }
    }

    /**
     * Dropped tables, each before the tables it refers to; the keys that close cycles among them are
     * dropped first. Autogenerate never guesses a rename, but says loudly when one may be meant.
     */
    private void dropTables(MetaData reflectedMetadata, List<Table> dropped, List<Table> created) {
        if (dropped.isEmpty()) {
            return;
        }
        Set<ForeignKey> deferred = reflectedMetadata.deferredForeignKeys(dropped);
        ConstraintComparer keys = new ConstraintComparer(options, new Renaming(), steps);
        for (ForeignKey fk : deferred) {
            keys.dropForeignKey(fk.table().name(), new ConstraintSteps.ForeignKeyDef(fk.name().orElse(null), fk.columnNames(),
                    fk.referredTableName(), fk.referredColumnNames(), fk.onDelete(), fk.onUpdate(), fk.deferrable(),
                    fk.initiallyDeferred()));
        }
        List<Table> order = new ArrayList<>(reflectedMetadata.sort(dropped, deferred));
        Collections.reverse(order);
        List<String> createdNames = created.stream().map(Table::name).toList();
        for (Table t : order) {
            Step step = new TableSteps.Drop(t, deferred, hasNamedEnums(t));
            if (!created.isEmpty()) {
                step.warn("Table " + t.name() + " is dropped while " + createdNames + " " + (created.size() == 1 ? "is" : "are")
                        + " created. If one of them is " + t.name() + " renamed, this loses its rows: declare the rename "
                        + "(AutogenerateOptions.renameTable(\"" + t.name() + "\", \"" + createdNames.get(0) + "\"), or "
                        + "--rename-table " + t.name() + "=" + createdNames.get(0) + ") and generate again, or replace the "
                        + "two operations with ops.renameTable(\"" + t.name() + "\", \"" + createdNames.get(0) + "\").");
            }
            steps.add(step);
        }
    }

    private boolean hasNamedEnums(Table t) {
        if (!dialect.supports(Capability.NAMED_ENUM_TYPES)) {
            return false;
        }
        for (Column<?> c : t.columns()) {
            Object s = Types.stored(c.type());
            if (s instanceof ArrayType<?> a) {
                s = Types.stored(a.elementType());
            }
            if (s instanceof EnumType<?>) {
                return true;
            }
        }
        return false;
    }
}
