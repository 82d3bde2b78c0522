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
 * {@link MethodHandle} for the constructor Retort calls, looked up once when the mapping is built.
 * Slower than the generated accessor (the handles are not constants the JIT can fold), but free of
 * per-call reflection.
 *
 * @param <E> the entity type
 */
public final class ReflectiveAccessor<E> implements EntityAccessor<E> {
    private final Class<E> type;
    private final List<String> names;
    private final VarHandle[] handles;
    private final List<String> parameters;
    private final MethodHandle constructor;

    /**
     * Chooses the constructor and looks the handles up.
     *
     * @param type the class
     * @param fields the fields to reach
     * @throws MappingException if no constructor fits (see {@link dev.retort.orm.Creator}) or the class cannot be opened
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
        ConstructorChoice choice = ConstructorChoice.of(type, fields);
        this.parameters = choice.parameters();
        if (choice.constructor() == null) {
            this.constructor = null;
        } else {
            try {
                int n = parameters.size();
                this.constructor = lookup.unreflectConstructor(choice.constructor())
                        .asType(MethodType.genericMethodType(n))
                        .asSpreader(Object[].class, n);
            } catch (IllegalAccessException e) {
                throw new MappingException(type, "cannot call its constructor (" + e.getMessage() + ")");
            }
        }
    }

    private static MethodHandles.Lookup lookup(Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new MappingException(type, "its package is not open to Retort (" + e.getMessage()
                    + "); add 'opens " + type.getPackageName() + " to dev.retort.orm;' to module-info.java");
        }
    }

    @Override
    public List<String> fieldNames() {
        return List.copyOf(names);
    }

    @Override
    public List<String> constructorParameters() {
        return parameters;
    }

    @Override
    public E newInstance(Object[] arguments) {
        if (constructor == null) {
            throw new UnsupportedOperationException(type.getName() + " is abstract; rows are loaded as its concrete subclasses");
        }
        try {
            return type.cast((Object) constructor.invokeExact(arguments));
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
