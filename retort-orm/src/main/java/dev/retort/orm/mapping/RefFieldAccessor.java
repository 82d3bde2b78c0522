package dev.retort.orm.mapping;

import dev.retort.orm.Ref;

import java.util.List;

/**
 * The accessor the session and the unit of work see for an entity with {@link Ref} fields: such
 * a field reads as the object its {@code Ref} holds when loaded (else {@code null}, as an unloaded
 * plain reference), and setting it fills the field's {@code Ref} (or puts a new one there), so
 * the code that handles plain references handles {@code Ref} fields too. Other fields pass through.
 *
 * @param <E> the entity type
 */
final class RefFieldAccessor<E> implements EntityAccessor<E> {
    private final EntityAccessor<E> fields;
    private final boolean[] ref;

    RefFieldAccessor(EntityAccessor<E> fields, boolean[] ref) {
        this.fields = fields;
        this.ref = ref;
    }

    @Override
    public List<String> fieldNames() {
        return fields.fieldNames();
    }

    @Override
    public List<String> constructorParameters() {
        return fields.constructorParameters();
    }

    @Override
    public E newInstance(Object[] arguments) {
        return fields.newInstance(arguments);
    }

    @Override
    public Object get(E entity, int field) {
        Object v = fields.get(entity, field);
        if (field < ref.length && ref[field]) {
            Ref<?> r = (Ref<?>) v;
            return r == null || !r.isLoaded() ? null : r.get();
        }
        return v;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void set(E entity, int field, Object value) {
        if (field < ref.length && ref[field]) {
            Ref<Object> r = (Ref<Object>) fields.get(entity, field);
            if (r == null) {
                fields.set(entity, field, Ref.to(value));
            } else {
                r.set(value);
            }
            return;
        }
        fields.set(entity, field, value);
    }
}
