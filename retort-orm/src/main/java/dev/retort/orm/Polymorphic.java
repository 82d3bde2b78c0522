package dev.retort.orm;

import dev.retort.InvalidStateException;
import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.MappedColumn;
import dev.retort.orm.mapping.Polymorphism;
import dev.retort.sql.Expression;
import dev.retort.sql.Predicate;
import dev.retort.sql.Select;
import dev.retort.sql.Statements;
import dev.retort.schema.Column;
import dev.retort.schema.Table;

import java.util.List;
import java.util.Map;

/**
 * The conditions and checks that the classes of an entity hierarchy add to the session's
 * statements: a query (or bulk statement) of a subclass matches only the rows of it and its
 * subclasses, and fields a subclass declares not-null are checked before they are written.
 */
final class Polymorphic {
    private Polymorphic() {
    }

    /**
     * The condition selecting the rows of an entity class in its hierarchy's shared table.
     *
     * @param mapping an entity's mapping
     * @return {@code discriminator IN (values of the class and its subclasses)}, or {@code null}
     *         when every row of the table is one (not in a hierarchy, or its root)
     */
    @SuppressWarnings("unchecked")
    static Predicate rowsOf(EntityMapping<?> mapping) {
        Polymorphism p = mapping.polymorphism();
        if (p == null || p.matchedValues().isEmpty() || p.tables() != null) {
            return null;                  // JOINED: the inner joins of the class's tables select its rows
        }
        Column<String> d = (Column<String>) p.discriminator().column();
        List<String> values = p.matchedValues();
        return values.size() == 1 ? d.eq(values.get(0)) : d.in(values);
    }

    /**
     * {@link #rowsOf(EntityMapping)} on an alias of the hierarchy's table (a joined collection of a
     * subclass, whose foreign key column other classes' rows share).
     *
     * @param mapping an entity's mapping
     * @param alias the alias of its table in the query
     * @return {@code alias.discriminator IN (...)}, or {@code null} when every row of the table is one
     */
    @SuppressWarnings("unchecked")
    static Predicate rowsOf(EntityMapping<?> mapping, dev.retort.sql.TableAlias alias) {
        Polymorphism p = mapping.polymorphism();
        if (p == null || p.matchedValues().isEmpty() || p.tables() != null) {
            return null;
        }
        dev.retort.sql.ColumnReference<String> d = alias.column((Column<String>) p.discriminator().column());
        List<String> values = p.matchedValues();
        return values.size() == 1 ? d.eq(values.get(0)) : d.in(values);
    }

    /**
     * The query of an entity's columns from its table, or for a class of a JOINED hierarchy from
     * the root's table joined with its chain's tables (inner joins) and LEFT OUTER JOINs of the
     * other classes' tables, so that every class's row has the same columns.
     *
     * @param mapping an entity's mapping
     * @param items the columns
     * @return the query
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Select select(EntityMapping<?> mapping, Expression<?>[] items) {
        Polymorphism p = mapping.polymorphism();
        if (p == null || p.tables() == null) {
            return Statements.select(items).from(mapping.table());
        }
        Table root = p.chainTables().get(0);
        Select select = Statements.select(items).from(root);
        for (Map.Entry<Class<?>, Table> e : p.tables().entrySet()) {
            Table t = e.getValue();
            if (t == root) {
                continue;
            }
            Predicate on = null;
            for (MappedColumn id : mapping.idColumns()) {
                Column c = id.column();
                Predicate eq = ((Column) t.column(c.name())).eq(c);
                on = on == null ? eq : on.and(eq);
            }
            select = e.getKey().isAssignableFrom(mapping.type()) ? select.join(t, on) : select.outerJoin(t, on);
        }
        return select;
    }

    /**
     * Refuses statements a JOINED hierarchy's classes cannot take yet (one statement over several tables).
     *
     * @param mapping an entity's mapping
     * @param what the statement, for the message
     * @throws IllegalArgumentException naming the class and what to do instead
     */
    static void checkSingleTable(EntityMapping<?> mapping, String what) {
        Polymorphism p = mapping.polymorphism();
        if (p != null && p.tables() != null) {
            throw new IllegalArgumentException(what + " of " + mapping.type().getSimpleName() + ", whose rows span the tables of a JOINED "
                    + "hierarchy, is not supported yet; load the objects and change them in the session, or use Core statements per table");
        }
    }

    /**
     * Refuses to write a row whose subclass field is declared not-null but holds {@code null}: its
     * column is nullable in the shared table, so the database would take it.
     *
     * @param mapping the row's entity mapping
     * @param values the column values about to be written
     * @param s the object's state: a deferred column it did not load is not written, so not checked
     * @throws InvalidStateException naming the class, the field and the fix
     */
    static void checkRequired(EntityMapping<?> mapping, Object[] values, InstanceState s) {
        Polymorphism p = mapping.polymorphism();
        if (p == null) {
            return;
        }
        for (MappedColumn c : p.required()) {
            if (values[c.index()] == null && !s.isColumnUnloaded(c.index())) {
                throw new InvalidStateException(mapping.type().getSimpleName() + "." + c.path() + " is null, but it is declared not-null. "
                        + "Its column " + c.column().name() + " is nullable in the table shared by the hierarchy of "
                        + p.hierarchy().root().getSimpleName() + " (other classes' rows have no value for it), so Retort checks it "
                        + "before writing: give it a value");
            }
        }
    }
}
