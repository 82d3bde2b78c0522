package dev.retort.migrate.autogenerate;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.ForeignKeyOptions;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import dev.retort.types.BigIntType;
import dev.retort.types.IntegerType;
import dev.retort.types.MappedType;
import dev.retort.types.SmallIntType;
import dev.retort.types.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A table as the {@code Table.builder(...)} chain that defines it again, one line per column and
 * constraint, every constraint under the name it has (the generated table belongs to no MetaData,
 * so no naming convention would name it).
 */
final class TableCode {
    static final String CONTINUATION = "        ";

    private final Imports imports;
    private final ColumnCode columns;
    private final TypeCode types;

    TableCode(Imports imports, ColumnCode columns) {
        this.imports = imports;
        this.columns = columns;
        this.types = new TypeCode(imports);
    }

    /**
     * The builder chain, without {@code .build()}; lines after the first start with {@link #CONTINUATION}.
     *
     * @param t the table
     * @param omitted foreign keys to leave out (added after the table by other operations)
     */
    String builder(Table t, Set<ForeignKey> omitted) {
        List<String> lines = new ArrayList<>();
        lines.add(imports.type(Table.class) + ".builder(" + JavaCode.str(t.name()) + ")");
        Optional<PrimaryKey> pk = t.primaryKey();
        boolean inlineKey = pk.isPresent() && pk.get().columns().size() == 1 && pk.get().name() == null;
        List<ForeignKey> fks = t.foreignKeys().stream().filter(fk -> !omitted.contains(fk)).toList();
        for (Column<?> c : t.columns()) {
            boolean key = inlineKey && pk.get().columns().get(0) == c;
            lines.add(".column(" + column(c, key, inferredAutoincrement(t, c, fks)) + ")");
        }
        if (pk.isPresent() && !inlineKey) {
            lines.add(".primaryKey(" + JavaCode.str(pk.get().name()) + ", " + JavaCode.strs(names(pk.get().columns())) + ")");
        }
        for (UniqueConstraint u : t.uniqueConstraints()) {
            lines.add(u.deferrable()
                    ? ".uniqueDeferrable(" + JavaCode.str(u.name()) + ", " + u.initiallyDeferred() + ", "
                    + JavaCode.strs(names(u.columns())) + ")"
                    : ".unique(" + JavaCode.str(u.name()) + ", " + JavaCode.strs(names(u.columns())) + ")");
        }
        for (ForeignKey fk : fks) {
            String options = columns.foreignKeyOptions(fk.name().orElse(null), fk.referredSchema() == null
                            || fk.referredSchema().equals(t.schema()) ? null : fk.referredSchema(), fk.onDelete(),
                    fk.onUpdate(), fk.deferrable(), fk.initiallyDeferred());
            String target = ".foreignKey(" + JavaCode.listOf(fk.columnNames(), imports) + ", "
                    + JavaCode.str(fk.referredTableName()) + ", " + JavaCode.listOf(fk.referredColumnNames(), imports) + ",";
            String opts = options != null ? options : imports.type(ForeignKeyOptions.class) + ".defaults()";
            lines.add(target + (target.length() + opts.length() > 90 ? "\n" + CONTINUATION + CONTINUATION : " ") + opts + ")");
        }
        for (CheckConstraint ck : t.checkConstraints()) {
            lines.add(".check(" + JavaCode.str(ck.name()) + ", " + JavaCode.str(ck.condition()) + ")");
        }
        for (Index i : t.indexes()) {
            lines.add(".index(" + indexArguments(i) + ")");
        }
        t.comment().ifPresent(c -> lines.add(".comment(" + JavaCode.str(c) + ")"));
        return String.join("\n" + CONTINUATION, lines);
    }

    /** The arguments of {@code index(...)}: name, unique, then columns, or a list of elements and a condition. */
    String indexArguments(Index i) {
        List<String> elements = new ArrayList<>();
        boolean plain = i.where() == null;
        for (Index.Element e : i.elements()) {
            elements.add(e.isExpression() ? e.expression() : e.column().name());
            plain &= !e.isExpression();
        }
        String head = JavaCode.str(i.name()) + ", " + i.unique() + ", ";
        return plain ? head + JavaCode.strs(elements)
                : head + JavaCode.listOf(elements, imports) + ", " + JavaCode.str(i.where());
    }

    /** {@code "name", TYPE, options...} for {@code .column(...)} or {@code ops.addColumn(table, ...)}. */
    String column(Column<?> c, boolean primaryKey, boolean inferredAutoincrement) {
        List<String> parts = new ArrayList<>();
        parts.add(JavaCode.str(c.name()));
        parts.add(types.of(c.type()));
        if (primaryKey) {
            parts.add(columns.option("PRIMARY_KEY"));
        } else if (!c.isNullable() && !c.isPrimaryKey()) {
            parts.add(columns.option("NOT_NULL"));
        }
        if (c.isAutoincrement() != inferredAutoincrement) {
            parts.add(columns.option(c.isAutoincrement() ? "AUTOINCREMENT" : "NO_AUTOINCREMENT"));
        }
        c.serverDefault().ifPresent(d -> parts.add(columns.serverDefault(d, c.type())));
        c.comment().ifPresent(text -> parts.add(columns.option("withComment") + "(" + JavaCode.str(text) + ")"));
        return String.join(", ", parts);
    }

    /** What a builder infers for a column it is not told about: autoincrement for a lone integer key that is no foreign key. */
    static boolean inferredAutoincrement(Table t, Column<?> c, List<ForeignKey> foreignKeys) {
        Optional<PrimaryKey> pk = t.primaryKey();
        return pk.isPresent() && pk.get().columns().size() == 1 && pk.get().columns().get(0) == c && isInteger(c.type())
                && c.serverDefault().isEmpty() && c.sequence().isEmpty()
                && foreignKeys.stream().noneMatch(fk -> fk.columns().contains(c));
    }

    private static boolean isInteger(SqlType<?> t) {
        SqlType<?> s = t instanceof MappedType<?, ?> m ? m.stored() : t;
        return s instanceof IntegerType || s instanceof BigIntType || s instanceof SmallIntType;
    }

    static List<String> names(List<Column<?>> cols) {
        List<String> out = new ArrayList<>();
        for (Column<?> c : cols) {
            out.add(c.name());
        }
        return out;
    }
}
