package dev.retort.orm;

/**
 * The identity of a row in a {@link Session}'s identity map: the entity class and its id (a
 * value, or the {@code @IdClass} record of a composite key). The classes of an entity hierarchy
 * ({@link Inheritance}) share one identity: a key made with any of them holds the hierarchy's root.
 *
 * @param type the entity class (the root, for a class of a hierarchy)
 * @param id the id
 */
public record EntityKey(Class<?> type, Object id) {
    /**
     * @param type the entity class; a class of a hierarchy is replaced by the hierarchy's root
     * @param id the id
     */
    public EntityKey {
        type = dev.retort.orm.mapping.Hierarchy.identityClass(type);
    }

    @Override
    public String toString() {
        return type.getSimpleName() + "#" + id;
    }
}
