package dev.retort.dialect.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads what SQLite keeps only in the text of {@code CREATE TABLE}, {@code CREATE INDEX} and
 * {@code CREATE VIEW} (in {@code sqlite_master}): constraint names, CHECK conditions, index
 * expressions and WHERE clauses, view queries. A tolerant tokenizer: quotes ({@code '...'},
 * {@code "..."}, {@code `...`}, {@code [...]}), comments and nested parentheses are understood;
 * anything it cannot make sense of is skipped rather than failed on.
 */
final class SqliteDdlParser {

    /** A token: a word, a quoted identifier, a string literal, or one punctuation character. */
    record Token(Kind kind, String text, int start, int end) {
        boolean is(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isPunct(char c) {
            return kind == Kind.PUNCT && text.charAt(0) == c;
        }

        boolean isName() {
            return kind == Kind.WORD || kind == Kind.IDENTIFIER;
        }
    }

    enum Kind { WORD, IDENTIFIER, STRING, PUNCT }

    /** A table-level or column-level constraint found in CREATE TABLE. */
    record Constraint(String name, String type, List<String> columns, String check, String referredTable,
                      List<String> referredColumns, boolean deferrable, boolean initiallyDeferred) {
    }

    /** What CREATE TABLE says. */
    record TableDefinition(List<String> columns, List<Constraint> constraints, boolean withoutRowid) {
    }

    /** What CREATE INDEX says. */
    record IndexDefinition(List<String> elements, String where) {
    }

    private SqliteDdlParser() {
    }

