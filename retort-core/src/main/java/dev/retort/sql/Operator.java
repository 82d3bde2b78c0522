package dev.retort.sql;

/** Binary operators, with their SQL spelling and precedence (higher binds tighter). */
public enum Operator {
    /** {@code *} */
    TIMES("*", 7),
    /** {@code /} */
    DIVIDE("/", 7),
    /** {@code %} */
    MODULO("%", 7),
    /** {@code +} */
    PLUS("+", 6),
    /** {@code -} */
    MINUS("-", 6),
    /** String concatenation: {@code ||}, or CONCAT() where the dialect needs it. */
    CONCAT("||", 6),
    /** {@code =} */
    EQ("=", 4),
    /** {@code <>} */
    NE("<>", 4),
    /** {@code <} */
    LT("<", 4),
    /** {@code <=} */
    LE("<=", 4),
    /** {@code >} */
    GT(">", 4),
    /** {@code >=} */
    GE(">=", 4);

    private final String sql;
    private final int precedence;

    Operator(String sql, int precedence) {
        this.sql = sql;
        this.precedence = precedence;
    }

    /** @return the operator as SQL writes it */
    public String sql() {
        return sql;
    }

    /** @return its precedence: 7 multiplicative, 6 additive, 4 comparison */
    public int precedence() {
        return precedence;
    }
}
