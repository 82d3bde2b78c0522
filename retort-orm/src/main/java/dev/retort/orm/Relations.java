package dev.retort.orm;

import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.Relationship;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;

/** Puts Retort's collections into one-to-many fields and finds them there. */
final class Relations {
    private Relations() {
    }

    /**
     * Installs a {@link RelatedList}, {@link RelatedSet} or {@link RelatedMap} in an owner's field.
     *
     * @param session the session, or {@code null}
     * @param owner the owner
     * @param mapping its mapping
     * @param r the one-to-many
     * @param contents the contents when loaded
     * @param loaded whether the contents are known
     * @return the collection's state
     */
    static RelatedObjects<?> install(Session session, Object owner, EntityMapping<Object> mapping, Relationship r,
                                     Collection<?> contents, boolean loaded) {
        Object collection;
        RelatedObjects<Object> state;
        if (r.isMap()) {
            KeyedItems<Object> items = new KeyedItems<>(r.mapKeyAttribute());
            state = new RelatedObjects<>(owner, r, items, session, false);
            collection = new RelatedMap<>(state, items);
        } else if (r.isSet()) {
            LinkedHashSet<Object> items = new LinkedHashSet<>();
            state = new RelatedObjects<>(owner, r, items, session, false);
            collection = new RelatedSet<>(state, items);
        } else {
            ArrayList<Object> items = new ArrayList<>();
            state = new RelatedObjects<>(owner, r, items, session, false);
            collection = new RelatedList<>(state, items);
        }
        if (loaded) {
            state.fill(contents == null ? java.util.List.of() : contents);
        }
        mapping.accessor().set(owner, r.field(), collection);
        return state;
    }

    /**
     * @param value a field's value
     * @return the state of Retort's collection, or {@code null} if the field holds something else
     */
    static RelatedObjects<?> stateOf(Object value) {
        if (value instanceof RelatedList<?> l) {
            return l.state();
        }
        if (value instanceof RelatedSet<?> s) {
            return s.state();
        }
        if (value instanceof RelatedMap<?, ?> m) {
            return m.state();
        }
        return null;
    }
}
