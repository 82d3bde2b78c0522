package dev.retort.sql;

import java.util.Objects;

/**
 * {@code left [INNER | LEFT OUTER | FULL OUTER | CROSS] JOIN right [ON condition]}. Made by
 * {@link FromItem#join} and its siblings; usable wherever a FROM item is.
 *
 * @param left the left side
 * @param right the right side
 * @param kind the kind of join
 * @param on the join condition; {@code null} only for CROSS JOIN
 * @param lateral whether the right side is a LATERAL subquery that may refer to the left side
 */
public record Join(FromItem left, FromItem right, Kind kind, Predicate on, boolean lateral) implements FromItem {

    /**
     * A join that is not LATERAL.
     *
     * @param left the left side
     * @param right the right side
     * @param kind the kind of join
     * @param on the condition, {@code null} only for CROSS JOIN
     */
    public Join(FromItem left, FromItem right, Kind kind, Predicate on) {
        this(left, right, kind, on, false);
    }

    /** The kinds of join. */
    public enum Kind {
        /** INNER JOIN. */
        INNER("JOIN"),
        /** LEFT OUTER JOIN. */
        LEFT("LEFT OUTER JOIN"),
        /** FULL OUTER JOIN (not MariaDB). */
        FULL("FULL OUTER JOIN"),
        /** CROSS JOIN. */
        CROSS("CROSS JOIN");

        private final String sql;

        Kind(String sql) {
            this.sql = sql;
        }

        /** @return the join as SQL writes it */
        public String sql() {
            return sql;
        }
    }

    /** Checks that every join but CROSS has a condition. */
    public Join {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(kind, "kind");
        if (lateral && !(right instanceof DerivedTable d && !d.isCte())) {
            throw new IllegalArgumentException("A LATERAL join needs a subquery on its right: select(...).subquery(alias)");
        }
        if ((on == null) != (kind == Kind.CROSS)) {
            throw new IllegalArgumentException(kind == Kind.CROSS ? "A CROSS JOIN has no ON condition"
                    : "A " + kind.sql() + " needs an ON condition");
        }
    }

    @Override
    public java.util.List<TableReference> tables() {
        java.util.List<TableReference> all = new java.util.ArrayList<>(left.tables());
        all.addAll(right.tables());
        return all;
    }

    @Override
    public <R> R accept(FromVisitor<R> visitor) {
        return visitor.visitJoin(this);
    }
}
