package dev.retort.migrate.autogenerate;

import dev.retort.migrate.autogenerate.ConstraintSteps.ForeignKeyDef;
import dev.retort.migrate.autogenerate.ConstraintSteps.IndexDef;
import dev.retort.migrate.autogenerate.ConstraintSteps.UniqueDef;
import dev.retort.reflect.ReflectedForeignKey;
import dev.retort.reflect.ReflectedIndex;
import dev.retort.reflect.ReflectedTable;
import dev.retort.reflect.ReflectedUniqueConstraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Compares the foreign keys, unique constraints and indexes of a table both sides have. A model
 * constraint and a database constraint are the same one when both have a name and the names are
 * equal (so a naming convention decides), or, when either has no name, when they cover the same
 * columns. A unique index and a unique constraint over the same columns count as one (MariaDB
 * reports every unique index as a constraint), and RESTRICT counts as NO ACTION (MariaDB reports
 * one for the other). A pair that differs is dropped and added again.
 */
final class ConstraintComparer {
    private final AutogenerateOptions options;
    private final Renaming renaming;
    private final List<Step> out;

    ConstraintComparer(AutogenerateOptions options, Renaming renaming, List<Step> out) {
        this.options = options;
        this.renaming = renaming;
        this.out = out;
    }

    /** A constraint of one side, with the database's own names kept for dropping and restoring it. */
    private record Side<T>(T compared, T raw) {
    }

    void compare(Table model, ReflectedTable database) {
        foreignKeys(model, database);
        uniquesAndIndexes(model, database);
    }

    // ---- foreign keys -------------------------------------------------------------------------------

    private static ReferentialAction normal(ReferentialAction a) {
        return a == ReferentialAction.RESTRICT ? ReferentialAction.NO_ACTION : a;
    }

    private static boolean sameTarget(ForeignKeyDef a, ForeignKeyDef b) {
        return a.columns().equals(b.columns()) && a.referredTable().equals(b.referredTable())
                && a.referredColumns().equals(b.referredColumns());
    }

    private static boolean sameForeignKey(ForeignKeyDef a, ForeignKeyDef b) {
        return sameTarget(a, b) && normal(a.onDelete()) == normal(b.onDelete()) && normal(a.onUpdate()) == normal(b.onUpdate())
                && a.deferrable() == b.deferrable() && a.initiallyDeferred() == b.initiallyDeferred();
    }

    private void foreignKeys(Table model, ReflectedTable database) {
        String table = model.name();
        String dbTable = database.name();
        List<ForeignKeyDef> mine = new ArrayList<>();
        for (ForeignKey fk : model.foreignKeys()) {
            String name = fk.name().orElse(null);
            if (!options.ignores(new SchemaObject(SchemaObject.Kind.FOREIGN_KEY, table, name))) {
                mine.add(new ForeignKeyDef(name, fk.columnNames(), fk.referredTableName(), fk.referredColumnNames(),
                        fk.onDelete(), fk.onUpdate(), fk.deferrable(), fk.initiallyDeferred()));
            }
        }
        List<Side<ForeignKeyDef>> theirs = new ArrayList<>();
        for (ReflectedForeignKey fk : database.foreignKeys()) {
            if (options.ignores(new SchemaObject(SchemaObject.Kind.FOREIGN_KEY, table, fk.name()))) {
                continue;
            }
            ForeignKeyDef raw = new ForeignKeyDef(fk.name(), fk.columns(), fk.referredTable(), fk.referredColumns(),
                    fk.onDelete(), fk.onUpdate(), fk.deferrable(), fk.initiallyDeferred());
            ForeignKeyDef compared = new ForeignKeyDef(fk.name(), Names.mapped(fk.columns(), renaming.columns(dbTable)),
                    renaming.modelTable(fk.referredTable()), Names.mapped(fk.referredColumns(),
                    renaming.columns(fk.referredTable())), fk.onDelete(), fk.onUpdate(), fk.deferrable(), fk.initiallyDeferred());
            theirs.add(new Side<>(compared, raw));
        }
        List<ForeignKeyDef> added = new ArrayList<>();
        for (ForeignKeyDef m : mine) {
            Optional<Side<ForeignKeyDef>> pair = take(theirs, d -> m.name() != null && m.name().equals(d.compared().name()));
            if (pair.isEmpty()) {
                pair = take(theirs, d -> (m.name() == null || d.compared().name() == null) && sameTarget(m, d.compared()));
            }
            if (pair.isPresent() && sameForeignKey(m, pair.get().compared())) {
                continue;
            }
            pair.ifPresent(d -> dropForeignKey(dbTable, d.raw()));
            added.add(m.name() != null ? m : m.named(pair.map(d -> d.raw().name()).orElse(null)));
        }
        for (Side<ForeignKeyDef> d : theirs) {
            dropForeignKey(dbTable, d.raw());
        }
        for (ForeignKeyDef m : added) {
            addForeignKey(table, m);
        }
    }

