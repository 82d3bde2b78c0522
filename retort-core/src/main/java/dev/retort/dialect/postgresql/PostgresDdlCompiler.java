package dev.retort.dialect.postgresql;

import dev.retort.dialect.DdlCompiler;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.ExistingObjects;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.MetaData;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.types.EnumType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL's DDL: identity columns, named enum types created before the tables that use them
 * and dropped after (and changed with ALTER TYPE for migrations), comments with COMMENT ON,
 * sequences drawn with {@code nextval}.
 */
public class PostgresDdlCompiler extends DdlCompiler {

    /**
     * Creates the compiler.
     *
     * @param dialect the PostgreSQL dialect
     */
    public PostgresDdlCompiler(Dialect dialect) {
        super(dialect);
    }

    /** Enum types live in the schema of the tables that use them. */
    @Override
    public String columnType(Column<?> c) {
        if (stored(c.type()) instanceof EnumType<?> e) {
            return ids.qualified(c.table().schema(), e.name());
        }
        return super.columnType(c);
    }

    @Override
    protected List<String> createTypes(Collection<Table> tables, ExistingObjects existing) {
        List<String> out = new ArrayList<>();
        Map<String, EnumType<?>> all = enumTypes(tables);
        for (Table t : tables) {
            for (EnumType<?> e : enumTypes(List.of(t)).values()) {
                String statement = createEnumType(t.schema(), e);
                if (!existing.types().contains(e.name()) && !out.contains(statement) && all.containsKey(e.name())) {
                    out.add(statement);
                }
            }
        }
        return out;
    }

    /** CREATE TYPE ... AS ENUM, labels written as escaped literals. */
    @Override
    public String createEnumType(String schema, EnumType<?> e) {
        List<String> labels = new ArrayList<>();
        for (String l : e.labels()) {
            labels.add(stringLiteral(l));
        }
        return "CREATE TYPE " + ids.qualified(schema, e.name()) + " AS ENUM (" + String.join(", ", labels) + ")";
    }

    /**
     * DROP TYPE.
     *
     * @param schema the schema, or {@code null}
     * @param e the enum type
     * @return the statement
     */
    public String dropEnumType(String schema, EnumType<?> e) {
        return dropEnumType(schema, e.name());
    }

    @Override
    public String dropEnumType(String schema, String name) {
        return "DROP TYPE " + ids.qualified(schema, name);
    }

    /** {@code ALTER TYPE t ADD VALUE 'x' [BEFORE 'y' | AFTER 'y']}. */
    @Override
    public String addEnumValue(String schema, String type, String label, String before, String after) {
        if (before != null && after != null) {
            throw new dev.retort.CompileException("Add value " + label + " to enum type " + type
                    + ": give the label it goes before or the one it goes after, not both.");
        }
        String position = before != null ? " BEFORE " + stringLiteral(before)
                : after != null ? " AFTER " + stringLiteral(after) : "";
        return "ALTER TYPE " + ids.qualified(schema, type) + " ADD VALUE " + stringLiteral(label) + position;
    }

    @Override
    public String renameEnumValue(String schema, String type, String from, String to) {
        return "ALTER TYPE " + ids.qualified(schema, type) + " RENAME VALUE " + stringLiteral(from) + " TO "
                + stringLiteral(to);
    }

    @Override
    public String renameEnumType(String schema, String from, String to) {
        return "ALTER TYPE " + ids.qualified(schema, from) + " RENAME TO " + ids.quote(to);
    }

    @Override
    protected List<String> afterDrop(MetaData metadata, Collection<Table> dropped) {
        List<String> out = new ArrayList<>();
        Set<Table> remaining = new HashSet<>(metadata.tables());
        remaining.removeAll(dropped);
        Map<String, EnumType<?>> stillUsed = enumTypes(remaining);
        for (Table t : dropped) {
            for (EnumType<?> e : enumTypes(List.of(t)).values()) {
                String statement = dropEnumType(t.schema(), e);
                if (!stillUsed.containsKey(e.name()) && !out.contains(statement)) {
                    out.add(statement);
                }
            }
        }
        if (remaining.isEmpty()) {
            for (Sequence s : metadata.sequences()) {
                out.add(dropSequence(s));
            }
        }
        return out;
    }

    @Override
    protected List<String> commentStatements(Table t) {
        List<String> out = new ArrayList<>();
        t.comment().ifPresent(c -> out.add("COMMENT ON TABLE " + tableName(t) + " IS " + stringLiteral(c)));
        for (Column<?> col : t.columns()) {
            col.comment().ifPresent(c -> out.add("COMMENT ON COLUMN " + tableName(t) + "." + ids.quote(col.name())
                    + " IS " + stringLiteral(c)));
        }
        return out;
    }

    @Override
    protected List<String> dropTypes(Collection<Table> tables) {
        List<String> out = new ArrayList<>();
        for (Table t : tables) {
            for (EnumType<?> e : enumTypes(List.of(t)).values()) {
                String statement = dropEnumType(t.schema(), e);
                if (!out.contains(statement)) {
                    out.add(statement);
                }
            }
        }
        return out;
    }

    /** ADD COLUMN, then the column's comment with COMMENT ON. */
    @Override
    public List<String> addColumn(Column<?> column) {
        List<String> out = new ArrayList<>(super.addColumn(column));
        column.comment().ifPresent(c -> out.add("COMMENT ON COLUMN " + tableName(column.table()) + "."
                + ids.quote(column.name()) + " IS " + stringLiteral(c)));
        return out;
    }

    /**
     * {@code TYPE x USING c::x}: the explicit cast converts what an implicit one would refuse (text
     * to integer). An enum type goes through text ({@code c::text::x}), the one cast every type has
     * to an enum, including another enum type.
     */
    @Override
    protected String alterType(Column<?> column) {
        String type = columnType(column);
        String via = stored(column.type()) instanceof EnumType<?> ? "::text" : "";
        return "TYPE " + type + " USING " + ids.quote(column.name()) + via + "::" + type;
    }

    @Override
    protected String nextValue(Sequence s) {
        return "nextval(" + stringLiteral(ids.qualified(s.schema(), s.name())) + ")";
    }

    /** PostgreSQL names an unnamed foreign key {@code <table>_<columns>_fkey}. */
    @Override
    protected String foreignKeyName(ForeignKey fk) {
        return fk.name().orElseGet(() -> {
            String n = fk.table().name() + "_" + String.join("_", fk.columnNames()) + "_fkey";
            return n.length() > 63 ? n.substring(0, 63) : n;
        });
    }
}
