package dev.retort.sql;

import dev.retort.types.SqlTypes;

/**
 * {@code operand [NOT] LIKE pattern [ESCAPE e]}, or its case-insensitive form.
 *
 * @param operand the tested expression
 * @param pattern the pattern (a bound parameter)
 * @param escape the escape character, or {@code null}
 * @param caseInsensitive ILIKE (emulated with lower() where the dialect lacks it)
 * @param negated NOT LIKE
 */
public record Like(Expression<?> operand, Expression<String> pattern, Character escape, boolean caseInsensitive,
                   boolean negated) implements Predicate {
    /** The escape character used by startsWith, endsWith and contains. */
    public static final char ESCAPE = '!';

    static Like of(Expression<?> operand, String pattern, Character escape, boolean caseInsensitive, boolean negated) {
        if (pattern == null) {
            throw new IllegalArgumentException("like(null): the pattern is null; use isNull() to test for NULL");
        }
        return new Like(operand, new BindParameter<>(null, pattern, SqlTypes.TEXT), escape, caseInsensitive, negated);
    }

    /**
     * Escapes LIKE wildcards so that text matches literally.
     *
     * @param text the text
     * @return the text with {@code !}, {@code %} and {@code _} escaped by {@code !}
     */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ESCAPE || c == '%' || c == '_') {
                b.append(ESCAPE);
            }
            b.append(c);
        }
        return b.toString();
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitLike(this);
    }
}
