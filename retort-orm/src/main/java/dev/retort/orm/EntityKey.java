package dev.retort.orm;

/**
 * The identity of a row in a {@link Session}'s identity map: the entity class and its id (a
 * value, or the {@code @IdClass} record of a composite key).
 *
 * @param type the entity class
 * @param id the id
 */
public record EntityKey(Class<?> type, Object id) {
    @Override
    public String toString() {
        return type.getSimpleName() + "#" + id;
    }
}
