package dev.retort.orm.mapping;

import java.util.List;

/**
 * A generated accessor whose field order differs from the order reflection reported: translates
 * the mapping's field indexes to the accessor's once, through an array.
 *
 * @param <E> the entity type
 */
final class ReindexedAccessor<E> implements EntityAccessor<E> {
    private final EntityAccessor<E> target;
    private final int[] map;
    private final List<String> names;

    ReindexedAccessor(EntityAccessor<E> target, int[] map) {
        this.target = target;
        this.map = map.clone();
        List<String> all = target.fieldNames();
        String[] n = new String[map.length];
        for (int i = 0; i < map.length; i++) {
            n[i] = all.get(map[i]);
        }
        this.names = List.of(n);
    }

    @Override
    public List<String> fieldNames() {
        return names;
    }

    @Override
    public List<String> constructorParameters() {
        return target.constructorParameters();
    }

    @Override
    public E newInstance(Object[] arguments) {
        return target.newInstance(arguments);
    }

    @Override
    public Object get(E entity, int field) {
        return target.get(entity, map[field]);
    }

    @Override
    public void set(E entity, int field, Object value) {
        target.set(entity, map[field], value);
    }
}
