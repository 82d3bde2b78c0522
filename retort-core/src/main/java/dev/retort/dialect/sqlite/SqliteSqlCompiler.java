package dev.retort.dialect.sqlite;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.SqlCompiler;
import dev.retort.sql.BindParameter;
import dev.retort.sql.Expression;
import dev.retort.sql.PortableFunction;
import dev.retort.sql.Select;

/** Renders SQL for SQLite: what differs from the default compiler. */
public class SqliteSqlCompiler extends SqlCompiler {

    /**
     * Creates the compiler.
     *
     * @param dialect the SQLite dialect
     */
    public SqliteSqlCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    public Void visitPortable(PortableFunction<?> f) {
        switch (f.kind()) {
            case STRING_AGG -> {
                sql.append("group_concat(");
                f.arguments().get(0).accept(this);
                sql.append(", ").append(stringLiteral(f.text())).append(')');
            }
            case EXTRACT -> {
                String format = switch (f.text()) {
                    case "YEAR" -> "%Y";
                    case "MONTH" -> "%m";
                    case "DAY" -> "%d";
                    case "HOUR" -> "%H";
                    case "MINUTE" -> "%M";
                    default -> "%S";
                };
                sql.append("CAST(strftime('").append(format).append("', ");
                f.arguments().get(0).accept(this);
                sql.append(") AS INTEGER)");
            }
            default -> super.visitPortable(f);
        }
        return null;
    }

    /** SQLite's IS and IS NOT compare NULLs as values, in every version. */
    @Override
    public Void visitDistinctFrom(dev.retort.sql.DistinctFrom d) {
        operand(d.left(), 5, false);
        sql.append(d.negated() ? " IS " : " IS NOT ");
        operand(d.right(), 5, false);
        return null;
    }

    @Override
    protected void jsonValue(Expression<?> document, Expression<?> path) {
        sql.append("json_extract(");
        document.accept(this);
        sql.append(", ");
        path.accept(this);
        sql.append(')');
    }

    /** SQLite allows no parentheses around the members of a compound SELECT. */
    @Override
    protected void parenthesizedCompoundMember(Select part) {
        throw new dev.retort.CompileException("SQLite cannot ORDER or LIMIT one SELECT of a UNION: order and limit the "
                + "whole, or wrap the member in a subquery: select(...).from(member.subquery(\"m\")).");
    }

    /** SQLite needs a LIMIT before OFFSET; -1 means no limit. */
    @Override
    protected void limitOffset(BindParameter<Long> limit, BindParameter<Long> offset) {
        if (limit == null) {
            sql.append(" LIMIT -1");
        } else {
            sql.append(" LIMIT ");
            limit.accept(this);
        }
        if (offset != null) {
            sql.append(" OFFSET ");
            offset.accept(this);
        }
    }
}