    void addForeignKey(String table, ForeignKeyDef fk) {
        ForeignKeyDef named = fk;
        Step step;
        if (fk.name() == null) {
            named = fk.named(Names.foreignKey(table, fk.columns(), fk.referredTable()));
            step = new ConstraintSteps.AddForeignKey(table, named).warn("The model's foreign key on " + table + " "
                    + fk.columns() + " has no name; the revision names it " + named.name() + ". A naming convention on "
                    + "the MetaData keeps names stable.");
        } else {
            step = new ConstraintSteps.AddForeignKey(table, named);
        }
        out.add(step);
    }

    void dropForeignKey(String dbTable, ForeignKeyDef raw) {
        String restored = raw.name() != null ? raw.name() : Names.foreignKey(dbTable, raw.columns(), raw.referredTable());
        out.add(new ConstraintSteps.DropForeignKey(dbTable, raw, restored));
    }

    // ---- unique constraints and indexes ---------------------------------------------------------------

    private static boolean plain(IndexDef i) {
        return i.where() == null && i.elements().stream().allMatch(e -> e.matches("[A-Za-z_][A-Za-z0-9_$]*"));
    }

    private static boolean sameIndex(IndexDef a, IndexDef b) {
        List<String> ea = a.elements().stream().map(Expressions::normalize).toList();
        List<String> eb = b.elements().stream().map(Expressions::normalize).toList();
        return a.unique() == b.unique() && ea.equals(eb) && Objects.equals(Expressions.normalize(a.where()),
                Expressions.normalize(b.where()));
    }

