package dev.retort.migrate.autogenerate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How {@link Autogenerate} compares: what to ignore, which renames to make instead of a drop and
 * an add, whether to compare server defaults, and the version table to leave alone. Immutable;
 * each method returns new options.
 *
 * <pre>{@code
 * AutogenerateOptions options = AutogenerateOptions.defaults()
 *         .ignore(o -> o.kind() == SchemaObject.Kind.TABLE && o.name().startsWith("tmp_"))
 *         .renameTable("media_type", "media_format")
 *         .renameColumn("artist", "name", "display_name");
 * }</pre>
 *
 * <p>Autogenerate never guesses a rename: without one declared here, a table or column that goes
 * while another comes is dropped and added, with a loud comment in the generated revision. A
 * declared rename turns the two into a rename that keeps the data. Renames name tables as the
 * model names them; a column rename names its table by the model's (new) name.
 */
public final class AutogenerateOptions {
    private static final AutogenerateOptions DEFAULTS = new AutogenerateOptions(o -> false, Map.of(), Map.of(), Map.of(),
            true, "retort_version");

    private final Predicate<SchemaObject> ignore;
    private final Map<String, String> tableRenames;
    private final Map<String, Map<String, String>> columnRenames;
    private final Map<String, Map<String, String>> enumValueRenames;
    private final boolean compareServerDefaults;
    private final String versionTable;

    private AutogenerateOptions(Predicate<SchemaObject> ignore, Map<String, String> tableRenames,
                                Map<String, Map<String, String>> columnRenames,
                                Map<String, Map<String, String>> enumValueRenames, boolean compareServerDefaults,
                                String versionTable) {
        this.ignore = ignore;
        this.tableRenames = tableRenames;
        this.columnRenames = columnRenames;
        this.enumValueRenames = enumValueRenames;
        this.compareServerDefaults = compareServerDefaults;
        this.versionTable = versionTable;
    }

    /** @return compare everything, rename nothing, compare server defaults, leave {@code retort_version} alone */
    public static AutogenerateOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Ignores what a predicate accepts, in the model and in the database: an ignored table is
     * neither created nor dropped, an ignored column of a table both sides have is neither added,
     * dropped nor altered, and so on (a table that is created is created whole). Several
     * predicates add up.
     *
     * @param predicate {@code true} for what to leave alone
     * @return new options
     */
    public AutogenerateOptions ignore(Predicate<SchemaObject> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        Predicate<SchemaObject> before = ignore;
        return new AutogenerateOptions(o -> before.test(o) || predicate.test(o), tableRenames, columnRenames,
                enumValueRenames, compareServerDefaults, versionTable);
    }

    /**
     * Declares that a database table is the model's table under a new name: autogenerate renames
     * it (keeping its rows) instead of dropping one and creating the other.
     *
     * @param from the table's name in the database
     * @param to its name in the model
     * @return new options
     */
    public AutogenerateOptions renameTable(String from, String to) {
        Map<String, String> m = new LinkedHashMap<>(tableRenames);
        m.put(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
        return new AutogenerateOptions(ignore, Map.copyOf(m), columnRenames, enumValueRenames, compareServerDefaults,
                versionTable);
    }

    /**
     * Declares that a database column is the model's column under a new name: autogenerate
     * renames it (keeping its values) instead of dropping one and adding the other.
     *
     * @param table the table, by its name in the model
     * @param from the column's name in the database
     * @param to its name in the model
     * @return new options
     */
    public AutogenerateOptions renameColumn(String table, String from, String to) {
        return new AutogenerateOptions(ignore, tableRenames, add(columnRenames, table, from, to), enumValueRenames,
                compareServerDefaults, versionTable);
    }

    /**
     * Declares that a label of a PostgreSQL enum type is renamed: autogenerate renames it (rows
     * keep their value under the new label) instead of dropping one label and adding another.
     *
     * @param type the enum type's name
     * @param from the label in the database
     * @param to the label in the model
     * @return new options
     */
    public AutogenerateOptions renameEnumValue(String type, String from, String to) {
        return new AutogenerateOptions(ignore, tableRenames, columnRenames, add(enumValueRenames, type, from, to),
                compareServerDefaults, versionTable);
    }

    private static Map<String, Map<String, String>> add(Map<String, Map<String, String>> map, String owner, String from,
                                                        String to) {
        Map<String, Map<String, String>> m = new LinkedHashMap<>(map);
        Map<String, String> inner = new LinkedHashMap<>(m.getOrDefault(Objects.requireNonNull(owner, "owner"), Map.of()));
        inner.put(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
        m.put(owner, Map.copyOf(inner));
        return Map.copyOf(m);
    }

    /**
     * Whether to compare server defaults. Databases print defaults their own way
     * ({@code 'x'::character varying}, {@code current_timestamp()}); Retort compares them after
     * taking casts, case, blanks and quotes around numbers away, which may still see a difference
     * in an expression the database rewrote. Switch it off then.
     *
     * @param compare whether to compare them (on by default)
     * @return new options
     */
    public AutogenerateOptions compareServerDefaults(boolean compare) {
        return new AutogenerateOptions(ignore, tableRenames, columnRenames, enumValueRenames, compare, versionTable);
    }

    /**
     * Names the migrations' version table, which autogenerate leaves alone.
     *
     * @param name the version table's name ({@code retort_version} by default)
     * @return new options
     */
    public AutogenerateOptions versionTable(String name) {
        return new AutogenerateOptions(ignore, tableRenames, columnRenames, enumValueRenames, compareServerDefaults,
                Objects.requireNonNull(name, "name"));
    }

    boolean ignores(SchemaObject o) {
        return ignore.test(o);
    }

    Map<String, String> tableRenames() {
        return tableRenames;
    }

    Map<String, String> columnRenames(String modelTable) {
        return columnRenames.getOrDefault(modelTable, Map.of());
    }

    Map<String, Map<String, String>> allColumnRenames() {
        return columnRenames;
    }

    boolean hasEnumValueRenames() {
        return !enumValueRenames.isEmpty();
    }

    Map<String, String> enumValueRenames(String type) {
        return enumValueRenames.getOrDefault(type, Map.of());
    }

    /** @return whether server defaults are compared */
    public boolean comparesServerDefaults() {
        return compareServerDefaults;
    }

    /** @return the version table's name */
    public String versionTable() {
        return versionTable;
    }

    @Override
    public String toString() {
        return "AutogenerateOptions[renames " + tableRenames + " " + columnRenames + " " + enumValueRenames
                + ", compareServerDefaults " + compareServerDefaults + ", versionTable " + versionTable + "]";
    }
}
