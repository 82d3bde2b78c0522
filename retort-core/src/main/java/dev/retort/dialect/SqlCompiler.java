package dev.retort.dialect;

import dev.retort.CompileException;
import dev.retort.sql.Aliased;
import dev.retort.sql.Arithmetic;
import dev.retort.sql.Between;
import dev.retort.sql.BindParameter;
import dev.retort.sql.ColumnReference;
import dev.retort.sql.Comparison;
import dev.retort.sql.Delete;
import dev.retort.sql.Expression;
import dev.retort.sql.ExpressionVisitor;
import dev.retort.sql.FromItem;
import dev.retort.sql.FromVisitor;
import dev.retort.sql.FunctionCall;
import dev.retort.sql.InList;
import dev.retort.sql.Insert;
import dev.retort.sql.Join;
import dev.retort.sql.TableAlias;
import dev.retort.sql.Case;
import dev.retort.sql.Cast;
import dev.retort.sql.Exists;
import dev.retort.sql.InSubquery;
import dev.retort.sql.SubqueryExpression;
import dev.retort.sql.Excluded;
import dev.retort.sql.OnConflict;
import dev.retort.sql.CompoundSelect;
import dev.retort.sql.DerivedTable;
import dev.retort.sql.Lock;
import dev.retort.sql.PortableFunction;
import dev.retort.sql.Window;
import dev.retort.sql.WindowFunction;
import dev.retort.sql.DistinctFrom;
import dev.retort.sql.Tuple;
import dev.retort.sql.ValuesTable;
import dev.retort.types.SqlType;
import dev.retort.sql.Like;
import dev.retort.sql.Logical;
import dev.retort.sql.Not;
import dev.retort.sql.NullTest;
import dev.retort.sql.Operator;
import dev.retort.sql.OrderItem;
import dev.retort.sql.Predicate;
import dev.retort.sql.Select;
import dev.retort.sql.Shape;
import dev.retort.sql.StatementVisitor;
import dev.retort.sql.TableReference;
import dev.retort.sql.TextClause;
import dev.retort.sql.Update;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders statements as SQL for one dialect. This default compiler renders the SQL that all
 * supported databases share; a dialect subclasses it and overrides only what differs (LIMIT forms,
 * ILIKE, concatenation, NULLS FIRST/LAST, empty INSERTs).
 *
 * <p>Every value becomes a {@code ?} placeholder; the compiled statement lists the parameter
 * behind each placeholder by name ({@code #n} for anonymous values, by their place in the
 * statement's {@link Shape}). Identifiers go through the dialect's {@link IdentifierPreparer}.
 *
 * <p>A compiler instance renders one statement and is then thrown away: it is not thread-safe.
 */
public class SqlCompiler implements StatementVisitor<CompiledStatement>, ExpressionVisitor<Void>, FromVisitor<Void> {
    /** The dialect this compiler renders for. */
    protected final Dialect dialect;
    /** Quotes identifiers. */
    protected final IdentifierPreparer ids;
    /** The SQL rendered so far. */
    protected final StringBuilder sql = new StringBuilder(128);
    /** The parameter names, one per placeholder rendered so far. */
    protected final List<String> parameters = new ArrayList<>();
    private Shape shape;
    /** The tables of the enclosing statements' FROM clauses, innermost last, for correlation. */
    private final Deque<Set<TableReference>> enclosing = new ArrayDeque<>();
    /** Whether columns are written without their table (RETURNING lists). */
    private boolean unqualified;
    /** The key read through JDBC generated keys instead of RETURNING, or {@code null}. */
    private String generatedKey;

    /**
     * Creates a compiler.
     *
     * @param dialect the dialect to render for
     */
    public SqlCompiler(Dialect dialect) {
        this.dialect = dialect;
        this.ids = dialect.identifierPreparer();
    }

    private CompiledStatement done() {
        return new CompiledStatement(sql.toString(), parameters, generatedKey);
    }

    // ---- text -----------------------------------------------------------------------------------

    @Override
    public CompiledStatement visitText(TextClause text) {
        for (TextClause.Piece piece : text.pieces()) {
            switch (piece.kind()) {
                case SQL -> sql.append(piece.text());
                case PARAMETER -> bindParameter(piece.text());
                case QUESTION_MARK -> renderQuestionMark(text, piece);
            }
        }
        return done();
    }

    /**
     * Renders a placeholder for a named parameter.
     *
     * @param name the parameter's name
     */
    protected void bindParameter(String name) {
        sql.append('?');
        parameters.add(name);
    }

    /**
     * Renders a bare {@code ?} found in text SQL. JDBC would take it for a placeholder, so the
     * default refuses it; PostgreSQL renders it escaped.
     *
     * @param text the statement
     * @param piece the question mark
     */
    protected void renderQuestionMark(TextClause text, TextClause.Piece piece) {
        throw new CompileException("text(): a bare '?' at offset " + piece.offset() + " cannot be sent to "
                + dialect.displayName() + ": JDBC would read it as a positional placeholder. "
                + "Use a named parameter such as :value instead.");
    }

    // ---- statements -----------------------------------------------------------------------------

    /**
     * Renders the WITH clause of a top-level statement: every CTE it uses, each after the ones it uses.
     *
     * @param statementShape the statement's shape
     */
    protected void withClause(Shape statementShape) {
        List<DerivedTable> ctes = statementShape.ctes();
        if (ctes.isEmpty()) {
            return;
        }
        sql.append(ctes.stream().anyMatch(DerivedTable::isRecursive) ? "WITH RECURSIVE " : "WITH ");
        for (int i = 0; i < ctes.size(); i++) {
            DerivedTable cte = ctes.get(i);
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(ids.quote(cte.name()));
            if (cte.isRecursive()) {
                sql.append(" (");
                for (int c = 0; c < cte.columnReferences().size(); c++) {
                    if (c > 0) {
                        sql.append(", ");
                    }
                    sql.append(ids.quote(cte.columnReferences().get(c).name()));
                }
                sql.append(')');
            }
            sql.append(" AS (");
            if (cte.recursiveBody() != null) {
                renderCompound(cte.recursiveBody());
            } else {
                visitSelect(cte.body());
            }
            sql.append(')');
        }
        sql.append(' ');
    }

    /**
     * The WITH clause in front of INSERT, UPDATE or DELETE, where the database allows it.
     *
     * @param statement the statement, for the message
     */
    private void dmlWithClause(String statement) {
        if (!shape.ctes().isEmpty() && !dialect.supports(Capability.CTE_BEFORE_DML)) {
            throw new CompileException("WITH before " + statement + " is not supported by " + dialect.displayName()
                    + ". Use a subquery instead of the common table expression"
                    + (statement.startsWith("INSERT") ? ", or INSERT ... SELECT, which may use it" : "") + ".");
        }
        withClause(shape);
    }

    @Override
    public CompiledStatement visitCompound(CompoundSelect compound) {
        shape = compound.shape();
        withClause(shape);
        renderCompound(compound);
        return done();
    }

    private void renderCompound(CompoundSelect compound) {
        for (int i = 0; i < compound.selects().size(); i++) {
            if (i > 0) {
                sql.append(' ').append(compound.kinds().get(i - 1).sql()).append(' ');
            }
            Select part = compound.selects().get(i);
            boolean own = !part.orderBy().isEmpty() || part.limit() != null || part.offset() != null;
            if (own) {
                parenthesizedCompoundMember(part);
            } else {
                visitSelect(part);
            }
        }
        if (!compound.orderBy().isEmpty()) {
            sql.append(" ORDER BY ");
            for (int i = 0; i < compound.orderBy().size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                compoundOrderItem(compound.position(compound.orderBy().get(i).expression()), compound.orderBy().get(i));
            }
        }
        if (compound.limit() != null || compound.offset() != null) {
            limitOffset(compound.limit(), compound.offset());
        }
    }

    /**
     * Renders an ORDER BY item of a UNION by column position, with NULLS FIRST/LAST.
     *
     * @param position the 1-based column position
     * @param o the order item
     */
    protected void compoundOrderItem(int position, OrderItem o) {
        sql.append(position).append(o.descending() ? " DESC" : " ASC");
        if (o.nulls() != OrderItem.Nulls.DEFAULT) {
            sql.append(o.nulls() == OrderItem.Nulls.FIRST ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    /**
     * Renders a member of a UNION that has its own ORDER BY or LIMIT, in parentheses.
     *
     * @param part the member
     */
    protected void parenthesizedCompoundMember(Select part) {
        sql.append('(');
        visitSelect(part);
        sql.append(')');
    }

    @Override
    public CompiledStatement visitSelect(Select select) {
        if (shape == null) {
            shape = select.shape();
            withClause(shape);
        }
        List<FromItem> from = correlated(select);
        Set<TableReference> own = new HashSet<>();
        for (FromItem f : from) {
            own.addAll(f.tables());
        }
        enclosing.addLast(own);
        try {
            renderSelect(select, from);
        } finally {
            enclosing.removeLast();
        }
        return done();
    }

    /**
     * The FROM items of a SELECT: as given, or inferred, leaving out (in a subquery) the tables
     * of the enclosing statements, to which the subquery then refers (automatic correlation).
     */
    private List<FromItem> correlated(Select select) {
        List<FromItem> from = select.fromItems();
        if (select.hasExplicitFrom() || enclosing.isEmpty()) {
            return from;
        }
        List<FromItem> kept = new ArrayList<>();
        for (FromItem f : from) {
            boolean outer = false;
            for (Set<TableReference> level : enclosing) {
                outer |= f instanceof TableReference t && level.contains(t);
            }
            if (!outer) {
                kept.add(f);
            }
        }
        return kept.isEmpty() ? from : kept;
    }

    private void renderSelect(Select select, List<FromItem> from) {
        sql.append("SELECT ");
        if (!select.distinctOn().isEmpty()) {
            distinctOn(select.distinctOn());
        }
        if (select.isDistinct()) {
            sql.append("DISTINCT ");
        }
        commaList(select.items());
        if (!from.isEmpty()) {
            sql.append(" FROM ");
            for (int i = 0; i < from.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                from.get(i).accept(this);
            }
        }
        if (select.where() != null) {
            sql.append(" WHERE ");
            select.where().accept(this);
        }
        if (!select.groupBy().isEmpty()) {
            sql.append(" GROUP BY ");
            commaList(select.groupBy());
        }
        if (select.having() != null) {
            sql.append(" HAVING ");
            select.having().accept(this);
        }
        if (!select.orderBy().isEmpty()) {
            sql.append(" ORDER BY ");
            for (int i = 0; i < select.orderBy().size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                orderItem(select.orderBy().get(i));
            }
        }
        if (select.limit() != null || select.offset() != null) {
            limitOffset(select.limit(), select.offset());
        }
        if (select.lock() != null) {
            lock(select.lock());
        }
    }

    /**
     * Renders {@code DISTINCT ON (...)}; only PostgreSQL has it.
     *
     * @param expressions the expressions
     */
    protected void distinctOn(List<Expression<?>> expressions) {
        throw new CompileException("DISTINCT ON is not supported by " + dialect.displayName()
                + ". Rank the rows with rowNumber().over(Window.partitionBy(...)) in a subquery and keep rank 1.");
    }

    /**
     * Renders a locking clause: {@code FOR UPDATE | FOR SHARE [OF ...] [NOWAIT | SKIP LOCKED]}.
     *
     * @param lock the clause
     */
    protected void lock(Lock lock) {
        if (!dialect.supports(Capability.ROW_LOCKING)) {
            throw new CompileException("FOR UPDATE is not supported by " + dialect.displayName()
                    + ": it locks the whole database for a write transaction. Begin the transaction with "
                    + "?transaction_mode=IMMEDIATE on the URL instead.");
        }
        sql.append(lock.share() ? " FOR SHARE" : " FOR UPDATE");
        if (!lock.of().isEmpty()) {
            sql.append(" OF ");
            for (int i = 0; i < lock.of().size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                sql.append(ids.quote(lock.of().get(i).name()));
            }
        }
        if (lock.waitPolicy() == Lock.Wait.NOWAIT) {
            sql.append(" NOWAIT");
        } else if (lock.waitPolicy() == Lock.Wait.SKIP_LOCKED) {
            sql.append(" SKIP LOCKED");
        }
    }

    @Override
    public CompiledStatement visitInsert(Insert insert) {
        shape = insert.shape();
        boolean withInside = !shape.ctes().isEmpty() && !dialect.supports(Capability.CTE_BEFORE_DML)
                && insert.fromSelect() != null;
        if (!withInside) {
            dmlWithClause("INSERT INTO " + insert.table().name());
        }
        enclosing.addLast(Set.of(insert.table()));
        List<ColumnReference<?>> columns = insert.columns();
        List<List<Expression<?>>> rows = insert.rows();
        if (rows.isEmpty() && !columns.isEmpty() && insert.fromSelect() == null) {
            throw new CompileException("INSERT into " + insert.table().name() + " names columns but has no rows: "
                    + "add values(...).");
        }
        if (columns.isEmpty()) {
            if (rows.size() > 1) {
                throw new CompileException("INSERT into " + insert.table().name() + " has several rows and no columns.");
            }
            sql.append("INSERT INTO ");
            insert.table().accept(this);
            sql.append(defaultValuesClause());
            conflictAndReturning(insert);
            return done();
        }
        sql.append("INSERT INTO ");
        insert.table().accept(this);
        sql.append(" (");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(ids.quote(columns.get(i).name()));
        }
        if (insert.fromSelect() != null) {
            sql.append(") ");
            enclosing.clear();
            if (withInside) {
                // MariaDB: INSERT INTO t (...) WITH c AS (...) SELECT ...
                withClause(shape);
            }
            visitSelect(insert.fromSelect());
            conflictAndReturning(insert);
            return done();
        }
        sql.append(") VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) {
                sql.append(", ");
            }
            sql.append('(');
            commaList(rows.get(r));
            sql.append(')');
        }
        conflictAndReturning(insert);
        return done();
    }

    private void conflictAndReturning(Insert insert) {
        if (insert.onConflict() != null) {
            onConflict(insert, insert.onConflict());
        }
        if (!insert.returning().isEmpty() && !dialect.supports(Capability.INSERT_RETURNING)) {
            generatedKey = generatedKeyInstead(insert);
            return;
        }
        returning(insert.returning(), Capability.INSERT_RETURNING, "INSERT", insert.table());
    }

    /**
     * Without INSERT ... RETURNING, the key the database generated for one inserted row can still
     * be read through JDBC generated keys; anything more is refused with what to do instead.
     *
     * @return the name of the generated key column
     */
    private String generatedKeyInstead(Insert insert) {
        String table = insert.table().name();
        String prefix = "INSERT ... RETURNING is not supported by " + dialect.displayName()
                + (dialect.supports(Capability.DELETE_RETURNING) ? " (only " + supportedReturning() + ")" : "") + ": ";
        List<Expression<?>> items = insert.returning();
        if (items.size() != 1 || !(items.get(0) instanceof ColumnReference<?> key)
                || !key.table().equals(insert.table()) || !key.isAutoincrement()) {
            String generated = insert.table().columnReferences().stream().filter(ColumnReference::isAutoincrement)
                    .map(ColumnReference::name).findFirst().orElse(null);
            throw new CompileException(prefix + (generated == null
                    ? table + " has no database-generated key to read through JDBC instead. Select the row again "
                    + "after the INSERT."
                    : "an INSERT into " + table + " can return only its generated key " + generated + ", read through "
                    + "JDBC generated keys. Return just " + generated + ", or select the other values of " + table
                    + " after the INSERT."));
        }
        if (insert.fromSelect() != null || insert.rows().size() > 1 || insert.onConflict() != null) {
            throw new CompileException(prefix + "the generated key of " + table + "." + key.name()
                    + " can be returned for a plain single-row INSERT only (the driver reports one key per "
                    + "statement). Insert the rows one at a time, or select them again after the INSERT.");
        }
        return key.name();
    }

    /**
     * Renders an upsert clause: {@code ON CONFLICT (target) DO NOTHING | DO UPDATE SET ... [WHERE]}
     * by default (PostgreSQL, SQLite).
     *
     * @param insert the statement
     * @param c the clause
     */
    protected void onConflict(Insert insert, OnConflict c) {
        if (c.target().isEmpty()) {
            if (!c.doNothing()) {
                throw new CompileException("ON CONFLICT DO UPDATE on " + dialect.displayName() + " needs the target "
                        + "columns of a unique constraint of " + insert.table().name() + ".");
            }
            sql.append(" ON CONFLICT DO NOTHING");
            return;
        }
        sql.append(" ON CONFLICT (");
        for (int i = 0; i < c.target().size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(ids.quote(c.target().get(i).name()));
        }
        sql.append(')');
        if (c.doNothing()) {
            sql.append(" DO NOTHING");
            return;
        }
        sql.append(" DO UPDATE SET ");
        assignments(c.assignments());
        if (c.where() != null) {
            sql.append(" WHERE ");
            c.where().accept(this);
        }
    }

    /**
     * Renders {@code col = value, ...}.
     *
     * @param assignments the assignments
     */
    protected void assignments(List<Update.Assignment> assignments) {
        for (int i = 0; i < assignments.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(ids.quote(assignments.get(i).column().name())).append(" = ");
            assignments.get(i).value().accept(this);
        }
    }

    /**
     * Renders {@code RETURNING ...}, refusing it where the database lacks it for this statement.
     *
     * @param items the returned expressions (nothing is rendered when empty)
     * @param needed the capability that allows it
     * @param statement INSERT, UPDATE or DELETE
     * @param table the table, for the message
     */
    protected void returning(List<Expression<?>> items, Capability needed, String statement, TableReference table) {
        if (items.isEmpty()) {
            return;
        }
        if (!dialect.supports(needed)) {
            throw new CompileException(statement + " ... RETURNING is not supported by " + dialect.displayName()
                    + (dialect.supports(Capability.DELETE_RETURNING) ? " (only " + supportedReturning() + ")" : "")
                    + ". Select the rows of " + table.name() + " again after the " + statement + ".");
        }
        sql.append(" RETURNING ");
        unqualified = true;
        try {
            commaList(items);
        } finally {
            unqualified = false;
        }
    }

    private String supportedReturning() {
        List<String> kinds = new ArrayList<>();
        if (dialect.supports(Capability.INSERT_RETURNING)) {
            kinds.add("INSERT");
        }
        if (dialect.supports(Capability.UPDATE_RETURNING)) {
            kinds.add("UPDATE");
        }
        if (dialect.supports(Capability.DELETE_RETURNING)) {
            kinds.add("DELETE");
        }
        return String.join(" and ", kinds);
    }

    @Override
    public CompiledStatement visitUpdate(Update update) {
        shape = update.shape();
        dmlWithClause("UPDATE " + update.table().name());
        enclosing.addLast(Set.of(update.table()));
        List<Update.Assignment> assignments = update.assignments();
        if (assignments.isEmpty()) {
            throw new CompileException("UPDATE " + update.table().name() + " sets no column: add set(column, value).");
        }
        requireWhere(update.where(), update.isWhereAll(), "UPDATE " + update.table().name(), "change");
        renderUpdate(update, assignments);
        returning(update.returning(), Capability.UPDATE_RETURNING, "UPDATE", update.table());
        return done();
    }

    @Override
    public CompiledStatement visitDelete(Delete delete) {
        shape = delete.shape();
        dmlWithClause("DELETE FROM " + delete.table().name());
        enclosing.addLast(Set.of(delete.table()));
        requireWhere(delete.where(), delete.isWhereAll(), "DELETE FROM " + delete.table().name(), "delete");
        renderDelete(delete);
        returning(delete.returning(), Capability.DELETE_RETURNING, "DELETE", delete.table());
        return done();
    }

    /**
     * Renders UPDATE ... SET ... [FROM ...] [WHERE ...]; PostgreSQL and SQLite syntax by default.
     *
     * @param update the statement
     * @param assignments the SET clause, on-update values included
     */
    protected void renderUpdate(Update update, List<Update.Assignment> assignments) {
        sql.append("UPDATE ");
        update.table().accept(this);
        sql.append(" SET ");
        assignments(assignments);
        if (!update.fromItems().isEmpty()) {
            if (!dialect.supports(Capability.UPDATE_FROM)) {
                throw new CompileException("UPDATE ... FROM is not supported by " + dialect.displayName()
                        + ". Set the column from a scalar subquery instead: set(col, select(...).asScalar()).");
            }
            sql.append(" FROM ");
            fromList(update.fromItems());
        }
        where(update.where());
    }

    /**
     * Renders DELETE FROM ... [USING ...] [WHERE ...]; PostgreSQL syntax by default.
     *
     * @param delete the statement
     */
    protected void renderDelete(Delete delete) {
        sql.append("DELETE FROM ");
        delete.table().accept(this);
        if (!delete.usingItems().isEmpty()) {
            if (!dialect.supports(Capability.DELETE_USING)) {
                throw new CompileException("DELETE ... USING is not supported by " + dialect.displayName()
                        + ". Select the rows with where(table.id.in(select(...))) instead.");
            }
            sql.append(" USING ");
            fromList(delete.usingItems());
        }
        where(delete.where());
    }

    /**
     * Renders FROM items separated by commas.
     *
     * @param items the items
     */
    protected void fromList(List<FromItem> items) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            items.get(i).accept(this);
        }
    }

    private static void requireWhere(Predicate where, boolean all, String statement, String verb) {
        if (where == null && !all) {
            throw new CompileException(statement + " has no WHERE clause and would " + verb + " every row. Add "
                    + "where(...), or call whereAll() if every row is meant.");
        }
    }

    private void where(Predicate where) {
        if (where != null) {
            sql.append(" WHERE ");
            where.accept(this);
        }
    }

    /**
     * The tail of an INSERT that gives no column: {@code DEFAULT VALUES} by default.
     *
     * @return the clause, with a leading space
     */
    protected String defaultValuesClause() {
        return " DEFAULT VALUES";
    }

    /**
     * Renders LIMIT and OFFSET; either may be {@code null}. The default writes
     * {@code LIMIT ? OFFSET ?} and leaves out what is absent.
     *
     * @param limit the limit parameter, or {@code null}
     * @param offset the offset parameter, or {@code null}
     */
    protected void limitOffset(BindParameter<Long> limit, BindParameter<Long> offset) {
        if (limit != null) {
            sql.append(" LIMIT ");
            limit.accept(this);
        }
        if (offset != null) {
            sql.append(" OFFSET ");
            offset.accept(this);
        }
    }

    /**
     * Renders one ORDER BY item. The default writes {@code NULLS FIRST/LAST} natively.
     *
     * @param item the item
     */
    protected void orderItem(OrderItem item) {
        item.expression().accept(this);
        sql.append(item.descending() ? " DESC" : " ASC");
        if (item.nulls() != OrderItem.Nulls.DEFAULT) {
            sql.append(item.nulls() == OrderItem.Nulls.FIRST ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    /**
     * Renders {@code NULLS FIRST/LAST} for databases without it: a leading {@code x IS NULL} key.
     *
     * @param item the item
     */
    protected void orderItemEmulatingNulls(OrderItem item) {
        if (item.nulls() != OrderItem.Nulls.DEFAULT) {
            item.expression().accept(this);
            sql.append(item.nulls() == OrderItem.Nulls.FIRST ? " IS NULL DESC, " : " IS NULL ASC, ");
        }
        item.expression().accept(this);
        sql.append(item.descending() ? " DESC" : " ASC");
    }

    private void commaList(List<? extends Expression<?>> list) {
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            list.get(i).accept(this);
        }
    }

    // ---- FROM -----------------------------------------------------------------------------------

    @Override
    public Void visitTable(TableReference table) {
        sql.append(ids.qualified(table.schema(), table.name()));
        return null;
    }

    @Override
    public Void visitJoin(Join join) {
        if (join.kind() == Join.Kind.FULL && !dialect.supports(Capability.FULL_OUTER_JOIN)) {
            throw new CompileException("FULL OUTER JOIN is not supported by " + dialect.displayName()
                    + ". Combine a LEFT JOIN and a RIGHT-side anti-join with UNION ALL instead.");
        }
        join.left().accept(this);
        sql.append(' ').append(join.kind().sql()).append(' ');
        if (join.lateral()) {
            if (!dialect.supports(Capability.LATERAL)) {
                throw new CompileException("LATERAL joins are not supported by " + dialect.displayName()
                        + ". Use a correlated scalar subquery in the select list, or a window function.");
            }
            DerivedTable sub = (DerivedTable) join.right();
            sql.append("LATERAL (");
            enclosing.addLast(new HashSet<>(join.left().tables()));
            try {
                visitSelect(sub.body());
            } finally {
                enclosing.removeLast();
            }
            sql.append(") AS ").append(ids.quote(sub.name()));
            if (join.on() != null) {
                sql.append(" ON ");
                join.on().accept(this);
            }
            return null;
        }
        boolean nested = join.right() instanceof Join;
        if (nested) {
            sql.append('(');
        }
        join.right().accept(this);
        if (nested) {
            sql.append(')');
        }
        if (join.on() != null) {
            sql.append(" ON ");
            join.on().accept(this);
        }
        return null;
    }

    @Override
    public Void visitDerived(DerivedTable derived) {
        if (derived.isCte()) {
            sql.append(ids.quote(derived.name()));
            return null;
        }
        // A derived table cannot refer to the enclosing query (that would need LATERAL): no correlation.
        Deque<Set<TableReference>> saved = new ArrayDeque<>(enclosing);
        enclosing.clear();
        sql.append('(');
        try {
            visitSelect(derived.body());
        } finally {
            enclosing.addAll(saved);
        }
        sql.append(") AS ").append(ids.quote(derived.name()));
        return null;
    }

    /**
     * Renders a VALUES table as a UNION ALL of one-row SELECTs, which names its columns on every
     * database; PostgreSQL overrides it with a VALUES list.
     */
    @Override
    public Void visitValues(ValuesTable v) {
        if (v.rows().isEmpty()) {
            throw new CompileException("VALUES table " + v.name() + " has no rows: add row(...).");
        }
        sql.append('(');
        for (int r = 0; r < v.rows().size(); r++) {
            if (r > 0) {
                sql.append(" UNION ALL ");
            }
            sql.append("SELECT ");
            List<Expression<?>> row = v.rows().get(r);
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                row.get(i).accept(this);
                if (r == 0) {
                    sql.append(" AS ").append(ids.quote(v.columnReferences().get(i).name()));
                }
            }
        }
        sql.append(") AS ").append(ids.quote(v.name()));
        return null;
    }

    @Override
    public Void visitAlias(TableAlias alias) {
        sql.append(ids.qualified(alias.table().schema(), alias.table().name())).append(" AS ").append(ids.quote(alias.alias()));
        return null;
    }

    // ---- expressions ----------------------------------------------------------------------------

    @Override
    public Void visitColumn(ColumnReference<?> column) {
        if (unqualified) {
            sql.append(ids.quote(column.name()));
            return null;
        }
        TableReference t = column.table();
        sql.append(ids.qualified(t.schema(), t.name())).append('.').append(ids.quote(column.name()));
        return null;
    }

    @Override
    public Void visitBind(BindParameter<?> bind) {
        if (shape == null) {
            throw new CompileException("A bound parameter outside a statement cannot be compiled on its own.");
        }
        sql.append('?');
        parameters.add(shape.nameOf(bind));
        return null;
    }

    @Override
    public Void visitComparison(Comparison c) {
        operand(c.left(), c.operator().precedence(), false);
        sql.append(' ').append(c.operator().sql()).append(' ');
        operand(c.right(), c.operator().precedence(), true);
        return null;
    }

    /**
     * Renders an operand, in parentheses when its own operator binds more loosely than the
     * enclosing one (or equally, on the right, where order matters).
     *
     * @param e the operand
     * @param parentPrecedence the enclosing operator's precedence
     * @param right whether it is the right operand
     */
    protected void operand(Expression<?> e, int parentPrecedence, boolean right) {
        int own = precedence(e);
        boolean parens = own < parentPrecedence || (right && own == parentPrecedence && own < 100);
        if (parens) {
            sql.append('(');
        }
        e.accept(this);
        if (parens) {
            sql.append(')');
        }
    }

    private static int precedence(Expression<?> e) {
        if (e instanceof Arithmetic<?> a) {
            // Databases disagree on where || binds (tighter than * on SQLite, looser than + on
            // PostgreSQL): treat it as looser than arithmetic and parenthesise around it.
            return a.operator() == Operator.CONCAT ? 5 : a.operator().precedence();
        }
        if (e instanceof Comparison c) {
            return c.operator().precedence();
        }
        if (e instanceof Logical l) {
            return l.kind() == Logical.Kind.AND ? 2 : 1;
        }
        if (e instanceof Not) {
            return 3;
        }
        if (e instanceof Predicate) {
            return 4;
        }
        return 100;
    }

    @Override
    public Void visitLogical(Logical l) {
        int own = l.kind() == Logical.Kind.AND ? 2 : 1;
        String joiner = l.kind() == Logical.Kind.AND ? " AND " : " OR ";
        for (int i = 0; i < l.operands().size(); i++) {
            if (i > 0) {
                sql.append(joiner);
            }
            operand(l.operands().get(i), own, false);
        }
        return null;
    }

    @Override
    public Void visitNot(Not not) {
        sql.append("NOT (");
        not.operand().accept(this);
        sql.append(')');
        return null;
    }

    @Override
    public Void visitNullTest(NullTest test) {
        operand(test.operand(), 5, false);
        sql.append(test.negated() ? " IS NOT NULL" : " IS NULL");
        return null;
    }

    @Override
    public Void visitInList(InList in) {
        if (in.values().isEmpty()) {
            sql.append(in.negated() ? "1 = 1" : "1 = 0");
            return null;
        }
        operand(in.operand(), 5, false);
        sql.append(in.negated() ? " NOT IN (" : " IN (");
        commaList(in.values());
        sql.append(')');
        return null;
    }

    @Override
    public Void visitBetween(Between b) {
        operand(b.operand(), 5, false);
        sql.append(b.negated() ? " NOT BETWEEN " : " BETWEEN ");
        operand(b.low(), 5, false);
        sql.append(" AND ");
        operand(b.high(), 5, false);
        return null;
    }

    @Override
    public Void visitLike(Like like) {
        if (like.caseInsensitive()) {
            caseInsensitiveLike(like);
        } else {
            operand(like.operand(), 5, false);
            sql.append(like.negated() ? " NOT LIKE " : " LIKE ");
            like.pattern().accept(this);
        }
        if (like.escape() != null) {
            sql.append(" ESCAPE ").append(escapeLiteral(like.escape()));
        }
        return null;
    }

    /**
     * Renders ILIKE: {@code lower(x) LIKE lower(?)} by default; PostgreSQL has ILIKE.
     *
     * @param like the predicate
     */
    protected void caseInsensitiveLike(Like like) {
        sql.append("lower(");
        like.operand().accept(this);
        sql.append(like.negated() ? ") NOT LIKE lower(" : ") LIKE lower(");
        like.pattern().accept(this);
        sql.append(')');
    }

    /**
     * The LIKE escape character as a SQL literal.
     *
     * @param c the character
     * @return the literal
     */
    protected String escapeLiteral(char c) {
        return "'" + (c == '\'' ? "''" : String.valueOf(c)) + "'";
    }

    @Override
    public Void visitArithmetic(Arithmetic<?> a) {
        if (a.operator() == Operator.CONCAT) {
            concat(a);
            return null;
        }
        operand(a.left(), a.operator().precedence(), false);
        sql.append(' ').append(a.operator().sql()).append(' ');
        operand(a.right(), a.operator().precedence(), true);
        return null;
    }

    /**
     * Renders string concatenation: {@code a || b} by default.
     *
     * @param a the concatenation
     */
    protected void concat(Arithmetic<?> a) {
        operand(a.left(), 8, false);
        sql.append(" || ");
        operand(a.right(), 8, true);
    }

    @Override
    public Void visitFunction(FunctionCall<?> f) {
        sql.append(f.name()).append('(');
        if (f.star()) {
            sql.append('*');
        } else {
            if (f.distinct()) {
                sql.append("DISTINCT ");
            }
            commaList(f.arguments());
        }
        sql.append(')');
        return null;
    }

    @Override
    public Void visitSubquery(SubqueryExpression<?> s) {
        sql.append('(');
        visitSelect(s.select());
        sql.append(')');
        return null;
    }

    @Override
    public Void visitExists(Exists e) {
        sql.append(e.negated() ? "NOT EXISTS (" : "EXISTS (");
        visitSelect(e.select());
        sql.append(')');
        return null;
    }

    @Override
    public Void visitInSubquery(InSubquery in) {
        operand(in.operand(), 5, false);
        sql.append(in.negated() ? " NOT IN (" : " IN (");
        visitSelect(in.select());
        sql.append(')');
        return null;
    }

    @Override
    public Void visitCase(Case<?> c) {
        sql.append("CASE");
        for (Case.Branch<?> b : c.branches()) {
            sql.append(" WHEN ");
            b.when().accept(this);
            sql.append(" THEN ");
            b.then().accept(this);
        }
        if (c.otherwise() != null) {
            sql.append(" ELSE ");
            c.otherwise().accept(this);
        }
        sql.append(" END");
        return null;
    }

    @Override
    public Void visitWindow(WindowFunction<?> w) {
        w.function().accept(this);
        sql.append(" OVER (");
        Window win = w.window();
        boolean space = false;
        if (!win.partitionBy().isEmpty()) {
            sql.append("PARTITION BY ");
            commaList(win.partitionBy());
            space = true;
        }
        if (!win.orderBy().isEmpty()) {
            sql.append(space ? " ORDER BY " : "ORDER BY ");
            for (int i = 0; i < win.orderBy().size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                orderItem(win.orderBy().get(i));
            }
            space = true;
        }
        if (win.frame() != null) {
            sql.append(space ? " " : "").append(win.frame().rows() ? "ROWS" : "RANGE").append(" BETWEEN ")
                    .append(win.frame().start().sql()).append(" AND ").append(win.frame().end().sql());
        }
        sql.append(')');
        return null;
    }

    @Override
    public Void visitDistinctFrom(DistinctFrom d) {
        operand(d.left(), 5, false);
        sql.append(d.negated() ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ");
        operand(d.right(), 5, false);
        return null;
    }

    @Override
    public Void visitTupleIn(Tuple.TupleIn in) {
        if (in.rows().isEmpty()) {
            sql.append("1 = 0");
            return null;
        }
        sql.append('(');
        commaList(in.tuple().expressions());
        sql.append(") IN (");
        for (int r = 0; r < in.rows().size(); r++) {
            if (r > 0) {
                sql.append(", ");
            }
            sql.append('(');
            commaList(in.rows().get(r));
            sql.append(')');
        }
        sql.append(')');
        return null;
    }

    @Override
    public Void visitPortable(PortableFunction<?> f) {
        switch (f.kind()) {
            case STRING_AGG -> {
                sql.append("string_agg(");
                f.arguments().get(0).accept(this);
                sql.append(", ").append(stringLiteral(f.text())).append(')');
            }
            case EXTRACT -> {
                sql.append("EXTRACT(").append(f.text()).append(" FROM ");
                f.arguments().get(0).accept(this);
                sql.append(')');
            }
            case LENGTH -> {
                sql.append("LENGTH(");
                f.arguments().get(0).accept(this);
                sql.append(')');
            }
            case JSON_VALUE -> jsonValue(f.arguments().get(0), f.arguments().get(1));
            case NOW -> sql.append("CURRENT_TIMESTAMP");
        }
        return null;
    }

    /**
     * Renders the text at a JSON path: {@code JSON_VALUE(doc, path)} by default.
     *
     * @param document the JSON expression
     * @param path the bound path
     */
    protected void jsonValue(Expression<?> document, Expression<?> path) {
        sql.append("JSON_VALUE(");
        document.accept(this);
        sql.append(", ");
        path.accept(this);
        sql.append(')');
    }

    /**
     * A string literal for the few places SQL takes no parameter (a GROUP_CONCAT separator).
     *
     * @param s the text
     * @return the quoted literal
     */
    protected String stringLiteral(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new CompileException("A SQL literal cannot contain a NUL character.");
        }
        return "'" + s.replace("'", "''") + "'";
    }

    /** The proposed value in an upsert: {@code EXCLUDED.col} by default. */
    @Override
    public Void visitExcluded(Excluded<?> e) {
        sql.append("EXCLUDED.").append(ids.quote(e.column().name()));
        return null;
    }

    @Override
    public Void visitCast(Cast<?> c) {
        sql.append("CAST(");
        c.operand().accept(this);
        sql.append(" AS ").append(castTypeName(c.type())).append(')');
        return null;
    }

    /**
     * The name of a type in CAST; by default its DDL name.
     *
     * @param type the type
     * @return the name
     */
    protected String castTypeName(SqlType<?> type) {
        return dialect.typeCompiler().name(type);
    }

    @Override
    public Void visitAliased(Aliased<?> a) {
        a.expression().accept(this);
        sql.append(" AS ").append(ids.quote(a.alias()));
        return null;
    }
}
