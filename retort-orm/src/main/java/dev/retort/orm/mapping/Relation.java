package dev.retort.orm.mapping;

/**
 * A typed handle on a relationship, as the metamodel exposes it ({@code User_.ORDERS} is a
 * {@code Relation<User, Order>}), for loading options and joins.
 *
 * @param <O> the owning entity
 * @param <T> the related entity
 */
public final class Relation<O, T> {
    private final Relationship relationship;

    Relation(Relationship relationship) {
        this.relationship = relationship;
    }

    /** @return the relationship */
    public Relationship relationship() {
        return relationship;
    }

    @Override
    public String toString() {
        return relationship.toString();
    }
}