    private void uniquesAndIndexes(Table model, ReflectedTable database) {
        String table = model.name();
        String dbTable = database.name();
        List<UniqueDef> myUniques = new ArrayList<>();
        List<UniqueConstraint> deferrable = new ArrayList<>();
        for (UniqueConstraint u : model.uniqueConstraints()) {
            if (!options.ignores(new SchemaObject(SchemaObject.Kind.UNIQUE_CONSTRAINT, table, u.name()))) {
                myUniques.add(new UniqueDef(u.name(), TableCode.names(u.columns())));
                if (u.deferrable()) {
                    deferrable.add(u);
                }
            }
        }
        List<IndexDef> myIndexes = new ArrayList<>();
        for (Index i : model.indexes()) {
            if (!options.ignores(new SchemaObject(SchemaObject.Kind.INDEX, table, i.name()))) {
                List<String> elements = new ArrayList<>();
                for (Index.Element e : i.elements()) {
                    elements.add(e.isExpression() ? e.expression() : e.column().name());
                }
                myIndexes.add(new IndexDef(i.name(), i.unique(), elements, i.where()));
            }
        }
        List<Side<UniqueDef>> theirUniques = new ArrayList<>();
        for (ReflectedUniqueConstraint u : database.uniqueConstraints()) {
            if (!options.ignores(new SchemaObject(SchemaObject.Kind.UNIQUE_CONSTRAINT, table, u.name()))) {
                UniqueDef raw = new UniqueDef(u.name(), u.columns());
                theirUniques.add(new Side<>(new UniqueDef(u.name(), Names.mapped(u.columns(), renaming.columns(dbTable))), raw));
            }
        }
        List<Side<IndexDef>> theirIndexes = new ArrayList<>();
        for (ReflectedIndex i : database.indexes()) {
            if (options.ignores(new SchemaObject(SchemaObject.Kind.INDEX, table, i.name()))) {
                continue;
            }
            List<String> raw = new ArrayList<>();
            List<String> mapped = new ArrayList<>();
            for (ReflectedIndex.Element e : i.elements()) {
                raw.add(e.isExpression() ? e.expression() : e.column());
                mapped.add(e.isExpression() ? e.expression() : renaming.modelColumn(dbTable, e.column()));
            }
            theirIndexes.add(new Side<>(new IndexDef(i.name(), i.unique(), mapped, i.where()),
                    new IndexDef(i.name(), i.unique(), raw, i.where())));
        }

        List<Step> adds = new ArrayList<>();
        for (UniqueDef m : myUniques) {
            Optional<Side<UniqueDef>> pair = take(theirUniques, d -> m.name() != null && m.name().equals(d.compared().name()));
            if (pair.isEmpty()) {
                pair = take(theirUniques, d -> (m.name() == null || d.compared().name() == null)
                        && m.columns().equals(d.compared().columns()));
            }
            if (pair.isPresent()) {
                if (!m.columns().equals(pair.get().compared().columns())) {
                    dropUnique(dbTable, pair.get().raw());
                    adds.add(addUnique(table, m, deferrable));
                } else if (isDeferrable(m, deferrable)) {
                    adds.add(unsupportedDeferrable(table, m));
                }
                continue;
            }
            Optional<Side<IndexDef>> asIndex = take(theirIndexes, d -> plain(d.compared()) && d.compared().unique()
                    && ((m.name() != null && m.name().equals(d.compared().name()))
                    || (m.name() == null && m.columns().equals(d.compared().elements()))));
            if (asIndex.isPresent()) {
                if (!m.columns().equals(asIndex.get().compared().elements())) {
                    out.add(new ConstraintSteps.DropIndex(dbTable, asIndex.get().raw()));
                    adds.add(addUnique(table, m, deferrable));
                }
                continue;
            }
            adds.add(addUnique(table, m, deferrable));
        }
        for (IndexDef m : myIndexes) {
            Optional<Side<IndexDef>> pair = take(theirIndexes, d -> m.name().equals(d.compared().name()));
            if (pair.isPresent()) {
                if (!sameIndex(m, pair.get().compared())) {
                    out.add(new ConstraintSteps.DropIndex(dbTable, pair.get().raw()));
                    adds.add(new ConstraintSteps.AddIndex(table, m));
                }
                continue;
            }
            if (m.unique() && plain(m)) {
                Optional<Side<UniqueDef>> asUnique = take(theirUniques, d -> m.name().equals(d.compared().name())
                        || (d.compared().name() == null && m.elements().equals(d.compared().columns())));
                if (asUnique.isPresent()) {
                    if (!m.elements().equals(asUnique.get().compared().columns())) {
                        dropUnique(dbTable, asUnique.get().raw());
                        adds.add(new ConstraintSteps.AddIndex(table, m));
                    }
                    continue;
                }
            }
            adds.add(new ConstraintSteps.AddIndex(table, m));
        }
        for (Side<UniqueDef> d : theirUniques) {
            dropUnique(dbTable, d.raw());
        }
        for (Side<IndexDef> d : theirIndexes) {
            out.add(new ConstraintSteps.DropIndex(dbTable, d.raw()));
        }
        out.addAll(adds);
    }

    private static boolean isDeferrable(UniqueDef m, List<UniqueConstraint> deferrable) {
        return deferrable.stream().anyMatch(u -> Objects.equals(u.name(), m.name())
                && TableCode.names(u.columns()).equals(m.columns()));
    }

    private Step addUnique(String table, UniqueDef m, List<UniqueConstraint> deferrable) {
        if (isDeferrable(m, deferrable)) {
            return unsupportedDeferrable(table, m);
        }
        if (m.name() == null) {
            UniqueDef named = new UniqueDef(Names.unique(table, m.columns()), m.columns());
            return new ConstraintSteps.AddUnique(table, named).warn("The model's unique constraint on " + table + " "
                    + m.columns() + " has no name; the revision names it " + named.name() + ". A naming convention on the "
                    + "MetaData keeps names stable.");
        }
        return new ConstraintSteps.AddUnique(table, m);
    }

    private static Step unsupportedDeferrable(String table, UniqueDef m) {
        return new UnsupportedStep(table, "deferrable unique constraint " + m.name() + " on " + table + " " + m.columns()
                + " (the database's is missing or not deferrable)", "Operations add unique constraints checked after "
                + "each row; write this one with ops.execute(\"ALTER TABLE ... ADD CONSTRAINT ... DEFERRABLE ...\").");
    }

    private void dropUnique(String dbTable, UniqueDef raw) {
        String restored = raw.name() != null ? raw.name() : Names.unique(dbTable, raw.columns());
        out.add(new ConstraintSteps.DropUnique(dbTable, raw, restored));
    }

    /** Removes and returns the first element that matches. */
    private static <T> Optional<T> take(List<T> list, Predicate<T> match) {
        Iterator<T> it = list.iterator();
        while (it.hasNext()) {
            T t = it.next();
            if (match.test(t)) {
                it.remove();
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
