package dev.retort.dialect.mysql;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.SqlCompiler;
import dev.retort.sql.Arithmetic;
import dev.retort.sql.BindParameter;
import dev.retort.sql.OrderItem;

/**
 * Renders SQL for MySQL and MariaDB: CONCAT() for concatenation (|| is OR there), NULLS FIRST/LAST
 * emulated with an {@code IS NULL} key, OFFSET without LIMIT through the largest LIMIT, an empty
 * INSERT as {@code () VALUES ()}, and backslashes doubled in literals.
 */
public class MysqlSqlCompiler extends SqlCompiler {
    private static final String NO_LIMIT = "18446744073709551615";

    /**
     * Creates the compiler.
     *
     * @param dialect the MySQL or MariaDB dialect
     */
    public MysqlSqlCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected void limitOffset(BindParameter<Long> limit, BindParameter<Long> offset) {
        sql.append(" LIMIT ");
        if (limit == null) {
            sql.append(NO_LIMIT);
        } else {
            limit.accept(this);
        }
        if (offset != null) {
            sql.append(" OFFSET ");
            offset.accept(this);
        }
    }

    @Override
    protected void orderItem(OrderItem item) {
        orderItemEmulatingNulls(item);
    }

    /** MariaDB has no NULLS FIRST/LAST and a position cannot carry the IS NULL emulation. */
    @Override
    protected void compoundOrderItem(int position, dev.retort.sql.OrderItem o) {
        if (o.nulls() != dev.retort.sql.OrderItem.Nulls.DEFAULT) {
            throw new dev.retort.CompileException("NULLS FIRST/LAST on the ORDER BY of a UNION is not supported by "
                    + dialect.displayName() + ". Select the union as a subquery and order that.");
        }
        super.compoundOrderItem(position, o);
    }

    @Override
    protected void concat(Arithmetic<?> a) {
        sql.append("CONCAT(");
        a.left().accept(this);
        sql.append(", ");
        a.right().accept(this);
        sql.append(')');
    }

    /** MySQL and MariaDB CAST only to SIGNED, CHAR, DECIMAL, DOUBLE, DATE, TIME, DATETIME and a few more. */
    @Override
    protected String castTypeName(dev.retort.types.SqlType<?> type) {
        String ddl = dialect.typeCompiler().name(type);
        if (ddl.equals("SMALLINT") || ddl.equals("INTEGER") || ddl.equals("BIGINT") || ddl.equals("BOOLEAN")) {
            return "SIGNED";
        }
        if (ddl.startsWith("VARCHAR")) {
            return "CHAR" + ddl.substring("VARCHAR".length());
        }
        if (ddl.equals("LONGTEXT") || ddl.equals("JSON") || ddl.startsWith("ENUM")) {
            return "CHAR";
        }
        if (ddl.contains("BLOB") || ddl.startsWith("VARBINARY")) {
            return "BINARY";
        }
        return ddl;
    }

    /**
     * {@code ON DUPLICATE KEY UPDATE}: MariaDB reacts to any unique key, so the target columns are
     * not written; DO NOTHING becomes a no-op assignment of the first inserted column.
     */
    @Override
    protected void onConflict(dev.retort.sql.Insert insert, dev.retort.sql.OnConflict c) {
        if (c.where() != null) {
            throw new dev.retort.CompileException("ON DUPLICATE KEY UPDATE on " + dialect.displayName()
                    + " has no WHERE; express the condition in the assigned values with caseWhen(...).");
        }
        sql.append(" ON DUPLICATE KEY UPDATE ");
        if (c.doNothing()) {
            java.util.List<dev.retort.sql.ColumnReference<?>> cols = insert.columns();
            String first = ids.quote(cols.isEmpty() ? insert.table().columnReferences().get(0).name() : cols.get(0).name());
            sql.append(first).append(" = ").append(first);
        } else {
            assignments(c.assignments());
        }
    }

    /** MariaDB names the proposed value {@code VALUES(col)}. */
    @Override
    public Void visitExcluded(dev.retort.sql.Excluded<?> e) {
        sql.append("VALUES(").append(ids.quote(e.column().name())).append(')');
        return null;
    }

    @Override
    public Void visitPortable(dev.retort.sql.PortableFunction<?> f) {
        switch (f.kind()) {
            case STRING_AGG -> {
                sql.append("GROUP_CONCAT(");
                f.arguments().get(0).accept(this);
                sql.append(" SEPARATOR ").append(stringLiteral(f.text())).append(')');
            }
            case LENGTH -> {
                // LENGTH counts bytes on MySQL and MariaDB; CHAR_LENGTH counts characters.
                sql.append("CHAR_LENGTH(");
                f.arguments().get(0).accept(this);
                sql.append(')');
            }
            default -> super.visitPortable(f);
        }
        return null;
    }

    /** MySQL and MariaDB spell null-safe equality {@code <=>}. */
    @Override
    public Void visitDistinctFrom(dev.retort.sql.DistinctFrom d) {
        if (!d.negated()) {
            sql.append("NOT (");
        }
        operand(d.left(), 5, false);
        sql.append(" <=> ");
        operand(d.right(), 5, false);
        if (!d.negated()) {
            sql.append(')');
        }
        return null;
    }

    @Override
    protected String stringLiteral(String s) {
        return super.stringLiteral(s.replace("\\", "\\\\"));
    }

    /** MariaDB has no FOR UPDATE OF; SKIP LOCKED needs 10.6. */
    @Override
    protected void lock(dev.retort.sql.Lock lock) {
        if (!lock.of().isEmpty()) {
            throw new dev.retort.CompileException("FOR UPDATE OF is not supported by " + dialect.displayName()
                    + "; it locks the rows of every table in the query. Drop the OF tables.");
        }
        if (lock.share()) {
            sql.append(" LOCK IN SHARE MODE");
            return;
        }
        super.lock(lock);
    }

    /** MariaDB's multi-table UPDATE: {@code UPDATE t, other SET t.col = ... WHERE ...}. */
    @Override
    protected void renderUpdate(dev.retort.sql.Update update, java.util.List<dev.retort.sql.Update.Assignment> assignments) {
        if (update.fromItems().isEmpty()) {
            super.renderUpdate(update, assignments);
            return;
        }
        sql.append("UPDATE ");
        update.table().accept(this);
        sql.append(", ");
        fromList(update.fromItems());
        sql.append(" SET ");
        for (int i = 0; i < assignments.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            assignments.get(i).column().accept(this);
            sql.append(" = ");
            assignments.get(i).value().accept(this);
        }
        if (update.where() != null) {
            sql.append(" WHERE ");
            update.where().accept(this);
        }
    }

    /** MariaDB's multi-table DELETE: {@code DELETE t FROM t, other WHERE ...}. */
    @Override
    protected void renderDelete(dev.retort.sql.Delete delete) {
        if (delete.usingItems().isEmpty()) {
            super.renderDelete(delete);
            return;
        }
        sql.append("DELETE ");
        sql.append(ids.qualified(delete.table().schema(), delete.table().name()));
        sql.append(" FROM ");
        delete.table().accept(this);
        sql.append(", ");
        fromList(delete.usingItems());
        if (delete.where() != null) {
            sql.append(" WHERE ");
            delete.where().accept(this);
        }
    }

    @Override
    protected String defaultValuesClause() {
        return " () VALUES ()";
    }

    @Override
    protected String escapeLiteral(char c) {
        return c == '\\' ? "'\\\\'" : super.escapeLiteral(c);
    }
}
