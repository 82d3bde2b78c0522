package dev.retort.migrate.autogenerate;

import dev.retort.schema.Column;
import dev.retort.schema.Table;
import dev.retort.types.ArrayType;
import dev.retort.types.EnumType;
import dev.retort.types.SqlType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares PostgreSQL's named enum types: the types the model's columns use with those the
 * database's columns use. A type only the model has is created; one no column uses after the
 * upgrade is dropped; labels the model adds are added next to their neighbours (keeping rows as
 * they are), declared label renames rename; labels that go or move make the type anew.
 */
final class EnumComparer {
    private final AutogenerateOptions options;
    private final List<Step> out;
    private final List<String> warnings;

    EnumComparer(AutogenerateOptions options, List<Step> out, List<String> warnings) {
        this.options = options;
        this.out = out;
        this.warnings = warnings;
    }

    /** The enum types some tables' columns use, by name, with the columns ({@code table.column}) using each. */
    static final class Usage {
        final Map<String, List<String>> labels = new LinkedHashMap<>();
        final Map<String, List<String>> columns = new LinkedHashMap<>();

        void add(Collection<Table> tables, List<String> conflicts) {
            for (Table t : tables) {
                for (Column<?> c : t.columns()) {
                    EnumType<?> e = enumType(c.type());
                    if (e == null) {
                        continue;
                    }
                    List<String> before = labels.putIfAbsent(e.name(), e.labels());
                    if (before != null && !before.equals(e.labels())) {
                        conflicts.add("Enum type " + e.name() + " has the labels " + before + " and, in column "
                                + c.qualifiedName() + ", " + e.labels() + "; autogenerate used the first. Give one of "
                                + "them another name.");
                    }
                    columns.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(t.name() + "." + c.name());
                }
            }
        }

        private static EnumType<?> enumType(SqlType<?> type) {
            SqlType<?> s = Types.stored(type);
            if (s instanceof ArrayType<?> a) {
                s = Types.stored(a.elementType());
            }
            return s instanceof EnumType<?> e ? e : null;
        }
    }

    /**
     * @param model the types the model's tables use (and the ignored database tables, which keep theirs)
     * @param database the types the database's tables use
     */
    void compare(Usage model, Usage database) {
        for (Map.Entry<String, List<String>> e : model.labels.entrySet()) {
            String name = e.getKey();
            if (options.ignores(new SchemaObject(SchemaObject.Kind.ENUM_TYPE, null, name))) {
                continue;
            }
            List<String> theirs = database.labels.get(name);
            if (theirs == null) {
                out.add(new EnumSteps.Create(name, e.getValue()));
            } else if (!theirs.equals(e.getValue())) {
                labels(name, theirs, e.getValue(), database.columns.get(name), model.columns.get(name));
            }
        }
        for (Map.Entry<String, List<String>> e : database.labels.entrySet()) {
            if (!model.labels.containsKey(e.getKey())
                    && !options.ignores(new SchemaObject(SchemaObject.Kind.ENUM_TYPE, null, e.getKey()))) {
                out.add(new EnumSteps.Drop(e.getKey(), e.getValue()));
            }
        }
    }

    private void labels(String type, List<String> theirs, List<String> mine, List<String> usedBefore, List<String> usedAfter) {
        List<String> current = new ArrayList<>(theirs);
        for (Map.Entry<String, String> r : options.enumValueRenames(type).entrySet()) {
            int at = current.indexOf(r.getKey());
            if (at >= 0 && !current.contains(r.getValue()) && mine.contains(r.getValue()) && !mine.contains(r.getKey())) {
                out.add(new EnumSteps.RenameValue(type, r.getKey(), r.getValue()));
                current.set(at, r.getValue());
            } else if (!current.contains(r.getValue())) {
                warnings.add("The rename of label " + r.getKey() + " of enum type " + type + " to " + r.getValue()
                        + " was not used: the database's labels are " + theirs + " and the model's " + mine + ".");
            }
        }
        if (current.equals(mine)) {
            return;
        }
        if (isSubsequence(current, mine)) {
            List<String> before = List.copyOf(current);
            boolean first = true;
            for (int i = 0; i < mine.size(); i++) {
                String label = mine.get(i);
                if (current.contains(label)) {
                    continue;
                }
                String after = i > 0 ? mine.get(i - 1) : null;
                String beforeLabel = i == 0 ? current.get(0) : null;
                out.add(new EnumSteps.AddValue(type, label, beforeLabel, after, first ? before : null, usedBefore));
                current.add(i, label);
                first = false;
            }
            return;
        }
        Step step = new EnumSteps.Recreate(type, List.copyOf(current), mine, usedAfter);
        List<String> gone = new ArrayList<>(current);
        gone.removeAll(mine);
        if (!gone.isEmpty()) {
            step.warn("Enum type " + type + " loses the labels " + gone + ". If one is renamed, declare it "
                    + "(AutogenerateOptions.renameEnumValue(\"" + type + "\", old, new)) and generate again: a rename keeps "
                    + "the rows that hold it, while rows holding a label that goes make the upgrade fail.");
        }
        out.add(step);
    }

    private static boolean isSubsequence(List<String> part, List<String> whole) {
        int at = 0;
        for (String s : whole) {
            if (at < part.size() && part.get(at).equals(s)) {
                at++;
            }
        }
        return at == part.size() && whole.containsAll(part);
    }
}
