package dev.retort.dialect.sqlite;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.SqlCompiler;
import dev.retort.sql.BindParameter;

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
