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
