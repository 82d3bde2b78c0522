package dev.retort.orm.mapping;

import java.util.List;

/**
 * Reads and writes an entity's fields and makes new instances, without reflection on the hot
 * path. The annotation processor ({@code retort-processor}) writes one per entity as the nested
 * class {@code Accessor} of the metamodel class ({@code User_.Accessor}); without it, Retort uses a
 * {@link ReflectiveAccessor} built once per class at start-up.
 *
 * <p>Fields are addressed by index into {@link #fieldNames()}; the mapping resolves each mapped
 * field's index once, by name.
 *
 * @param <E> the entity type
 */
public interface EntityAccessor<E> {

    /** @return the names of the fields this accessor reaches, in index order (superclass fields included) */
    List<String> fieldNames();

    /** @return a new instance made through the no-argument constructor */
    E newInstance();

    /**
     * @param entity the entity
     * @param field the field's index in {@link #fieldNames()}
     * @return the field's value, boxed
     */
    Object get(E entity, int field);

    /**
     * @param entity the entity
     * @param field the field's index in {@link #fieldNames()}
     * @param value the value, boxed; {@code null} is refused for primitive fields
     */
    void set(E entity, int field, Object value);
}
