package dev.retort.migrate.autogenerate;

import dev.retort.schema.Table;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Names autogenerate needs: for constraints the model leaves unnamed (operations name every
 * constraint, so that a downgrade can drop it), and for columns and tables under declared renames.
 */
final class Names {
    private Names() {
    }

    /** {@code fk_<table>_<columns>_<referred table>}, cut to 63 bytes. */
    static String foreignKey(String table, List<String> columns, String referredTable) {
        return cut("fk_" + table + "_" + String.join("_", columns) + "_" + referredTable);
    }

    /** {@code uq_<table>_<columns>}, cut to 63 bytes. */
    static String unique(String table, List<String> columns) {
        return cut("uq_" + table + "_" + String.join("_", columns));
    }

    private static String cut(String name) {
        String n = name;
        while (n.getBytes(StandardCharsets.UTF_8).length > Table.MAX_IDENTIFIER_BYTES) {
            n = n.substring(0, n.length() - 1);
        }
        return n;
    }

    /** Names mapped through a rename map; names it lacks stay as they are. */
    static List<String> mapped(List<String> names, Map<String, String> renames) {
        return names.stream().map(n -> renames.getOrDefault(n, n)).toList();
    }
}