    static List<Token> tokenize(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int e = sql.indexOf('\n', i);
                i = e < 0 ? n : e + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int e = sql.indexOf("*/", i + 2);
                i = e < 0 ? n : e + 2;
            } else if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                StringBuilder text = new StringBuilder();
                while (j < n) {
                    char d = sql.charAt(j);
                    if (d == c) {
                        if (j + 1 < n && sql.charAt(j + 1) == c) {
                            text.append(c);
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    text.append(d);
                    j++;
                }
                int end = Math.min(j + 1, n);
                out.add(new Token(c == '\'' ? Kind.STRING : Kind.IDENTIFIER, text.toString(), i, end));
                i = end;
            } else if (c == '[') {
                int e = sql.indexOf(']', i + 1);
                int end = e < 0 ? n : e + 1;
                out.add(new Token(Kind.IDENTIFIER, sql.substring(i + 1, e < 0 ? n : e), i, end));
                i = end;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$'
                        || (sql.charAt(j) == '.' && Character.isDigit(c)))) {
                    j++;
                }
                out.add(new Token(Kind.WORD, sql.substring(i, j), i, j));
                i = j;
            } else {
                out.add(new Token(Kind.PUNCT, String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return out;
    }

    /** Index of the parenthesis closing the one at {@code open}, or the last token. */
    private static int closing(List<Token> t, int open) {
        int depth = 0;
        for (int i = open; i < t.size(); i++) {
            if (t.get(i).isPunct('(')) {
                depth++;
            } else if (t.get(i).isPunct(')')) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return t.size() - 1;
    }

    /** Splits tokens [from, to) at top-level commas into [start, end) ranges. */
    private static List<int[]> split(List<Token> t, int from, int to) {
        List<int[]> parts = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            Token k = t.get(i);
            if (k.isPunct('(')) {
                depth++;
            } else if (k.isPunct(')')) {
                depth--;
            } else if (k.isPunct(',') && depth == 0) {
                parts.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (start < to) {
            parts.add(new int[] {start, to});
        }
        return parts;
    }

    private static String source(String sql, List<Token> t, int from, int to) {
        if (from >= to) {
            return "";
        }
        return sql.substring(t.get(from).start(), t.get(to - 1).end()).strip();
    }

    /** The names in a parenthesised column list starting at {@code open}: the first name of each item. */
    private static List<String> names(List<Token> t, int open, int close) {
        List<String> out = new ArrayList<>();
        for (int[] p : split(t, open + 1, close)) {
            if (p[0] < p[1] && t.get(p[0]).isName()) {
                out.add(t.get(p[0]).text());
            }
        }
        return out;
    }

    /** The position just after {@code CREATE ... TABLE|INDEX|VIEW [IF NOT EXISTS] [schema.]name}, or -1. */
    private static int afterName(List<Token> t, String kind) {
        int i = 0;
        while (i < t.size() && !t.get(i).is(kind)) {
            i++;
        }
        i++;
        if (i + 2 < t.size() && t.get(i).is("IF") && t.get(i + 1).is("NOT") && t.get(i + 2).is("EXISTS")) {
            i += 3;
        }
        if (i >= t.size()) {
            return -1;
        }
        i++;
        if (i + 1 < t.size() && t.get(i).isPunct('.')) {
            i += 2;
        }
        return i;
    }

    static TableDefinition parseTable(String sql) {
        List<Token> t = tokenize(sql);
        int i = afterName(t, "TABLE");
        List<String> columns = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        if (i < 0 || i >= t.size() || !t.get(i).isPunct('(')) {
            return new TableDefinition(columns, constraints, false);
        }
        int close = closing(t, i);
        for (int[] item : split(t, i + 1, close)) {
            parseItem(sql, t, item[0], item[1], columns, constraints);
        }
        boolean withoutRowid = false;
        for (int k = close + 1; k + 1 < t.size(); k++) {
            if (t.get(k).is("WITHOUT") && t.get(k + 1).is("ROWID")) {
                withoutRowid = true;
            }
        }
        return new TableDefinition(columns, constraints, withoutRowid);
    }

    private static boolean startsConstraint(Token k) {
        return k.is("CONSTRAINT") || k.is("PRIMARY") || k.is("UNIQUE") || k.is("CHECK") || k.is("FOREIGN");
    }

    private static void parseItem(String sql, List<Token> t, int from, int to, List<String> columns,
                                  List<Constraint> constraints) {
        if (from >= to) {
            return;
        }
        if (startsConstraint(t.get(from))) {
            parseConstraints(sql, t, from, to, null, constraints);
            return;
        }
        String column = t.get(from).text();
        columns.add(column);
        int i = from + 1;
        while (i < to && !isColumnConstraintStart(t.get(i))) {
            if (t.get(i).isPunct('(')) {
                i = closing(t, i);
            }
            i++;
        }
        parseConstraints(sql, t, i, to, column, constraints);
    }

    private static boolean isColumnConstraintStart(Token k) {
        return startsConstraint(k) || k.is("NOT") || k.is("NULL") || k.is("DEFAULT") || k.is("COLLATE")
                || k.is("REFERENCES") || k.is("GENERATED") || k.is("AS");
    }

    /** Reads constraints in [from, to); {@code column} is set for a column definition's constraints. */
    private static void parseConstraints(String sql, List<Token> t, int from, int to, String column,
                                         List<Constraint> out) {
        int i = from;
        String name = null;
        while (i < to) {
            Token k = t.get(i);
            if (k.is("CONSTRAINT") && i + 1 < to) {
                name = t.get(i + 1).text();
                i += 2;
                continue;
            }
            if (k.is("PRIMARY") || k.is("UNIQUE")) {
                String type = k.is("PRIMARY") ? "PRIMARY KEY" : "UNIQUE";
                i += k.is("PRIMARY") ? 2 : 1;
                List<String> cols = List.of();
                if (i < to && t.get(i).isPunct('(')) {
                    int c = closing(t, i);
                    cols = names(t, i, c);
                    i = c + 1;
                } else if (column != null) {
                    cols = List.of(column);
                }
                out.add(new Constraint(name, type, cols, null, null, List.of(), false, false));
                name = null;
                continue;
            }
            if (k.is("CHECK") && i + 1 < to && t.get(i + 1).isPunct('(')) {
                int c = closing(t, i + 1);
                out.add(new Constraint(name, "CHECK", column == null ? List.of() : List.of(column),
                        source(sql, t, i + 2, c), null, List.of(), false, false));
                name = null;
                i = c + 1;
                continue;
            }
            if (k.is("FOREIGN") || k.is("REFERENCES")) {
                List<String> cols = column == null ? List.of() : List.of(column);
                if (k.is("FOREIGN")) {
                    i += 2;
                    if (i < to && t.get(i).isPunct('(')) {
                        int c = closing(t, i);
                        cols = names(t, i, c);
                        i = c + 1;
                    }
                }
                if (i < to && t.get(i).is("REFERENCES")) {
                    i++;
                }
                String table = i < to ? t.get(i).text() : null;
                i++;
                if (i + 1 < to && t.get(i).isPunct('.')) {
                    table = t.get(i + 1).text();
                    i += 2;
                }
                List<String> refs = List.of();
                if (i < to && t.get(i).isPunct('(')) {
                    int c = closing(t, i);
                    refs = names(t, i, c);
                    i = c + 1;
                }
                boolean deferrable = false;
                boolean deferred = false;
                while (i < to && !endsForeignKey(t, i)) {
                    if (t.get(i).is("DEFERRABLE") && !(i > 0 && t.get(i - 1).is("NOT"))) {
                        deferrable = true;
                    }
                    if (t.get(i).is("DEFERRED") && i > 0 && t.get(i - 1).is("INITIALLY")) {
                        deferred = true;
                    }
                    i++;
                }
                if (table != null) {
                    out.add(new Constraint(name, "FOREIGN KEY", cols, null, table, refs, deferrable, deferrable && deferred));
                }
                name = null;
                continue;
            }
            if (k.isPunct('(')) {
                i = closing(t, i);
            }
            i++;
        }
    }

    /** Whether token {@code i} starts what follows a REFERENCES clause (not SET NULL, SET DEFAULT, NOT DEFERRABLE). */
    private static boolean endsForeignKey(List<Token> t, int i) {
        Token k = t.get(i);
        if ((k.is("NULL") || k.is("DEFAULT")) && i > 0 && t.get(i - 1).is("SET")) {
            return false;
        }
        if (k.is("NOT") && i + 1 < t.size() && t.get(i + 1).is("DEFERRABLE")) {
            return false;
        }
        return startsConstraint(k) || isColumnConstraintStart(k);
    }

    static IndexDefinition parseIndex(String sql) {
        List<Token> t = tokenize(sql);
        int i = afterName(t, "INDEX");
        if (i < 0 || i + 1 >= t.size() || !t.get(i).is("ON")) {
            return new IndexDefinition(List.of(), null);
        }
        i += 2;
        if (i + 1 < t.size() && t.get(i).isPunct('.')) {
            i += 2;
        }
        if (i >= t.size() || !t.get(i).isPunct('(')) {
            return new IndexDefinition(List.of(), null);
        }
        int close = closing(t, i);
        List<String> elements = new ArrayList<>();
        for (int[] p : split(t, i + 1, close)) {
            int end = p[1];
            while (end > p[0] + 1 && (t.get(end - 1).is("ASC") || t.get(end - 1).is("DESC"))) {
                end--;
            }
            elements.add(stripParentheses(source(sql, t, p[0], end)));
        }
        String where = null;
        if (close + 1 < t.size() && t.get(close + 1).is("WHERE")) {
            where = source(sql, t, close + 2, t.size());
            if (where.endsWith(";")) {
                where = where.substring(0, where.length() - 1).strip();
            }
        }
        return new IndexDefinition(elements, where);
    }

    static String viewQuery(String sql) {
        List<Token> t = tokenize(sql);
        int i = afterName(t, "VIEW");
        if (i < 0) {
            return sql;
        }
        if (i < t.size() && t.get(i).isPunct('(')) {
            i = closing(t, i) + 1;
        }
        if (i < t.size() && t.get(i).is("AS")) {
            String q = source(sql, t, i + 1, t.size());
            return q.endsWith(";") ? q.substring(0, q.length() - 1).strip() : q;
        }
        return sql;
    }

    /**
     * The labels of a condition {@code col IN ('a', 'b', ...)} on the given column, or
     * {@code null} if the condition is anything else.
     */
    static List<String> inListLabels(String condition, String column) {
        List<Token> t = tokenize(condition);
        if (t.size() < 5 || !t.get(0).isName() || !t.get(0).text().equalsIgnoreCase(column) || !t.get(1).is("IN")
                || !t.get(2).isPunct('(') || !t.get(t.size() - 1).isPunct(')')) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        for (int i = 3; i < t.size() - 1; i++) {
            Token k = t.get(i);
            boolean expectLabel = (i - 3) % 2 == 0;
            if (expectLabel && k.kind() == Kind.STRING) {
                labels.add(k.text());
            } else if (expectLabel || !k.isPunct(',')) {
                return null;
            }
        }
        return labels.isEmpty() ? null : labels;
    }

    /** Removes parentheses that enclose the whole text, as Retort writes index expressions. */
    static String stripParentheses(String s) {
        String r = s.strip();
        while (r.startsWith("(") && r.endsWith(")")) {
            List<Token> t = tokenize(r);
            if (t.isEmpty() || closing(t, 0) != t.size() - 1) {
                break;
            }
            r = r.substring(1, r.length() - 1).strip();
        }
        return r;
    }

    static String upper(String s) {
        return s == null ? "" : s.toUpperCase(Locale.ROOT);
    }
}
