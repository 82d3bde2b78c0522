package dev.retort.dialect.postgresql;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.SqlCompiler;
import dev.retort.sql.Like;
import dev.retort.sql.TextClause;

/** Renders SQL for PostgreSQL: what differs from the default compiler. */
public class PostgresSqlCompiler extends SqlCompiler {

    /**
     * Creates the compiler.
     *
     * @param dialect the PostgreSQL dialect
     */
    public PostgresSqlCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected void distinctOn(java.util.List<dev.retort.sql.Expression<?>> expressions) {
        sql.append("DISTINCT ON (");
        for (int i = 0; i < expressions.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            expressions.get(i).accept(this);
        }
        sql.append(") ");
    }

    /** jsonpath (PostgreSQL 12+) reads the same {@code $.a.b} paths as the other databases. */
    @Override
    protected void jsonValue(dev.retort.sql.Expression<?> document, dev.retort.sql.Expression<?> path) {
        sql.append("(jsonb_path_query_first(CAST(");
        document.accept(this);
        sql.append(" AS jsonb), CAST(");
        path.accept(this);
        sql.append(" AS jsonpath)) #>> '{}')");
    }

    /** PostgreSQL names the columns of a VALUES list in its alias. */
    @Override
    public Void visitValues(dev.retort.sql.ValuesTable v) {
        if (v.rows().isEmpty()) {
            return super.visitValues(v);
        }
        sql.append("(VALUES ");
        for (int r = 0; r < v.rows().size(); r++) {
            if (r > 0) {
                sql.append(", ");
            }
            sql.append('(');
            java.util.List<dev.retort.sql.Expression<?>> row = v.rows().get(r);
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                // The first row's parameters carry the column types, so PostgreSQL need not guess them.
                if (r == 0) {
                    sql.append("CAST(");
                    row.get(i).accept(this);
                    sql.append(" AS ").append(castTypeName(row.get(i).type())).append(')');
                } else {
                    row.get(i).accept(this);
                }
            }
            sql.append(')');
        }
        sql.append(") AS ").append(ids.quote(v.name())).append(" (");
        for (int i = 0; i < v.columnReferences().size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(ids.quote(v.columnReferences().get(i).name()));
        }
        sql.append(')');
        return null;
    }

    /** PostgreSQL has ILIKE. */
    @Override
    protected void caseInsensitiveLike(Like like) {
        operand(like.operand(), 5, false);
        sql.append(like.negated() ? " NOT ILIKE " : " ILIKE ");
        like.pattern().accept(this);
    }

    /** The PostgreSQL driver reads {@code ??} as a literal question mark (the jsonb operators). */
    @Override
    protected void renderQuestionMark(TextClause text, TextClause.Piece piece) {
        sql.append("??");
    }
}
