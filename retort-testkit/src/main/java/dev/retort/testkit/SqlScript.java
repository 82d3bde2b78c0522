package dev.retort.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at semicolons outside string literals, quoted
 * identifiers ({@code "..."}, {@code `...`}, {@code [...]}) and comments ({@code -- ...},
 * {@code /* ... *}{@code /}). Comments between statements are dropped; a quote doubled inside a
 * literal stays part of it. Backslashes are plain characters (standard SQL, and MariaDB with
 * {@code NO_BACKSLASH_ESCAPES}).
 */
final class SqlScript {
    private SqlScript() {
    }

    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int n = script.length();
        int i = 0;
        while (i < n) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int e = script.indexOf('\n', i);
                i = e < 0 ? n : e + 1;
                current.append('\n');
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int e = script.indexOf("*/", i + 2);
                i = e < 0 ? n : e + 2;
                current.append(' ');
            } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int j = i + 1;
                while (j < n) {
                    if (script.charAt(j) == close) {
                        if (close != ']' && j + 1 < n && script.charAt(j + 1) == close) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                int end = Math.min(j + 1, n);
                current.append(script, i, end);
                i = end;
            } else if (c == ';') {
                add(out, current);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder current) {
        String s = current.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        current.setLength(0);
    }
}
