package dev.retort.dialect;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Quotes identifiers for one dialect, only when needed: a reserved word, a character outside
 * {@code [A-Za-z0-9_]}, a leading digit, or (where the database folds unquoted names to lower
 * case, as PostgreSQL does) an upper-case letter. Quote characters inside a name are doubled,
 * so no identifier can break out of its quotes. Immutable.
 */
public class IdentifierPreparer {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Words reserved by the SQL standard and by every supported database. */
    public static final Set<String> COMMON_RESERVED = Set.of("all", "alter", "and", "any", "as", "asc", "between",
            "by", "case", "cast", "check", "collate", "column", "constraint", "create", "cross", "current_date",
            "current_time", "current_timestamp", "default", "delete", "desc", "distinct", "drop", "else", "end",
            "except", "exists", "false", "fetch", "for", "foreign", "from", "full", "grant", "group", "having", "in",
            "index", "inner", "insert", "intersect", "into", "is", "join", "key", "left", "like", "limit", "natural",
            "not", "null", "offset", "on", "or", "order", "outer", "primary", "references", "right", "select", "set",
            "table", "then", "to", "true", "union", "unique", "update", "user", "using", "values", "when", "where",
            "window", "with");

    private final char open;
    private final char close;
    private final boolean foldsToLowerCase;
    private final Set<String> reserved;

    /**
     * Creates a preparer.
     *
     * @param open the opening quote character
     * @param close the closing quote character
     * @param foldsToLowerCase whether unquoted names are folded to lower case
     * @param reserved reserved words in lower case
     */
    public IdentifierPreparer(char open, char close, boolean foldsToLowerCase, Set<String> reserved) {
        this.open = open;
        this.close = close;
        this.foldsToLowerCase = foldsToLowerCase;
        this.reserved = Set.copyOf(reserved);
    }

    /**
     * Quotes a name if it needs it.
     *
     * @param identifier the name as the database should store it
     * @return the name, quoted when needed
     */
    public String quote(String identifier) {
        return needsQuoting(identifier) ? forceQuote(identifier) : identifier;
    }

    /**
     * Quotes a name whether or not it needs it.
     *
     * @param identifier the name
     * @return the quoted name, with quote characters inside doubled
     */
    public String forceQuote(String identifier) {
        String escaped = identifier.replace(String.valueOf(close), String.valueOf(close) + close);
        return open + escaped + close;
    }

    /**
     * Whether a name must be quoted to mean itself.
     *
     * @param identifier the name
     * @return {@code true} if it must be quoted
     */
    public boolean needsQuoting(String identifier) {
        return !PLAIN.matcher(identifier).matches()
                || reserved.contains(identifier.toLowerCase(Locale.ROOT))
                || (foldsToLowerCase && !identifier.equals(identifier.toLowerCase(Locale.ROOT)));
    }

    /**
     * A possibly schema-qualified name, each part quoted when needed.
     *
     * @param schema the schema, or {@code null}
     * @param name the name
     * @return {@code schema.name} or {@code name}
     */
    public String qualified(String schema, String name) {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }
}
