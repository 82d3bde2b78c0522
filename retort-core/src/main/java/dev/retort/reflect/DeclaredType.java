package dev.retort.reflect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A type name as a catalog prints it, taken apart: {@code NUMERIC(10, 2)} has the base
 * {@code NUMERIC} and the arguments {@code 10} and {@code 2}; {@code time(6) without time zone}
 * has the base {@code TIME}, the argument {@code 6} and the suffix {@code WITHOUT TIME ZONE};
 * {@code enum('a','b')} has the arguments {@code 'a'} and {@code 'b'} (still quoted). A helper
 * for {@link SchemaReader} implementations that map type names back to Retort types. Immutable.
 *
 * @param base the name before any parenthesis, upper case, with single spaces
 * @param arguments the comma-separated arguments inside the parentheses, trimmed (quotes kept)
 * @param suffix what follows the closing parenthesis, upper case, with single spaces; empty if nothing
 */
public record DeclaredType(String base, List<String> arguments, String suffix) {
    /** Copies the argument list. */
    public DeclaredType {
        Objects.requireNonNull(base, "base");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(suffix, "suffix");
    }

    /**
     * Takes a type name apart. Never fails: text it cannot read ends up in {@link #base()}.
     *
     * @param text the type name, e.g. {@code NVARCHAR(160)}; {@code null} counts as empty
     * @return the parts
     */
    public static DeclaredType parse(String text) {
        String s = text == null ? "" : text.strip();
        int open = s.indexOf('(');
        if (open < 0) {
            return new DeclaredType(normalize(s), List.of(), "");
        }
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        char quote = 0;
        int close = -1;
        for (int i = open + 1; i < s.length() && close < 0; i++) {
            char ch = s.charAt(i);
            if (quote != 0) {
                current.append(ch);
                if (ch == quote) {
                    if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                        current.append(s.charAt(++i));
                    } else {
                        quote = 0;
                    }
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                current.append(ch);
            } else if (ch == '(') {
                depth++;
                current.append(ch);
            } else if (ch == ')' && depth > 0) {
                depth--;
                current.append(ch);
            } else if (ch == ')') {
                close = i;
            } else if (ch == ',' && depth == 0) {
                args.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        if (close < 0) {
            return new DeclaredType(normalize(s), List.of(), "");
        }
        if (!current.toString().isBlank() || !args.isEmpty()) {
            args.add(current.toString().strip());
        }
        return new DeclaredType(normalize(s.substring(0, open)), args, normalize(s.substring(close + 1)));
    }

    private static String normalize(String s) {
        return s.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    /**
     * An argument as a whole number.
     *
     * @param index the argument's position, from 0
     * @return its value, or {@code null} if there is no such argument or it is not a number
     */
    public Integer intArgument(int index) {
        if (index >= arguments.size()) {
            return null;
        }
        try {
            return Integer.valueOf(arguments.get(index).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The arguments as string literals with their quotes removed and doubled quotes undone, as
     * in {@code enum('a','it''s')}.
     *
     * @return the labels
     */
    public List<String> labels() {
        List<String> out = new ArrayList<>();
        for (String a : arguments) {
            out.add(unquote(a));
        }
        return out;
    }

    /**
     * Removes the single quotes around a SQL string literal and undoes doubled quotes inside it.
     *
     * @param literal e.g. {@code 'it''s'}
     * @return {@code it's}; the text unchanged if it is not quoted
     */
    public static String unquote(String literal) {
        String s = literal.strip();
        if (s.length() >= 2 && s.charAt(0) == '\'' && s.charAt(s.length() - 1) == '\'') {
            return s.substring(1, s.length() - 1).replace("''", "'");
        }
        return s;
    }

    @Override
    public String toString() {
        return base + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")")
                + (suffix.isEmpty() ? "" : " " + suffix);
    }
}
