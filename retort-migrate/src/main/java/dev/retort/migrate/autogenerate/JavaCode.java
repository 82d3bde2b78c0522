package dev.retort.migrate.autogenerate;

import java.util.ArrayList;
import java.util.List;

/** Java literals for generated code: strings (escaped, non-ASCII as {@code \\uXXXX}) and lists of them. */
final class JavaCode {
    private JavaCode() {
    }

    /** A Java string literal. */
    static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** String literals separated by commas: {@code "a", "b"}. */
    static String strs(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            out.add(str(v));
        }
        return String.join(", ", out);
    }

    /** {@code List.of("a", "b")}. */
    static String listOf(List<String> values, Imports imports) {
        return imports.type(List.class) + ".of(" + strs(values) + ")";
    }

    /**
     * Text for a Java comment: no line breaks, no sequence that would end the comment, and no
     * {@code \}{@code u} that the compiler would read as a character escape before the comment.
     */
    static String comment(String text) {
        return text.replace("\r", " ").replace("\n", " ").replace("*/", "* /").replace("\\u", "\\\\u");
    }
}
