package dev.retort.orm.mapping;

import dev.retort.orm.Creator;
import dev.retort.orm.MappingException;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses, by reflection, the constructor Retort calls to make an entity, and names the field each
 * of its parameters takes: the one marked {@link Creator}, else the no-argument constructor, else
 * the only constructor. The annotation processor applies the same rules at compile time.
 *
 * @param constructor the constructor, or {@code null} for an abstract class
 * @param parameters the fields its parameters take, in parameter order
 */
record ConstructorChoice(Constructor<?> constructor, List<String> parameters) {

    /** The choice for an abstract class: Retort never makes one. */
    static final ConstructorChoice NONE = new ConstructorChoice(null, List.of());

    /**
     * @param type the entity class
     * @param fields its mapped fields
     * @return the constructor and its parameters' fields
     * @throws MappingException naming the class, the parameter and the fix when no constructor fits
     */
    static ConstructorChoice of(Class<?> type, List<Field> fields) {
        if (Modifier.isAbstract(type.getModifiers())) {
            return NONE;
        }
        Constructor<?> chosen = choose(type);
        return new ConstructorChoice(chosen, parameterFields(type, chosen, fields));
    }

    private static Constructor<?> choose(Class<?> type) {
        Constructor<?>[] all = type.getDeclaredConstructors();
        List<Constructor<?>> marked = Arrays.stream(all).filter(c -> c.isAnnotationPresent(Creator.class)).toList();
        if (marked.size() > 1) {
            throw new MappingException(type, "has " + marked.size() + " constructors marked @Creator; mark only the one Retort "
                    + "should call to make " + type.getSimpleName() + " objects from rows");
        }
        if (marked.size() == 1) {
            return marked.get(0);
        }
        for (Constructor<?> c : all) {
            if (c.getParameterCount() == 0) {
                return c;
            }
        }
        if (all.length == 1) {
            return all[0];
        }
        throw new MappingException(type, "has " + all.length + " constructors and none without parameters, so Retort cannot tell "
                + "which to call when it loads a row; add a no-argument constructor (it may be private) or mark one with @Creator");
    }

    private static List<String> parameterFields(Class<?> type, Constructor<?> c, List<Field> fields) {
        Parameter[] parameters = c.getParameters();
        String[] named = c.isAnnotationPresent(Creator.class) ? c.getAnnotation(Creator.class).value() : new String[0];
        if (named.length > 0 && named.length != parameters.length) {
            throw new MappingException(type, "@Creator names " + named.length + " fields " + Arrays.toString(named)
                    + " but its constructor has " + parameters.length + " parameters; name one field per parameter, in order");
        }
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field f : fields) {
            byName.putIfAbsent(f.getName(), f);
        }
        List<String> out = new ArrayList<>(parameters.length);
        for (int i = 0; i < parameters.length; i++) {
            Parameter p = parameters[i];
            String name;
            if (named.length > 0) {
                name = named[i];
            } else if (p.isNamePresent()) {
                name = p.getName();
            } else {
                throw new MappingException(type, "its constructor " + signature(c) + " is the one Retort calls, but the class "
                        + "was compiled without parameter names; compile with -parameters, put retort-processor on the "
                        + "annotation processor path, or name the fields in parameter order with @Creator({\"field\", ...})");
            }
            Field f = byName.get(name);
            if (f == null) {
                throw new MappingException(type, "parameter " + (i + 1) + " (" + name + ") of its constructor " + signature(c)
                        + " matches no mapped field; Retort passes each parameter the loaded value of the field of the same "
                        + "name, so rename the parameter (or name the field in @Creator) to one of " + byName.keySet());
            }
            if (!fits(p.getType(), f.getType())) {
                throw new MappingException(type, "parameter " + (i + 1) + " (" + name + ") of its constructor " + signature(c)
                        + " is a " + p.getType().getName() + " but field " + name + " is a " + f.getType().getName()
                        + "; give the parameter the field's type");
            }
            if (out.contains(name)) {
                throw new MappingException(type, "its constructor " + signature(c) + " takes field " + name
                        + " twice; each parameter must take a different field");
            }
            out.add(name);
        }
        return List.copyOf(out);
    }

    /** Whether a field's value can be passed to a parameter: the same primitive, or a reference type it is assignable to. */
    private static boolean fits(Class<?> parameter, Class<?> field) {
        return parameter.isPrimitive() || field.isPrimitive() ? parameter == field : parameter.isAssignableFrom(field);
    }

    private static String signature(Constructor<?> c) {
        StringBuilder s = new StringBuilder(c.getDeclaringClass().getSimpleName()).append('(');
        Class<?>[] types = c.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            s.append(i == 0 ? "" : ", ").append(types[i].getSimpleName());
        }
        return s.append(')').toString();
    }
}
