package dev.retort.orm;

import dev.retort.orm.mapping.MappedColumn;
import dev.retort.schema.Table;
import dev.retort.sql.ColumnReference;
import dev.retort.sql.Insert;
import dev.retort.sql.Statements;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one-row INSERT a flush runs for new rows of one table that set the same columns, with its
 * parameter layout: built once per table and set of columns, so a flush neither builds nor walks
 * the statement again (its shape, and so its compilation, is then found at once).
 *
 * @param columnsOnly the INSERT naming the columns, without values (for a row of database-filled columns only)
 * @param template the INSERT with one named parameter per column ({@code c<index>})
 * @param layout where each parameter's value sits in a flush's value array
 */
record InsertTemplate(Insert columnsOnly, Insert template, ColumnValues.Layout layout) {
    private static final int MAX = 1_000;
    private static final Map<List<Object>, InsertTemplate> TEMPLATES = new ConcurrentHashMap<>();

    /**
     * @param table the table
     * @param included the columns the rows set
     * @return the statement and layout for them
     */
    static InsertTemplate of(Table table, List<MappedColumn> included) {
        List<Object> key = List.of(table, List.copyOf(included));
        InsertTemplate t = TEMPLATES.get(key);
        if (t == null) {
            Insert insert = Statements.insert(table).columns(included.stream().map(MappedColumn::column).toArray(ColumnReference[]::new));
            ColumnValues.Layout layout = ColumnValues.layout(included);
            t = new InsertTemplate(insert, included.isEmpty() ? insert : insert.values(layout.parameters()), layout);
            if (TEMPLATES.size() < MAX) {          // a bound against a pathological number of column sets
                TEMPLATES.put(key, t);
            }
        }
        return t;
    }
}
