package dev.retort.dialect.mysql;

import dev.retort.dialect.ColumnChange;
import dev.retort.dialect.DdlCompiler;
import dev.retort.dialect.Dialect;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.MetaData;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * MySQL and MariaDB DDL: AUTO_INCREMENT, InnoDB tables in utf8mb4, inline comments, foreign keys
 * dropped with DROP FOREIGN KEY, and foreign-key checks switched off while a set of tables that
 * refer to each other is dropped. String literals escape backslashes too, since the server reads
 * them as escapes unless NO_BACKSLASH_ESCAPES is set.
 */
public class MysqlDdlCompiler extends DdlCompiler {

    /**
     * Creates the compiler.
     *
     * @param dialect the MySQL or MariaDB dialect
     */
    public MysqlDdlCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String autoincrementClause(Column<?> c) {
        return " AUTO_INCREMENT";
    }

    @Override
    protected String tableOptions(Table t) {
        StringBuilder b = new StringBuilder(" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        t.comment().ifPresent(c -> b.append(" COMMENT=").append(stringLiteral(c)));
        return b.toString();
    }

    @Override
    protected String columnComment(Column<?> c) {
        return c.comment().map(text -> " COMMENT " + stringLiteral(text)).orElse(null);
    }

    @Override
    public String dropForeignKey(String schema, String table, String name) {
        return "ALTER TABLE " + ids.qualified(schema, table) + " DROP FOREIGN KEY " + ids.quote(name);
    }

    /** A unique constraint is a unique index here. */
    @Override
    public String dropUniqueConstraint(String schema, String table, String name) {
        return "ALTER TABLE " + ids.qualified(schema, table) + " DROP INDEX " + ids.quote(name);
    }

    /** The new name keeps the schema: unqualified, the table would move to the current database. */
    @Override
    public String renameTable(String schema, String from, String to) {
        return "ALTER TABLE " + ids.qualified(schema, from) + " RENAME TO " + ids.qualified(schema, to);
    }

    /** MODIFY COLUMN restates the whole column to change its type or nullability. */
    @Override
    public boolean alterColumnRestatesDefinition(Set<ColumnChange> changes) {
        return changes.contains(ColumnChange.TYPE) || changes.contains(ColumnChange.NULLABILITY);
    }

    /**
     * {@code MODIFY COLUMN} with the column's whole definition for a new type or nullability (a
     * default changes with them); {@code ALTER COLUMN ... SET DEFAULT / DROP DEFAULT} for the
     * default alone.
     */
    @Override
    public List<String> alterColumn(Column<?> column, Set<ColumnChange> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        String table = "ALTER TABLE " + tableName(column.table());
        if (alterColumnRestatesDefinition(changes)) {
            return List.of(table + " MODIFY COLUMN " + columnDefinition(column));
        }
        String def = defaultClause(column);
        return List.of(table + " ALTER COLUMN " + ids.quote(column.name()) + (def == null ? " DROP DEFAULT"
                : " SET DEFAULT " + def));
    }

    @Override
    protected List<String> beforeDrop(Set<ForeignKey> deferred) {
        return deferred.isEmpty() ? List.of() : List.of("SET FOREIGN_KEY_CHECKS = 0");
    }

    @Override
    public List<String> dropStatements(MetaData metadata, Collection<Table> tables) {
        List<String> out = new ArrayList<>(super.dropStatements(metadata, tables));
        if (out.contains("SET FOREIGN_KEY_CHECKS = 0")) {
            int seqStart = out.size();
            while (seqStart > 0 && out.get(seqStart - 1).startsWith("DROP SEQUENCE")) {
                seqStart--;
            }
            out.add(seqStart, "SET FOREIGN_KEY_CHECKS = 1");
        }
        return out;
    }

    @Override
    protected List<String> afterDrop(MetaData metadata, Collection<Table> dropped) {
        Set<Table> remaining = new HashSet<>(metadata.tables());
        remaining.removeAll(dropped);
        List<String> out = new ArrayList<>();
        if (remaining.isEmpty()) {
            for (Sequence s : metadata.sequences()) {
                out.add(dropSequence(s));
            }
        }
        return out;
    }

    @Override
    public String dropIndex(String schema, String table, String name) {
        return "DROP INDEX " + ids.quote(name) + " ON " + ids.qualified(schema, table);
    }

    @Override
    protected String stringLiteral(String s) {
        return super.stringLiteral(s.replace("\\", "\\\\"));
    }
}
