package dev.retort.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Conditions joined by AND or OR. Nested conjunctions of the same kind are flattened.
 *
 * @param kind AND or OR
 * @param operands the conditions, at least two
 */
public record Logical(Kind kind, List<Predicate> operands) implements Predicate {

    /** AND or OR. */
    public enum Kind {
        /** All must hold. */
        AND,
        /** One must hold. */
        OR
    }

    /** Copies the operands. */
    public Logical {
        operands = List.copyOf(operands);
    }

    static Predicate of(Kind kind, List<Predicate> operands) {
        List<Predicate> flat = new ArrayList<>();
        for (Predicate p : operands) {
            if (p instanceof Logical l && l.kind == kind) {
                flat.addAll(l.operands);
            } else {
                flat.add(p);
            }
        }
        return flat.size() == 1 ? flat.get(0) : new Logical(kind, flat);
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitLogical(this);
    }
}
