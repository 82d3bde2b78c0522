package dev.retort.engine;

import dev.retort.dialect.Capability;
import dev.retort.dialect.Dialect;
import dev.retort.sql.BindParameter;
import dev.retort.sql.ColumnReference;
import dev.retort.sql.Expression;
import dev.retort.sql.Insert;
import dev.retort.sql.Statements;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a one-row {@code INSERT ... RETURNING} for many parameter sets as multi-row
 * {@code INSERT ... VALUES (...), (...) RETURNING} pages, instead of one statement per set (a
 * JDBC batch cannot return rows). SQLAlchemy calls this "insertmanyvalues".
 *
 * <p>A page is a template: the statement's row repeated, each named parameter renamed per row
 * ({@code #<column>_<row>}), a client-side default or bound value repeated as a parameter per
 * row, and anything else shared. Templates are kept per statement shape and page size, so a page
 * compiles and walks once. Values come from each set's values as resolved for the one-row
 * statement (so a client-side default is made once per row), straight into placeholder order.
 */
final class InsertManyValues {
    /** The most rows per page; fewer when the database's parameter limit is lower. */
    static final int MAX_PAGE = 1000;

    private final Insert single;
    private final int rowsPerPage;
    /** For each value of the row, its placeholder in the one-row statement's SQL (-1: not a parameter). */
    private final int[] placeholderOf;

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

    private InsertManyValues(Insert single, int rowsPerPage, int[] placeholderOf) {
        this.single = single;
        this.rowsPerPage = rowsPerPage;
        this.placeholderOf = placeholderOf;
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
        List<String> placeholders = plan.compiled().parameterNames();
        int[] placeholderOf = new int[rows.get(0).size()];
        for (int c = 0; c < placeholderOf.length; c++) {
            placeholderOf[c] = -1;
            if (rows.get(0).get(c) instanceof BindParameter<?> b) {
                binds++;
                // Where the set's resolved value of this parameter is (any placeholder of its name).
                placeholderOf[c] = placeholders.indexOf(insert.shape().nameOf(b));
                if (placeholderOf[c] < 0) {
                    return null;
                }
            }
        }
        int perRow = plan.compiled().parameterNames().size();
        if (binds != perRow) {
            return null;                   // a parameter inside an expression: it cannot be told apart per row
        }
        int pageRows = Math.max(1, Math.min(MAX_PAGE, (dialect.maxParameters() - 16) / Math.max(1, perRow)));
        return new InsertManyValues(insert, pageRows, placeholderOf);
    }

    /** @return rows per page */
    int rowsPerPage() {
        return rowsPerPage;
    }

    /**
     * The statement and placeholder values of one page.
     *
     * @param engine the engine, whose template cache is used
     * @param sets every parameter set's placeholder values, resolved (and checked) for the one-row
     *             statement: named values from the set, bound values, a client-side default made
     *             once for the set
     * @param from the page's first set
     * @param to the page's end, exclusive
     * @return the page's statement and values in placeholder order
     */
    Page page(Engine engine, List<Object[]> sets, int from, int to) {
        Template t = engine.insertTemplate(single, to - from, () -> template(to - from));
        ExecutionPlan plan = engine.plan(t.insert);
        List<String> names = plan.compiled().parameterNames();
        int[][] positions = t.positions(names);
        int[] rowOf = positions[0];
        int[] columnOf = positions[1];
        Object[] values = new Object[names.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = sets.get(from + rowOf[i])[placeholderOf[columnOf[i]]];
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
