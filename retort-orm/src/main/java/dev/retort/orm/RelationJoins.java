package dev.retort.orm;

import dev.retort.orm.mapping.Association;
import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.Relation;
import dev.retort.orm.mapping.Relationship;
import dev.retort.schema.Column;
import dev.retort.schema.Table;
import dev.retort.sql.FromItem;
import dev.retort.sql.Join;
import dev.retort.sql.Predicate;
import dev.retort.sql.Select;
import dev.retort.sql.TableAlias;
import dev.retort.sql.TableReference;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins along relationships in a query: the related table ON the relationship's condition, or for
 * a many-to-many the association table and then the related table; the relationship's owner must
 * already be in the FROM clause, so paths are chains of joins.
 */
final class RelationJoins {
    private RelationJoins() {
    }

    /**
     * @param select the query so far
     * @param r the relationship to join along
     * @param alias the alias of the related table, or {@code null} for the table itself
     * @param outer LEFT OUTER JOIN rather than JOIN
     * @return the query with the join(s)
     */
    static Select join(Select select, Relationship r, TableAlias alias, boolean outer) {
        EntityMapping<?> owner = EntityMapping.of(r.owner());
        List<Table> present = tablesOf(select.fromItems());
        if (!present.contains(owner.table())) {
            throw new IllegalArgumentException("Cannot join along " + r + ": " + owner.table().name() + " is not in the query yet. "
                    + "Join " + r.owner().getSimpleName() + " first (a path is a chain: join(A_.BS).join(B_.CS)); "
                    + "the owner of a relationship can only be the query's entity or a table joined without an alias");
        }
        if (alias == null) {
            Polymorphic.checkSingleTable(r.target(), "A join along " + r);
            if (r.isManyToMany() && r.target().table() == owner.table()) {
                throw new IllegalArgumentException("Cannot join along " + r + ": it relates " + r.owner().getSimpleName()
                        + " to itself; join an alias (TableAlias other = " + r.owner().getSimpleName() + "_.TABLE.as(\"other\"); join("
                        + r.metamodelConstant() + ", other))");
            }
            if (present.contains(r.target().table()) && r.target().table() != owner.table()) {   // (itself: joinCondition says)
                throw new IllegalArgumentException("Cannot join along " + r + ": " + r.target().table().name()
                        + " is in the query already; join it under an alias (TableAlias other = "
                        + r.targetType().getSimpleName() + "_.TABLE.as(\"other\"); join(" + r.metamodelConstant() + ", other))");
            }
        }
        if (!r.isManyToMany()) {
            Relation<?, ?> relation = owner.relation(r.name());
            return joined(select, alias == null ? r.target().table() : alias,
                    alias == null ? relation.joinCondition() : relation.joinCondition(alias), outer);
        }
        Association a = r.association();
        Column<?> ownerKey = owner.idColumns().get(0).column();
        Column<?> targetKey = r.target().idColumns().get(0).column();
        if (alias == null) {
            Select s = joined(select, a.table(), eq(a.ownerColumn(), ownerKey), outer);
            return joined(s, r.target().table(), eq(targetKey, a.targetColumn()), outer);
        }
        if (alias.table() != r.target().table()) {
            throw new IllegalArgumentException(r + " relates to " + r.target().table().name() + ", but the alias " + alias.alias()
                    + " is of " + alias.table().name() + "; pass an alias of " + r.target().table().name());
        }
        TableAlias link = a.table().as(alias.alias() + "_link");
        Select s = joined(select, link, eq(link.column(a.ownerColumn()), ownerKey), outer);
        return joined(s, alias, eq(alias.column(targetKey), link.column(a.targetColumn())), outer);
    }

    private static Select joined(Select select, FromItem item, Predicate on, boolean outer) {
        return outer ? select.outerJoin(item, on) : select.join(item, on);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate eq(dev.retort.sql.Expression a, dev.retort.sql.Expression b) {
        return a.eq(b);
    }

    /** The tables (not aliases) named in FROM items, joins opened up. */
    private static List<Table> tablesOf(List<FromItem> items) {
        List<Table> out = new ArrayList<>();
        List<FromItem> todo = new ArrayList<>(items);
        while (!todo.isEmpty()) {
            FromItem item = todo.remove(todo.size() - 1);
            if (item instanceof Join j) {
                todo.add(j.left());
                todo.add(j.right());
            } else if (item instanceof Table t) {
                out.add(t);
            }
        }
        return out;
    }
}
