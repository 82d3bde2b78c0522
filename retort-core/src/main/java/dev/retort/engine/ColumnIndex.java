package dev.retort.engine;

import dev.retort.RetortException;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The column labels of a result and a name-to-position lookup shared by all its rows. Exact
 * names win; otherwise the lookup ignores case (PostgreSQL folds unquoted names to lower case,
 * other databases keep them). A name that two columns share is ambiguous. The lookups are built
 * at the first read by name or expression. Used by one result's thread at a time (rows of a
 * buffered result may be shared; building twice is harmless).
 */
final class ColumnIndex {
    private static final int AMBIGUOUS = -1;

    private final List<String> labels;
    private List<? extends dev.retort.sql.Expression<?>> items = List.of();
    // Built on first use: most results are read by position and never need them.
    private ByExpression expressions;
    private Names names;

    /** Positions by the expression that produced the column, by identity; see {@link Names}. */
    private record ByExpression(java.util.IdentityHashMap<dev.retort.sql.Expression<?>, Integer> map) {
    }

    /** Positions by exact and by lower-cased label; final fields, so safely shared once built. */
    private record Names(Map<String, Integer> exact, Map<String, Integer> folded) {
    }

    ColumnIndex(List<String> labels) {
        this.labels = List.copyOf(labels);
    }

    static ColumnIndex of(ResultSetMetaData md) throws SQLException {
        int n = md.getColumnCount();
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = md.getColumnLabel(i + 1);
        }
        return new ColumnIndex(List.of(labels));
    }

    /** Remembers which expression produced each column, for {@code Row.get(expression)}. */
    void expressions(List<? extends dev.retort.sql.Expression<?>> items) {
        this.items = items;
        this.expressions = null;
    }

    private Integer position(dev.retort.sql.Expression<?> e) {
        if (items.isEmpty()) {
            return null;
        }
        ByExpression byExpression = expressions;
        if (byExpression == null) {
            java.util.IdentityHashMap<dev.retort.sql.Expression<?>, Integer> map = new java.util.IdentityHashMap<>();
            for (int i = 0; i < items.size() && i < labels.size(); i++) {
                dev.retort.sql.Expression<?> item = items.get(i);
                map.putIfAbsent(item, i);
                if (item instanceof dev.retort.sql.Aliased<?> a) {
                    map.putIfAbsent(a.expression(), i);
                }
            }
            byExpression = new ByExpression(map);
            expressions = byExpression;
        }
        return byExpression.map().get(e);
    }

    int require(dev.retort.sql.Expression<?> e) {
        Integer i = position(e);
        if (i != null) {
            return i;
        }
        if (e instanceof dev.retort.sql.Aliased<?> a) {
            return require(a.alias());
        }
        if (e instanceof dev.retort.sql.ColumnReference<?> c) {
            int pos = find(c.name());
            if (pos >= 0) {
                return pos;
            }
        }
        throw new RetortException("The result has no column for " + e + "; its columns are " + labels
                + ". Read a column the statement selected, or give the expression a name with as(...).");
    }

    List<String> labels() {
        return labels;
    }

    int size() {
        return labels.size();
    }

    /** @return the position of the column, or -1 if there is none; throws if ambiguous */
    int find(String name) {
        Names n = names;
        if (n == null) {
            Map<String, Integer> exact = new HashMap<>();
            Map<String, Integer> folded = new HashMap<>();
            for (int i = 0; i < labels.size(); i++) {
                String label = labels.get(i);
                exact.merge(label, i, (a, b) -> AMBIGUOUS);
                folded.merge(label.toLowerCase(Locale.ROOT), i, (a, b) -> AMBIGUOUS);
            }
            n = new Names(exact, folded);
            names = n;
        }
        Integer i = n.exact().get(name);
        if (i == null) {
            i = n.folded().get(name.toLowerCase(Locale.ROOT));
        }
        if (i == null) {
            return -1;
        }
        if (i == AMBIGUOUS) {
            throw new RetortException("Column name '" + name + "' is ambiguous: the result has several columns "
                    + "of that name " + labels + ". Give them distinct aliases, or read them by position.");
        }
        return i;
    }

    int require(String name) {
        int i = find(name);
        if (i < 0) {
            throw new RetortException("The result has no column '" + name + "'; its columns are " + labels + ".");
        }
        return i;
    }

    void checkPosition(int index) {
        if (index < 0 || index >= labels.size()) {
            throw new RetortException("Column position " + index + " is out of range: the result has "
                    + labels.size() + " columns " + labels + ", numbered from 0.");
        }
    }
}
