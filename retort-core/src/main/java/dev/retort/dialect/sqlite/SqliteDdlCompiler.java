package dev.retort.dialect.sqlite;

import dev.retort.dialect.DdlCompiler;
import dev.retort.dialect.Dialect;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.MetaData;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Table;
import dev.retort.types.EnumType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * SQLite's DDL. An autoincrement primary key is written {@code INTEGER NOT NULL PRIMARY KEY} in
 * its column (SQLite's rowid alias, whatever integer type the model says). SQLite cannot add a
 * constraint with ALTER TABLE but does not check foreign-key targets at CREATE TABLE, so every
 * foreign key is written inline, cycles included; dropping defers foreign-key checks to the end
 * of the transaction. Enums are a VARCHAR with a CHECK. Comments are not stored.
 */
public class SqliteDdlCompiler extends DdlCompiler {

    /**
     * Creates the compiler.
     *
     * @param dialect the SQLite dialect
     */
    public SqliteDdlCompiler(Dialect dialect) {
        super(dialect);
    }

    private static boolean isRowidAlias(Column<?> c) {
        return c.isAutoincrement();
    }

    @Override
    public String columnType(Column<?> c) {
        return isRowidAlias(c) ? "INTEGER" : super.columnType(c);
    }

    @Override
    protected String autoincrementClause(Column<?> c) {
        return " PRIMARY KEY";
    }

    @Override
    protected boolean primaryKeyInline(PrimaryKey pk) {
        return pk.columns().size() == 1 && isRowidAlias(pk.columns().get(0));
    }

    @Override
    protected String columnCheck(Column<?> c) {
        if (stored(c.type()) instanceof EnumType<?> e) {
            List<String> labels = new ArrayList<>();
            for (String l : e.labels()) {
                labels.add(stringLiteral(l));
            }
            return "CHECK (" + ids.quote(c.name()) + " IN (" + String.join(", ", labels) + "))";
        }
        return null;
    }

    @Override
    public Set<ForeignKey> deferredForeignKeys(MetaData metadata, Collection<Table> tables) {
        return Set.of();
    }

    @Override
    protected List<String> beforeDrop(Set<ForeignKey> deferred) {
        // Inside the transaction: foreign keys are checked at COMMIT, when all the tables are gone.
        return List.of("PRAGMA defer_foreign_keys = ON");
    }

    /**
     * ADD COLUMN with what SQLite accepts there besides the definition: the enum CHECK and the
     * column's own single-column foreign keys as column constraints, since SQLite cannot add a
     * table constraint to an existing table.
     */
    @Override
    public List<String> addColumn(Column<?> column) {
        StringBuilder b = new StringBuilder("ALTER TABLE ").append(tableName(column.table())).append(" ADD COLUMN ")
                .append(columnDefinition(column));
        String check = columnCheck(column);
        if (check != null) {
            b.append(' ').append(check);
        }
        for (ForeignKey fk : column.table().foreignKeys()) {
            if (fk.columns().equals(List.of(column))) {
                b.append(' ').append(constraintName(fk.name().orElse(null))).append(referencesClause(fk));
            }
        }
        return List.of(b.toString());
    }

    /** Outside a transaction only: inside one, SQLite ignores the pragma. */
    @Override
    public List<String> disableForeignKeys() {
        return List.of("PRAGMA foreign_keys = OFF");
    }

    @Override
    public List<String> enableForeignKeys() {
        return List.of("PRAGMA foreign_keys = ON");
    }

    @Override
    public String foreignKeyCheck() {
        return "PRAGMA foreign_key_check";
    }

    @Override
    protected String booleanLiteral(boolean b) {
        return b ? "1" : "0";
    }
}
