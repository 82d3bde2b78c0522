package dev.retort;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What was known when a database error happened: the statement, its parameters and the
 * database's own codes. Used to build a {@link DatabaseException}.
 *
 * @param databaseMessage the driver's message, or {@code null}
 * @param sqlState the SQLSTATE, or {@code null}
 * @param vendorCode the vendor's error code
 * @param sql the SQL of the failing statement, or {@code null} outside a statement
 * @param parameters the parameter values of the (first) parameter set; may contain nulls
 * @param parameterCount the number of parameters per set
 * @param batchSize how many parameter sets were sent (1 for a single execution)
 * @param parametersHidden whether values must be kept out of messages
 */
public record ErrorContext(String databaseMessage, String sqlState, int vendorCode, String sql,
                           List<Object> parameters, int parameterCount, int batchSize,
                           boolean parametersHidden) {

    /** Copies the parameter list, which may hold nulls. */
    public ErrorContext {
        parameters = parameters == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    /**
     * Context for an error that happened outside any statement (connecting, committing).
     *
     * @param databaseMessage the driver's message
     * @param sqlState the SQLSTATE, or {@code null}
     * @param vendorCode the vendor's error code
     * @return the context
     */
    public static ErrorContext withoutStatement(String databaseMessage, String sqlState, int vendorCode) {
        return new ErrorContext(databaseMessage, sqlState, vendorCode, null, List.of(), 0, 0, false);
    }

    static String render(List<Object> values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            Object v = values.get(i);
            if (v instanceof CharSequence) {
                String s = v.toString();
                if (s.length() > 100) {
                    s = s.substring(0, 100) + "...";
                }
                b.append('\'').append(s).append('\'');
            } else if (v instanceof byte[] bytes) {
                b.append("<").append(bytes.length).append(" bytes>");
            } else {
                b.append(v);
            }
        }
        return b.append(']').toString();
    }
}
