package dev.retort.migrate.autogenerate;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The declared renames that apply: database table names to model names, and per database table,
 * column names to model names. Comparisons read the database through it, so a renamed table or
 * column, and every key and index naming it, compares under its model name.
 */
final class Renaming {
    private final Map<String, String> tables = new LinkedHashMap<>();
    private final Map<String, String> tablesBack = new HashMap<>();
    private final Map<String, Map<String, String>> columns = new HashMap<>();

    void table(String from, String to) {
        tables.put(from, to);
        tablesBack.put(to, from);
    }

    void column(String databaseTable, String from, String to) {
        columns.computeIfAbsent(databaseTable, k -> new LinkedHashMap<>()).put(from, to);
    }

    /** The model's name of a database table. */
    String modelTable(String databaseTable) {
        return tables.getOrDefault(databaseTable, databaseTable);
    }

    /** The database's name of a model table. */
    String databaseTable(String modelTable) {
        String from = tablesBack.get(modelTable);
        return from != null ? from : tables.containsKey(modelTable) ? null : modelTable;
    }

    /** Column renames of a database table, database name to model name. */
    Map<String, String> columns(String databaseTable) {
        return columns.getOrDefault(databaseTable, Map.of());
    }

    /** The model's name of a database column. */
    String modelColumn(String databaseTable, String column) {
        return columns(databaseTable).getOrDefault(column, column);
    }

    /** The database's name of a model column; {@code null} if the database's column of that name is renamed away. */
    String databaseColumn(String databaseTable, String modelColumn) {
        Map<String, String> renames = columns(databaseTable);
        for (Map.Entry<String, String> e : renames.entrySet()) {
            if (e.getValue().equals(modelColumn)) {
                return e.getKey();
            }
        }
        return renames.containsKey(modelColumn) ? null : modelColumn;
    }
}
