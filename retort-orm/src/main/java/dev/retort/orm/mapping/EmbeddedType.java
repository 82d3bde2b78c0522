package dev.retort.orm.mapping;

import dev.retort.orm.MappingException;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * A value object embedded in an entity: a record (built through its canonical constructor) or a
 * class with a no-argument constructor and non-final fields. Its handles are looked up once.
 */
public final class EmbeddedType {
    private final Class<?> type;
    private final List<String> names = new ArrayList<>();
    private final List<Class<?>> types = new ArrayList<>();
    private final List<AnnotatedElement> elements = new ArrayList<>();
    private final MethodHandle[] getters;
    private final MethodHandle[] setters;
    private final MethodHandle constructor;
    private final boolean record;

    EmbeddedType(Class<?> owner, String fieldName, Class<?> type) {
        this.type = type;
        this.record = type.isRecord();
        MethodHandles.Lookup lookup;
        try {
            lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new MappingException(owner, "field " + fieldName + ": cannot reach " + type.getName() + " (" + e.getMessage()
                    + "); open its package to dev.retort.orm");
        }
        try {
            if (record) {
                RecordComponent[] components = type.getRecordComponents();
                getters = new MethodHandle[components.length];
                setters = null;
                Class<?>[] params = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    names.add(components[i].getName());
                    types.add(components[i].getType());
                    elements.add(components[i]);
                    getters[i] = lookup.unreflect(components[i].getAccessor());
                    params[i] = components[i].getType();
                }
                constructor = lookup.findConstructor(type, MethodType.methodType(void.class, params));
            } else {
                List<Field> fields = new ArrayList<>();
                for (Field f : type.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())
                            || f.isAnnotationPresent(dev.retort.orm.Transient.class)) {
                        continue;
                    }
                    if (Modifier.isFinal(f.getModifiers())) {
                        throw new MappingException(owner, "field " + fieldName + ": " + type.getName() + "." + f.getName()
                                + " is final and cannot be loaded; make " + type.getSimpleName() + " a record, or remove final");
                    }
                    fields.add(f);
                }
                getters = new MethodHandle[fields.size()];
                setters = new MethodHandle[fields.size()];
                for (int i = 0; i < fields.size(); i++) {
                    Field f = fields.get(i);
                    names.add(f.getName());
                    types.add(f.getType());
                    elements.add(f);
                    getters[i] = lookup.unreflectGetter(f);
                    setters[i] = lookup.unreflectSetter(f);
                }
                MethodHandle c;
                try {
                    c = lookup.findConstructor(type, MethodType.methodType(void.class));
                } catch (NoSuchMethodException e) {
                    throw new MappingException(owner, "field " + fieldName + ": embedded class " + type.getName()
                            + " has no no-argument constructor; add one (it may be private) or make it a record");
                }
                constructor = c;
            }
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new MappingException(owner, "field " + fieldName + ": cannot reach the parts of " + type.getName() + " (" + e + ")");
        }
        if (names.isEmpty()) {
            throw new MappingException(owner, "field " + fieldName + ": embedded type " + type.getName()
                    + " has no fields to store; give it record components or fields");
        }
    }

    /** @return the value type */
    public Class<?> type() {
        return type;
    }

    /** @return the component names, in order */
    public List<String> componentNames() {
        return List.copyOf(names);
    }

    List<Class<?>> componentTypes() {
        return types;
    }

    List<AnnotatedElement> componentElements() {
        return elements;
    }

    /**
     * @param value a value object
     * @param component the component's index
     * @return the component's value
     */
    Object component(Object value, int component) {
        try {
            return getters[component].invoke(value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * Builds a value object; {@code null} when every component is {@code null}.
     *
     * @param components the component values, in order
     * @return the value object
     */
    Object compose(Object[] components) {
        boolean allNull = true;
        for (Object c : components) {
            if (c != null) {
                allNull = false;
                break;
            }
        }
        if (allNull) {
            return null;
        }
        try {
            if (record) {
                return constructor.invokeWithArguments(components);
            }
            Object value = constructor.invoke();
            for (int i = 0; i < components.length; i++) {
                setters[i].invoke(value, components[i]);
            }
            return value;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("Cannot build a " + type.getName() + ": " + t, t);
        }
    }
}
