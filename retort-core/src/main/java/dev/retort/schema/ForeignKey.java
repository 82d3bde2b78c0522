package dev.retort.schema;

import dev.retort.DefinitionException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A foreign key from columns of one table to columns of another (or the same) table, with
 * ON DELETE / ON UPDATE actions; deferrable on PostgreSQL. Made in a table definition, either from
 * {@link Column} objects (checked at once) or by table and column names (checked when the
 * {@link MetaData} is used, so tables may refer to tables defined later). A key made by name may
 * also carry a lookup that finds the referenced table when it is first needed, for tables built in
 * no MetaData that refer to each other (see
 * {@link Table.Builder#foreignKey(List, String, List, ForeignKeyOptions, Supplier)}).
 *
 * <p>{@code useAlter} makes DDL add the constraint with ALTER TABLE after all tables exist; Retort
 * sets it by itself for the foreign keys that close a cycle between tables.
 */
public final class ForeignKey {
    private final Table table;
    private final String name;
    private final List<Column<?>> columns;
    private final String referredSchema;
    private final String referredTableName;
    private final List<String> referredColumnNames;
    private final Table referredTable;
    private final ReferentialAction onDelete;
    private final ReferentialAction onUpdate;
    private final boolean deferrable;
    private final boolean initiallyDeferred;
    private final boolean useAlter;
    /** Finds the referenced table of a key made by name outside a MetaData; {@code null} otherwise. */
    private final Supplier<Table> lookup;

    ForeignKey(Table table, String name, List<Column<?>> columns, Table referredTable, String referredSchema,
               String referredTableName, List<String> referredColumnNames, ReferentialAction onDelete,
               ReferentialAction onUpdate, boolean deferrable, boolean initiallyDeferred, boolean useAlter,
               Supplier<Table> lookup) {
        this.table = table;
        this.lookup = lookup;
        this.name = name;
        this.columns = List.copyOf(columns);
        this.referredTable = referredTable;
        this.referredSchema = referredSchema;
        this.referredTableName = Objects.requireNonNull(referredTableName);
        this.referredColumnNames = List.copyOf(referredColumnNames);
        this.onDelete = onDelete;
        this.onUpdate = onUpdate;
        this.deferrable = deferrable;
        this.initiallyDeferred = initiallyDeferred;
        this.useAlter = useAlter;
        if (this.columns.size() != this.referredColumnNames.size()) {
            throw new DefinitionException("Foreign key on " + table.name() + " " + columnNames() + " has "
                    + this.columns.size() + " columns but refers to " + this.referredColumnNames.size() + " columns of "
                    + referredTableName + " " + referredColumnNames + ": give as many of each.");
        }
    }

    /** @return the table holding the foreign key */
    public Table table() {
        return table;
    }

    /** @return the constraint name, if it has one */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return the referencing columns, in order */
    public List<Column<?>> columns() {
        return columns;
    }

    /** @return the names of the referencing columns */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (Column<?> c : columns) {
            names.add(c.name());
        }
        return names;
    }

    /** @return the referenced table's schema, or {@code null} for the default */
    public String referredSchema() {
        return referredSchema;
    }

    /** @return the referenced table's name */
    public String referredTableName() {
        return referredTableName;
    }

    /** @return the referenced columns' names, in order */
    public List<String> referredColumnNames() {
        return referredColumnNames;
    }

    /**
     * The referenced table: the one given, else the one the key's lookup finds, else the one of
     * that name in this table's MetaData.
     *
     * @return the table
     * @throws DefinitionException naming the key, if the table or its columns do not exist, or the
     *         lookup finds a table of another name
     */
    public Table referredTable() {
        if (referredTable != null) {
            return referredTable;
        }
        if (lookup != null) {
            Table found = lookup.get();
            if (found == null || !found.name().equals(referredTableName)
                    || (referredSchema != null && found.schema() != null && !referredSchema.equals(found.schema()))) {
                throw new DefinitionException("Foreign key " + describe() + " refers to table " + referredTableName
                        + ", but its lookup found " + (found == null ? "no table" : "table " + found.fullName())
                        + ". Give the name of the table the lookup returns.");
            }
            return found;
        }
        MetaData md = table.metadata().orElseThrow(() -> new DefinitionException("Foreign key " + describe()
                + " refers to table " + referredTableName + " by name, but " + table.name()
                + " belongs to no MetaData in which to find it. Define both tables in one MetaData."));
        return md.table(referredSchema, referredTableName).orElseThrow(() -> new DefinitionException(
                "Foreign key " + describe() + " refers to table " + referredTableName
                        + ", which is not defined in this MetaData. Define it, or fix the name."));
    }

    /**
     * The referenced columns.
     *
     * @return the columns, in order
     * @throws DefinitionException if a column does not exist or its type differs from the referencing one
     */
    public List<Column<?>> referredColumns() {
        Table target = referredTable();
        List<Column<?>> out = new ArrayList<>();
        for (int i = 0; i < referredColumnNames.size(); i++) {
            String n = referredColumnNames.get(i);
            Column<?> c = target.findColumn(n).orElseThrow(() -> new DefinitionException("Foreign key " + describe()
                    + " refers to column " + referredTableName + "." + n + ", which does not exist; " + referredTableName
                    + " has " + target.columnNames() + "."));
            Table.checkSameType(columns.get(i), c);
            out.add(c);
        }
        return out;
    }

    /** @return the ON DELETE action */
    public ReferentialAction onDelete() {
        return onDelete;
    }

    /** @return the ON UPDATE action */
    public ReferentialAction onUpdate() {
        return onUpdate;
    }

    /** @return whether the constraint is DEFERRABLE (PostgreSQL) */
    public boolean deferrable() {
        return deferrable;
    }

    /** @return whether it is INITIALLY DEFERRED (PostgreSQL) */
    public boolean initiallyDeferred() {
        return initiallyDeferred;
    }

    /** @return whether DDL adds it with ALTER TABLE after creating the tables, as declared */
    public boolean useAlter() {
        return useAlter;
    }

    /** @return whether the key refers to its own table */
    public boolean isSelfReferential() {
        return referredTableName.equals(table.name()) && Objects.equals(referredSchema, table.schema());
    }

    String describe() {
        return (name != null ? name + " " : "") + "(" + table.name() + " " + columnNames() + " -> " + referredTableName
                + " " + referredColumnNames + ")";
    }

    @Override
    public String toString() {
        return "FOREIGN KEY " + describe();
    }
}
