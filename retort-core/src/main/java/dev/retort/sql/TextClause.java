package dev.retort.sql;

import dev.retort.types.SqlType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A SQL statement given as text, with named parameters ({@code :name}) whose values are bound,
 * never inlined. Immutable: {@link #bind} returns a new clause.
 *
 * <p>The text is split into pieces once, when the clause is made. Quoted strings
 * ({@code '...'}), quoted identifiers ({@code "..."}, {@code `...`}), comments and PostgreSQL
 * dollar-quoted strings are copied as they are; {@code ::} stays a cast; {@code \:} is a
 * literal colon. A bare {@code ?} is kept as a {@link Piece.Kind#QUESTION_MARK} piece that the
 * dialect renders (PostgreSQL escapes it for its JSON operators; other dialects refuse it,
 * since it would be taken for a JDBC placeholder).
 *
 * <p>Values bound with a {@link SqlType} ({@link #bind(String, Object, SqlType)}) go through the
 * dialect's codec for that type; {@link #columns(SqlType...)} types the result columns, so that
 * they read as the types' Java classes (SQLAlchemy's {@code text().bindparams()} and
 * {@code text().columns()}):
 *
 * <pre>{@code
 * text("INSERT INTO events (id, at) VALUES (:id, :at)").bind("id", 1).bind("at", now, TIMESTAMPTZ);
 * OffsetDateTime at = (OffsetDateTime) conn.execute(text("SELECT at FROM events WHERE id = :id")
 *         .bind("id", 1).columns(TIMESTAMPTZ)).scalar();
 * }</pre>
 */
public final class TextClause implements Executable {

    /**
     * One piece of the parsed text.
     *
     * @param kind what the piece is
     * @param text the SQL text of a {@code SQL} piece, or the parameter name of a
     *             {@code PARAMETER} piece
     * @param offset where the piece starts in the original text
     */
    public record Piece(Kind kind, String text, int offset) {
        /** The kinds of pieces. */
        public enum Kind {
            /** Literal SQL, copied as it is. */
            SQL,
            /** A named bind parameter. */
            PARAMETER,
            /** A bare question mark outside quotes and comments. */
            QUESTION_MARK
        }
    }

    /**
     * The cache key: the text and the declared types, so that an engine's per-statement plan
     * (the codecs that bind parameters and read columns) is never shared between two clauses
     * of the same text typed differently.
     */
    private record Key(String sql, Map<String, SqlType<?>> types, List<SqlType<?>> resultTypes) {
    }

    private final String sql;
    private final List<Piece> pieces;
    private final Set<String> parameterNames;
    private final Map<String, Object> values;
    private final Map<String, SqlType<?>> types;
    private final List<SqlType<?>> resultTypes;

    private TextClause(String sql, List<Piece> pieces, Set<String> parameterNames, Map<String, Object> values,
                       Map<String, SqlType<?>> types, List<SqlType<?>> resultTypes) {
        this.sql = sql;
        this.pieces = pieces;
        this.parameterNames = parameterNames;
        this.values = values;
        this.types = types;
        this.resultTypes = resultTypes;
    }

    static TextClause of(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("text(sql): the SQL text is null or blank");
        }
        List<Piece> pieces = TextParser.parse(sql);
        Set<String> names = new LinkedHashSet<>();
        for (Piece p : pieces) {
            if (p.kind() == Piece.Kind.PARAMETER) {
                names.add(p.text());
            }
        }
        return new TextClause(sql, List.copyOf(pieces), Collections.unmodifiableSet(names), Map.of(), Map.of(), List.of());
    }

    /**
     * Binds a value to a named parameter, untyped: the driver receives it as it is. A type given
     * earlier for the parameter is dropped.
     *
     * @param name the parameter's name, without the colon
     * @param value the value; {@code null} binds SQL NULL
     * @return a new clause with the value bound
     * @throws IllegalArgumentException if the text has no parameter of that name
     */
    public TextClause bind(String name, Object value) {
        checkName(name);
        Map<String, Object> copy = new HashMap<>(values);
        copy.put(name, value);
        return new TextClause(sql, pieces, parameterNames, Collections.unmodifiableMap(copy), withoutTypes(Set.of(name)),
                resultTypes);
    }

    /**
     * Binds a value to a named parameter as a SQL type: the dialect's codec for the type binds
     * it (a {@code BigDecimal} exactly, an {@code OffsetDateTime} normalised to UTC where the
     * database keeps no offset, an enum as its label, JSON through its codec, ...). The type also
     * applies to values given for the parameter at execution time, so a clause can declare a
     * type once with a {@code null} value and receive values per execution.
     *
     * @param name the parameter's name, without the colon
     * @param value the value; {@code null} binds SQL NULL of the type
     * @param type the SQL type
     * @param <T> the type's Java class
     * @return a new clause with the value and its type bound
     * @throws IllegalArgumentException if the text has no parameter of that name, the type is
     *         null, or the value is not of the type's Java class
     */
    public <T> TextClause bind(String name, T value, SqlType<T> type) {
        checkName(name);
        if (type == null) {
            throw new IllegalArgumentException("bind(\"" + name + "\", value, type): type is null; use bind(name, value) "
                    + "for an untyped value");
        }
        if (!type.accepts(value)) {
            throw new IllegalArgumentException("bind(\"" + name + "\", value, " + type + "): a " + value.getClass().getName()
                    + " is not a " + type.javaType().getName() + ", the Java class of " + type);
        }
        Map<String, Object> copy = new HashMap<>(values);
        copy.put(name, value);
        Map<String, SqlType<?>> typeCopy = new HashMap<>(types);
        typeCopy.put(name, type);
        return new TextClause(sql, pieces, parameterNames, Collections.unmodifiableMap(copy),
                Collections.unmodifiableMap(typeCopy), resultTypes);
    }

    /**
     * Types the result columns by position, like SQLAlchemy's {@code text().columns()}: column
     * {@code i} is read with the dialect's codec for {@code types[i]}, so it comes back as that
     * type's Java class ({@code LocalDate} from SQLite's text, {@code UUID}, a Java enum, a JSON
     * codec's class, ...). Columns beyond the types given are read untyped. Replaces earlier
     * column types.
     *
     * @param types the types of the first columns, in order; none of them null
     * @return a new clause with typed results
     * @throws IllegalArgumentException if no type is given or one is null
     */
    public TextClause columns(SqlType<?>... types) {
        if (types == null || types.length == 0) {
            throw new IllegalArgumentException("columns(types...): give the type of at least the first result column");
        }
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                throw new IllegalArgumentException("columns(types...): the type of result column " + (i + 1)
                        + " (position " + i + ") is null");
            }
        }
        return new TextClause(sql, pieces, parameterNames, values, this.types, List.of(types));
    }

    private Map<String, SqlType<?>> withoutTypes(Set<String> names) {
        if (types.isEmpty()) {
            return types;
        }
        Map<String, SqlType<?>> copy = new HashMap<>(types);
        copy.keySet().removeAll(names);
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Binds several values at once, untyped (types given earlier for these names are dropped).
     *
     * @param values parameter names mapped to values
     * @return a new clause with the values bound
     * @throws IllegalArgumentException if a name is not a parameter of the text
     */
    public TextClause bindAll(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        Map<String, Object> copy = new HashMap<>(this.values);
        for (Map.Entry<String, ?> e : values.entrySet()) {
            checkName(e.getKey());
            copy.put(e.getKey(), e.getValue());
        }
        return new TextClause(sql, pieces, parameterNames, Collections.unmodifiableMap(copy), withoutTypes(values.keySet()),
                resultTypes);
    }

    private void checkName(String name) {
        if (name == null || !parameterNames.contains(name)) {
            throw new IllegalArgumentException("text(\"" + abbreviate(sql) + "\") has no parameter :" + name
                    + "; its parameters are " + (parameterNames.isEmpty() ? "none" : ":" + String.join(", :", parameterNames)));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** @return the SQL text as written */
    public String sql() {
        return sql;
    }

    /** @return the parsed pieces, in order */
    public List<Piece> pieces() {
        return pieces;
    }

    /** @return the distinct parameter names, in order of first appearance */
    public Set<String> parameterNames() {
        return parameterNames;
    }

    @Override
    public Map<String, Object> boundValues() {
        return values;
    }

    @Override
    public Map<String, SqlType<?>> parameterTypes() {
        return types;
    }

    @Override
    public List<SqlType<?>> resultTypes() {
        return resultTypes;
    }

    @Override
    public Object cacheKey() {
        return new Key(sql, types, resultTypes);
    }

    @Override
    public <R> R accept(StatementVisitor<R> visitor) {
        return visitor.visitText(this);
    }

    @Override
    public String toString() {
        return sql;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextClause t && t.sql.equals(sql) && t.values.equals(values) && t.types.equals(types)
                && t.resultTypes.equals(resultTypes);
    }

    @Override
    public int hashCode() {
        return ((sql.hashCode() * 31 + values.hashCode()) * 31 + types.hashCode()) * 31 + resultTypes.hashCode();
    }

    /** Splits SQL text into literal pieces, named parameters and bare question marks. */
    static final class TextParser {
        private final String s;
        private final List<Piece> out = new ArrayList<>();
        private final StringBuilder literal = new StringBuilder();
        private int literalStart;

        private TextParser(String s) {
            this.s = s;
        }

        static List<Piece> parse(String s) {
            return new TextParser(s).run();
        }

        private List<Piece> run() {
            int i = 0;
            int n = s.length();
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\'' || c == '"' || c == '`') {
                    i = copyQuoted(i, c);
                } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                    int end = s.indexOf('\n', i);
                    i = copy(i, end < 0 ? n : end);
                } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                    int end = s.indexOf("*/", i + 2);
                    if (end < 0) {
                        throw new IllegalArgumentException("text(): unterminated /* comment starting at offset " + i);
                    }
                    i = copy(i, end + 2);
                } else if (c == '$' && (i == 0 || !isIdentifierPart(s.charAt(i - 1)))) {
                    i = copyDollarQuoted(i);
                } else if (c == '\\' && i + 1 < n && s.charAt(i + 1) == ':') {
                    append(i, ':');
                    i += 2;
                } else if (c == ':' && i + 1 < n && s.charAt(i + 1) == ':') {
                    i = copy(i, i + 2);
                } else if (c == ':' && i + 1 < n && isIdentifierStart(s.charAt(i + 1))
                        && (i == 0 || s.charAt(i - 1) != ':')) {
                    int end = i + 1;
                    while (end < n && isIdentifierPart(s.charAt(end))) {
                        end++;
                    }
                    flush();
                    out.add(new Piece(Piece.Kind.PARAMETER, s.substring(i + 1, end), i));
                    i = end;
                } else if (c == '?') {
                    flush();
                    out.add(new Piece(Piece.Kind.QUESTION_MARK, "?", i));
                    i++;
                } else {
                    append(i, c);
                    i++;
                }
            }
            flush();
            return out;
        }

        private int copyQuoted(int start, char quote) {
            int i = start + 1;
            while (i < s.length()) {
                if (s.charAt(i) == quote) {
                    if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                        i += 2;
                        continue;
                    }
                    return copy(start, i + 1);
                }
                i++;
            }
            throw new IllegalArgumentException("text(): unterminated " + quote + " quote starting at offset " + start);
        }

        private int copyDollarQuoted(int start) {
            int tagEnd = start + 1;
            while (tagEnd < s.length() && isIdentifierPart(s.charAt(tagEnd)) && s.charAt(tagEnd) != '$') {
                tagEnd++;
            }
            if (tagEnd >= s.length() || s.charAt(tagEnd) != '$' || (tagEnd > start + 1 && Character.isDigit(s.charAt(start + 1)))) {
                append(start, '$');
                return start + 1;
            }
            String tag = s.substring(start, tagEnd + 1);
            int close = s.indexOf(tag, tagEnd + 1);
            if (close < 0) {
                throw new IllegalArgumentException("text(): unterminated dollar-quoted string " + tag + " starting at offset " + start);
            }
            return copy(start, close + tag.length());
        }

        private int copy(int from, int to) {
            if (literal.length() == 0) {
                literalStart = from;
            }
            literal.append(s, from, to);
            return to;
        }

        private void append(int at, char c) {
            if (literal.length() == 0) {
                literalStart = at;
            }
            literal.append(c);
        }

        private void flush() {
            if (literal.length() > 0) {
                out.add(new Piece(Piece.Kind.SQL, literal.toString(), literalStart));
                literal.setLength(0);
            }
        }

        private static boolean isIdentifierStart(char c) {
            return Character.isLetter(c) || c == '_';
        }

        private static boolean isIdentifierPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_';
        }
    }
}
