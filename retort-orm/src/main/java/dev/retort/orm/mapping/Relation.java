package dev.retort.orm.mapping;

import dev.retort.schema.Column;
import dev.retort.sql.Functions;
import dev.retort.sql.Predicate;
import dev.retort.sql.Select;
import dev.retort.sql.Statements;
import dev.retort.sql.TableAlias;

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

    /**
     * The join condition between the owner's table and the related entity's table: {@code
     * invoice.customer_id = customer.id}, whichever side this is; from the referenced side to a
     * subclass of a single-table hierarchy, also its discriminator values ({@code AND motor.kind = ?}).
     *
     * @return the condition
     * @throws IllegalArgumentException for a relationship of an entity with itself, which needs an alias
     */
    public Predicate joinCondition() {
        Relationship r = relationship;
        if (r.isManyToMany()) {
            throw new IllegalArgumentException(r + " is a many-to-many: a join along it is two joins (its association "
                    + "table " + r.association().table().name() + ", then the related table); use the query's join("
                    + r.metamodelConstant() + ")");
        }
        checkNotItself();
        if (r.isReference()) {
            return eq(r.column().column(), r.target().idColumns().get(0).column());
        }
        Relationship back = r.inverse();
        Predicate on = eq(back.column().column(), EntityMapping.of(r.owner()).idColumns().get(0).column());
        Predicate rows = rowsOf(r.target());       // a subclass of a single table: not its siblings' rows
        return rows == null ? on : on.and(rows);
    }

    /** A relationship of an entity with itself needs an alias of the related table: refused without one. */
    private void checkNotItself() {
        Relationship r = relationship;
        if (r.target().table() == EntityMapping.of(r.owner()).table()) {
            throw new IllegalArgumentException(r + " relates " + r.owner().getSimpleName() + " to itself: join an alias "
                    + "(TableAlias boss = " + r.owner().getSimpleName() + "_.TABLE.as(\"boss\"); join(" + r.metamodelConstant()
                    + ", boss))");
        }
    }

    /** The discriminator condition of a subclass in a single-table hierarchy, else {@code null}. */
    private static Predicate rowsOf(EntityMapping<?> target) {
        return rowsOf(target, null);
    }

    /** {@link #rowsOf(EntityMapping)} on an alias of the table ({@code null}: the table itself). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate rowsOf(EntityMapping<?> target, TableAlias alias) {
        Polymorphism p = target.polymorphism();
        if (p == null || p.tables() != null || p.matchedValues().isEmpty()) {
            return null;
        }
        Column<?> column = p.discriminator().column();
        dev.retort.sql.Expression d = alias == null ? column : alias.column(column);
        java.util.List<String> values = p.matchedValues();
        return values.size() == 1 ? d.eq(values.get(0)) : d.in(values);
    }

    /**
     * The join condition between the owner's table and an alias of the related entity's table:
     * for a relationship of an entity with itself ({@code Employee_.MANAGER.joinCondition(boss)}
     * is {@code employee.manager_id = boss.id}), or to join the same entity twice under two
     * names.
     *
     * @param target an alias of the related entity's table ({@code Employee_.TABLE.as("boss")})
     * @return the condition
     * @throws IllegalArgumentException if the alias is of another table, or for a many-to-many
     */
    public Predicate joinCondition(TableAlias target) {
        Relationship r = relationship;
        if (r.isManyToMany()) {
            throw new IllegalArgumentException(r + " is a many-to-many: a join along it is two joins (its association "
                    + "table " + r.association().table().name() + ", then the related table); use the query's join("
                    + r.metamodelConstant() + ", alias)");
        }
        if (target.table() != r.target().table()) {
            throw new IllegalArgumentException(r + " relates to " + r.target().table().name() + ", but the alias " + target.alias()
                    + " is of " + target.table().name() + "; pass an alias of " + r.target().table().name());
        }
        if (r.isReference()) {
            return same(r.column().column(), target.column(r.target().idColumns().get(0).column()));
        }
        Relationship back = r.inverse();
        Predicate on = same(target.column(back.column().column()), EntityMapping.of(r.owner()).idColumns().get(0).column());
        Predicate rows = rowsOf(r.target(), target);       // a subclass of a single table: not its siblings' rows
        return rows == null ? on : on.and(rows);
    }

    /**
     * An EXISTS condition on a one-to-many: owners with at least one related object matching a
     * condition ({@code Customer_.INVOICES.any(Invoice_.TOTAL.gt(100))}).
     *
     * @param condition a condition on the related entity's columns
     * @return the predicate
     */
    public Predicate any(Predicate condition) {
        if (relationship.isSingle()) {
            throw new IllegalArgumentException(relationship + " is a reference: use has(...)");
        }
        return exists(condition);
    }

    /** @return an EXISTS condition: owners with at least one related object */
    public Predicate any() {
        return any(null);
    }

    /**
     * An EXISTS condition on a reference or either side of a one-to-one: objects whose related
     * object matches a condition ({@code Invoice_.CUSTOMER.has(Customer_.NAME.eq("ada"))}).
     *
     * @param condition a condition on the referenced entity's columns
     * @return the predicate
     */
    public Predicate has(Predicate condition) {
        if (!relationship.isSingle()) {
            throw new IllegalArgumentException(relationship + " is a collection: use any(...)");
        }
        return exists(condition);
    }

    private Predicate exists(Predicate condition) {
        EntityMapping<?> target = relationship.target();
        Select sub;
        if (relationship.isManyToMany()) {      // the association rows of the owner, joined to the related rows
            checkNotItself();                   // (inside, the related table would hide the owner's)
            Association a = relationship.association();
            Column<?> targetKey = target.idColumns().get(0).column();
            sub = Statements.select(a.targetColumn()).from(a.table()).join(target.table(), same(targetKey, a.targetColumn()))
                    .where(same(a.ownerColumn(), EntityMapping.of(relationship.owner()).idColumns().get(0).column()));
        } else {
            sub = Statements.select(target.idColumns().get(0).column()).from(target.table()).where(joinCondition());
        }
        if (condition != null) {
            sub = sub.where(condition);
        }
        return Functions.exists(sub);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate eq(Column a, Column b) {
        return a.eq(b);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate same(dev.retort.sql.Expression a, dev.retort.sql.Expression b) {
        return a.eq(b);
    }

    @Override
    public String toString() {
        return relationship.toString();
    }
}
