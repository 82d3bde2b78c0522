package dev.retort.orm.mapping;

import java.util.List;

/**
 * Reads and writes an entity's fields and makes new instances through the constructor Retort
 * calls (see {@link dev.retort.orm.Creator}), without reflection on the hot path. The annotation processor ({@code retort-processor}) writes one per entity as the nested
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

    /**
     * @return the names of the fields whose loaded values the constructor takes, in parameter
     *         order; empty for a no-argument constructor
     */
    List<String> constructorParameters();

    /**
     * Makes a new instance through the constructor Retort calls.
     *
     * @param arguments the values of the {@link #constructorParameters()} fields, in that order
     *                  (empty for a no-argument constructor); boxed, never {@code null} for a primitive parameter
     * @return the new instance
     * @throws UnsupportedOperationException if the class is abstract
     */
    E newInstance(Object[] arguments);

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
