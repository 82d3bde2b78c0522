package dev.retort.engine;

import dev.retort.ParameterException;
import dev.retort.dialect.Capability;
import dev.retort.dialect.Dialect;
import dev.retort.sql.BindParameter;
import dev.retort.sql.ColumnReference;
import dev.retort.sql.Expression;
import dev.retort.sql.Insert;
import dev.retort.sql.Statements;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a one-row {@code INSERT ... RETURNING} for many parameter sets as multi-row
 * {@code INSERT ... VALUES (...), (...) RETURNING} pages, instead of one statement per set (a
 * JDBC batch cannot return rows). SQLAlchemy calls this "insertmanyvalues".
 *
 * <p>A page is a template: the statement's row repeated, each named parameter renamed per row
 * ({@code name__0}, {@code name__1}, ...), a client-side default repeated as a fresh parameter
 * per row (so each row gets its own value) and anything else shared. Templates are kept per
 * statement shape and page size, so a page compiles and walks once. Values go straight from the
 * parameter sets into placeholder order, without building a map per page.
 */
final class InsertManyValues {
    /** The most rows per page; fewer when the database's parameter limit is lower. */
    static final int MAX_PAGE = 1000;

    private final Insert single;
    private final int rowsPerPage;

    /**
     * One page's statement, whose parameters are named {@code #<column>_<row>}, and for each
     * placeholder of its SQL the row and column it stands for (worked out at first use).
     */
    static final class Template {
        private final Insert insert;
        private volatile int[][] positions;

        Template(Insert insert) {
            this.insert = insert;
        }

        int[][] positions(List<String> placeholderNames) {
            int[][] p = positions;
            if (p == null) {
                int[] rowOf = new int[placeholderNames.size()];
                int[] columnOf = new int[placeholderNames.size()];
                for (int i = 0; i < rowOf.length; i++) {
                    String n = placeholderNames.get(i);
                    int cut = n.indexOf('_');
                    columnOf[i] = Integer.parseInt(n.substring(1, cut));
                    rowOf[i] = Integer.parseInt(n.substring(cut + 1));
                }
                p = new int[][] {rowOf, columnOf};
                positions = p;
            }
            return p;
        }
    }

    private InsertManyValues(Insert single, int rowsPerPage) {
        this.single = single;
        this.rowsPerPage = rowsPerPage;
    }

    /**
     * The plan for a statement, if it qualifies: a one-row INSERT with RETURNING whose every
     * parameter is a whole value of the row (a named parameter, a bound value or a client-side
     * default), on a database with INSERT ... RETURNING. An ON CONFLICT clause disqualifies it
     * (skipped rows would misalign the returned ones).
     *
     * @return the plan, or {@code null} to run the statement once per set
     */
    static InsertManyValues of(dev.retort.sql.Executable statement, ExecutionPlan plan, Dialect dialect) {
        if (!(statement instanceof Insert insert) || insert.returning().isEmpty() || insert.fromSelect() != null
                || insert.onConflict() != null || insert.rowCount() != 1 || !dialect.supports(Capability.INSERT_RETURNING)) {
            return null;
        }
        List<List<Expression<?>>> rows = insert.rows();
        if (rows.size() != 1 || rows.get(0).isEmpty()) {
            return null;
        }
        int binds = 0;
        for (Expression<?> e : rows.get(0)) {
            if (e instanceof BindParameter<?>) {
                binds++;
            }
        }
        int perRow = plan.compiled().parameterNames().size();
        if (binds != perRow) {
            return null;                   // a parameter inside an expression: it cannot be told apart per row
        }
        int pageRows = Math.max(1, Math.min(MAX_PAGE, (dialect.maxParameters() - 16) / Math.max(1, perRow)));
        return new InsertManyValues(insert, pageRows);
    }

    /** @return rows per page */
    int rowsPerPage() {
        return rowsPerPage;
    }

    /**
     * The statement and placeholder values of one page.
     *
     * @param engine the engine, whose template cache is used
     * @param sets every parameter set
     * @param from the page's first set
     * @param to the page's end, exclusive
     * @return the page's statement and values in placeholder order
     */
    Page page(Engine engine, List<? extends Map<String, ?>> sets, int from, int to) {
        Template t = engine.insertTemplate(single, to - from, () -> template(to - from));
        ExecutionPlan plan = engine.plan(t.insert);
        List<String> names = plan.compiled().parameterNames();
        int[][] positions = t.positions(names);
        int[] rowOf = positions[0];
        int[] columnOf = positions[1];
        List<Expression<?>> row = single.rows().get(0);
        Object[] values = new Object[names.size()];
        for (int i = 0; i < values.length; i++) {
            BindParameter<?> b = (BindParameter<?>) row.get(columnOf[i]);
            if (b.name() == null) {
                values[i] = b.currentValue();          // a bound value, or a client-side default made per row
                continue;
            }
            int set = from + rowOf[i];
            Map<String, ?> given = sets.get(set);
            Object v = given.get(b.name());
            if (v == null && !given.containsKey(b.name())) {
                throw new ParameterException("No value for parameter :" + b.name() + " in parameter set " + set
                        + " of statement: " + single + ". Pass it in every parameter map.");
            }
            values[i] = v;
        }
        return new Page(t.insert, plan, values);
    }

    /**
     * A page ready to run.
     *
     * @param insert the page's statement
     * @param plan its plan
     * @param values its placeholder values in order
     */
    record Page(Insert insert, ExecutionPlan plan, Object[] values) {
    }

    private Template template(int rows) {
        List<Expression<?>> row = single.rows().get(0);
        List<List<?>> all = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            List<Object> copy = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) {
                Expression<?> e = row.get(c);
                copy.add(e instanceof BindParameter<?> b ? renamed(b, "#" + c + "_" + r) : e);
            }
            all.add(copy);
        }
        Insert insert = Statements.insert(single.table()).columns(single.columns().toArray(new ColumnReference<?>[0]))
                .valuesList(all).returning(single.returning().toArray(new Expression<?>[0]));
        return new Template(insert);
    }

    /** The same parameter under a page's name; values come from the sets, not from it. */
    private static <T> BindParameter<T> renamed(BindParameter<T> b, String name) {
        return new BindParameter<>(name, null, b.type(), null);
    }
}
