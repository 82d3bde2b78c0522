package dev.retort.sql;

import dev.retort.CompileException;

import java.util.ArrayList;
import java.util.List;

/** Infers a join's ON condition from the one foreign key between the two sides. */
final class JoinConditions {
    private JoinConditions() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Predicate infer(FromItem left, TableReference right) {
        List<List<ColumnReference<?>[]>> links = new ArrayList<>();
        for (TableReference t : left.tables()) {
            links.addAll(t.foreignKeyLinks(right));
        }
        String leftNames = names(left.tables());
        if (links.isEmpty()) {
            throw new CompileException("Cannot infer the join between " + leftNames + " and " + right.name()
                    + ": no foreign key links them. Pass an explicit ON condition: join(" + right.name() + ", condition).");
        }
        if (links.size() > 1) {
            List<String> keys = new ArrayList<>();
            for (List<ColumnReference<?>[]> link : links) {
                ColumnReference<?> from = link.get(0)[0];
                keys.add(from.table().name() + "." + from.name());
            }
            throw new CompileException("Cannot infer the join between " + leftNames + " and " + right.name() + ": "
                    + links.size() + " foreign keys link them (" + String.join(", ", keys)
                    + "). Pass an explicit ON condition.");
        }
        Predicate on = null;
        for (ColumnReference<?>[] pair : links.get(0)) {
            Predicate eq = new Comparison((Expression) pair[0], Operator.EQ, (Expression) pair[1]);
            on = on == null ? eq : on.and(eq);
        }
        return on;
    }

    private static String names(List<TableReference> tables) {
        List<String> n = new ArrayList<>();
        for (TableReference t : tables) {
            n.add(t.name());
        }
        return String.join(", ", n);
    }
}
