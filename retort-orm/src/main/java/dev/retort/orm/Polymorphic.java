package dev.retort.orm;

import dev.retort.InvalidStateException;
import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.MappedColumn;
import dev.retort.orm.mapping.Polymorphism;
import dev.retort.sql.Predicate;
import dev.retort.schema.Column;

import java.util.List;

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
        if (p == null || p.matchedValues().isEmpty()) {
            return null;
        }
        Column<String> d = (Column<String>) p.discriminator().column();
        List<String> values = p.matchedValues();
        return values.size() == 1 ? d.eq(values.get(0)) : d.in(values);
    }

    /**
     * Refuses to write a row whose subclass field is declared not-null but holds {@code null}: its
     * column is nullable in the shared table, so the database would take it.
     *
     * @param mapping the row's entity mapping
     * @param values the column values about to be written
     * @throws InvalidStateException naming the class, the field and the fix
     */
    static void checkRequired(EntityMapping<?> mapping, Object[] values) {
        Polymorphism p = mapping.polymorphism();
        if (p == null) {
            return;
        }
        for (MappedColumn c : p.required()) {
            if (values[c.index()] == null) {
                throw new InvalidStateException(mapping.type().getSimpleName() + "." + c.path() + " is null, but it is declared not-null. "
                        + "Its column " + c.column().name() + " is nullable in the table shared by the hierarchy of "
                        + p.hierarchy().root().getSimpleName() + " (other classes' rows have no value for it), so Retort checks it "
                        + "before writing: give it a value");
            }
        }
    }
}
