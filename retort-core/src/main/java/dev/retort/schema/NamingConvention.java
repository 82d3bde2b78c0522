package dev.retort.schema;

import dev.retort.DefinitionException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Templates that name constraints and indexes the definition leaves unnamed, so every constraint
 * has a stable name that migrations can find. Keys are {@code pk}, {@code fk}, {@code uq},
 * {@code ck} and {@code ix}; templates use SQLAlchemy's tokens:
 * {@code %(table_name)s}, {@code %(column_0_name)s}, {@code %(column_0_label)s}
 * ({@code table_column}), {@code %(column_0N_name)s} (all columns, joined by {@code _}),
 * {@code %(referred_table_name)s}, {@code %(referred_column_0_name)s} and
 * {@code %(constraint_name)s}.
 *
 * <pre>{@code
 * NamingConvention.of(Map.of(
 *         "ix", "ix_%(column_0_label)s",
 *         "uq", "uq_%(table_name)s_%(column_0_name)s",
 *         "ck", "ck_%(table_name)s_%(constraint_name)s",
 *         "fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
 *         "pk", "pk_%(table_name)s"));
 * }</pre>
 */
public final class NamingConvention {
    private static final NamingConvention NONE = new NamingConvention(Map.of());
    private static final List<String> KEYS = List.of("pk", "fk", "uq", "ck", "ix");

    private final Map<String, String> templates;

    private NamingConvention(Map<String, String> templates) {
        this.templates = Map.copyOf(templates);
    }

    /** @return no convention: unnamed constraints are named by the database, indexes {@code ix_<table>_<columns>} */
    public static NamingConvention none() {
        return NONE;
    }

    /**
     * A convention from templates.
     *
     * @param templates templates by key ({@code pk}, {@code fk}, {@code uq}, {@code ck}, {@code ix})
     * @return the convention
     * @throws IllegalArgumentException for an unknown key
     */
    public static NamingConvention of(Map<String, String> templates) {
        for (String k : templates.keySet()) {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("Unknown naming convention key '" + k + "'; use one of " + KEYS);
            }
        }
        return new NamingConvention(new LinkedHashMap<>(templates));
    }

    /** @return the templates by key */
    public Map<String, String> templates() {
        return templates;
    }

    /**
     * The name for a constraint, or {@code null} when there is no template for its kind.
     *
     * @param kind {@code pk}, {@code fk}, {@code uq}, {@code ck} or {@code ix}
     * @param table the constrained table
     * @param columns the constrained columns (may be empty for checks)
     * @param referredTable the referenced table name for {@code fk}, else {@code null}
     * @param referredColumns the referenced column names for {@code fk}, else empty
     * @param constraintName the name given for a check, or {@code null}
     * @return the name, or {@code null}
     */
    String name(String kind, Table table, List<String> columns, String referredTable, List<String> referredColumns,
                String constraintName) {
        String template = templates.get(kind);
        if (template == null) {
            return null;
        }
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("table_name", table.name());
        if (!columns.isEmpty()) {
            tokens.put("column_0_name", columns.get(0));
            tokens.put("column_0_label", table.name() + "_" + columns.get(0));
            tokens.put("column_0N_name", String.join("_", columns));
            tokens.put("column_0_N_name", String.join("_", columns));
        }
        if (referredTable != null) {
            tokens.put("referred_table_name", referredTable);
        }
        if (!referredColumns.isEmpty()) {
            tokens.put("referred_column_0_name", referredColumns.get(0));
        }
        if (constraintName != null) {
            tokens.put("constraint_name", constraintName);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int start = template.indexOf("%(", i);
            if (start < 0) {
                out.append(template, i, template.length());
                break;
            }
            int end = template.indexOf(")s", start);
            if (end < 0) {
                throw new DefinitionException("Naming convention '" + kind + "' template '" + template + "' has an unclosed %( token");
            }
            out.append(template, i, start);
            String token = template.substring(start + 2, end);
            String value = tokens.get(token);
            if (value == null) {
                throw new DefinitionException("Naming convention '" + kind + "' template '" + template + "' uses %(" + token
                        + ")s, which has no value for a constraint of table " + table.name()
                        + (token.equals("constraint_name") ? ": give the constraint a name" : "") + ".");
            }
            out.append(value);
            i = end + 2;
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamingConvention n && n.templates.equals(templates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(templates);
    }

    @Override
    public String toString() {
        return "NamingConvention" + templates;
    }
}
