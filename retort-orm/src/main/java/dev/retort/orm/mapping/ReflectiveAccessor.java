package dev.retort.orm.mapping;

import dev.retort.orm.MappingException;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * The accessor used when no generated one is found: one {@link VarHandle} per field and a
 * {@link MethodHandle} for the no-argument constructor, looked up once when the mapping is built.
 * Slower than the generated accessor (the handles are not constants the JIT can fold), but free of
 * per-call reflection.
 *
 * @param <E> the entity type
 */
public final class ReflectiveAccessor<E> implements EntityAccessor<E> {
    private final Class<E> type;
    private final List<String> names;
    private final VarHandle[] handles;
    private final MethodHandle constructor;

    /**
     * Looks the handles up.
     *
     * @param type the class
     * @param fields the fields to reach
     * @throws MappingException if the class has no no-argument constructor or cannot be opened
     */
    public ReflectiveAccessor(Class<E> type, List<Field> fields) {
        this.type = type;
        this.names = new ArrayList<>(fields.size());
        this.handles = new VarHandle[fields.size()];
        MethodHandles.Lookup lookup = lookup(type);
        try {
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                names.add(f.getName());
                MethodHandles.Lookup owner = f.getDeclaringClass() == type ? lookup : lookup(f.getDeclaringClass());
                handles[i] = owner.unreflectVarHandle(f);
            }
        } catch (IllegalAccessException e) {
            throw new MappingException(type, "cannot reach its fields (" + e.getMessage()
                    + "); open its package to dev.retort.orm in module-info.java");
        }
        MethodHandle ctor = null;
        if (!java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
            try {
                ctor = lookup.findConstructor(type, MethodType.methodType(void.class));
            } catch (NoSuchMethodException e) {
                ctor = null;
            } catch (IllegalAccessException e) {
                throw new MappingException(type, "cannot call its no-argument constructor (" + e.getMessage() + ")");
            }
        }
        this.constructor = ctor;
    }

    private static MethodHandles.Lookup lookup(Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new MappingException(type, "its package is not open to Retort (" + e.getMessage()
                    + "); add 'opens " + type.getPackageName() + " to dev.retort.orm;' to module-info.java");
        }
    }

    /** @return whether the class has a no-argument constructor */
    public boolean hasConstructor() {
        return constructor != null;
    }

    @Override
    public List<String> fieldNames() {
        return List.copyOf(names);
    }

    @Override
    public E newInstance() {
        if (constructor == null) {
            throw new MappingException(type, "has no no-argument constructor; add one (it may be private)");
        }
        try {
            return type.cast(constructor.invoke());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("The constructor of " + type.getName() + " threw " + t, t);
        }
    }

    @Override
    public Object get(E entity, int field) {
        return handles[field].get(entity);
    }

    @Override
    public void set(E entity, int field, Object value) {
        handles[field].set(entity, value);
    }
}
