package dev.retort.schema;

/** What a foreign key does when the referenced row is deleted or its key updated. */
public enum ReferentialAction {
    /** Refuse the change (checked at once). */
    RESTRICT("RESTRICT"),
    /** Refuse the change (checked at the end of the statement; the default). */
    NO_ACTION("NO ACTION"),
    /** Delete or update the referencing rows too. */
    CASCADE("CASCADE"),
    /** Set the referencing columns to NULL. */
    SET_NULL("SET NULL"),
    /** Set the referencing columns to their defaults. */
    SET_DEFAULT("SET DEFAULT");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    /** @return the action as SQL writes it */
    public String sql() {
        return sql;
    }

    /**
     * Finds the action for its SQL spelling, as catalogs report it.
     *
     * @param sql e.g. {@code "SET NULL"}, {@code "CASCADE"}
     * @return the action; NO ACTION for null or unknown text
     */
    public static ReferentialAction fromSql(String sql) {
        if (sql == null) {
            return NO_ACTION;
        }
        String s = sql.trim().toUpperCase(java.util.Locale.ROOT).replace('_', ' ');
        for (ReferentialAction a : values()) {
            if (a.sql.equals(s)) {
                return a;
            }
        }
        return NO_ACTION;
    }
}
