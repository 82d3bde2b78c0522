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
 * and dropped after, comments with COMMENT ON, sequences drawn with {@code nextval}.
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

    @Override
    protected List<String> createTypes(Collection<Table> tables, ExistingObjects existing) {
        List<String> out = new ArrayList<>();
        for (EnumType<?> e : enumTypes(tables).values()) {
            if (!existing.types().contains(e.name())) {
                out.add(createEnumType(e));
            }
        }
        return out;
    }

    /**
     * CREATE TYPE ... AS ENUM.
     *
     * @param e the enum type
     * @return the statement
     */
    public String createEnumType(EnumType<?> e) {
        List<String> labels = new ArrayList<>();
        for (String l : e.labels()) {
            labels.add(stringLiteral(l));
        }
        return "CREATE TYPE " + ids.quote(e.name()) + " AS ENUM (" + String.join(", ", labels) + ")";
    }

    /**
     * DROP TYPE.
     *
     * @param e the enum type
     * @return the statement
     */
    public String dropEnumType(EnumType<?> e) {
        return "DROP TYPE " + ids.quote(e.name());
    }

    @Override
    protected List<String> afterDrop(MetaData metadata, Collection<Table> dropped) {
        List<String> out = new ArrayList<>();
        Set<Table> remaining = new HashSet<>(metadata.tables());
        remaining.removeAll(dropped);
        Map<String, EnumType<?>> stillUsed = enumTypes(remaining);
        for (EnumType<?> e : enumTypes(dropped).values()) {
            if (!stillUsed.containsKey(e.name())) {
                out.add(dropEnumType(e));
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
