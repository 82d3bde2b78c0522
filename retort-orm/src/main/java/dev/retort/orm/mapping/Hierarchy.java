package dev.retort.orm.mapping;

import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;
import dev.retort.orm.Inheritance;
import dev.retort.orm.InheritanceStrategy;
import dev.retort.orm.MappingException;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An entity hierarchy as its root's {@link Inheritance} declares it: the classes (the root first,
 * each class after its parent), the strategy, the discriminator column and each class's
 * discriminator value. Read from annotations only (no mappings), once per class, so mappings of the
 * classes can consult it while they are being built.
 */
public final class Hierarchy {
    private static final ClassValue<Optional<Hierarchy>> OF_ROOT = new ClassValue<>() {
        @Override
        protected Optional<Hierarchy> computeValue(Class<?> root) {
            Inheritance inheritance = root.getAnnotation(Inheritance.class);
            return inheritance == null ? Optional.empty() : Optional.of(new Hierarchy(root, inheritance));
        }
    };

    private static final ClassValue<Class<?>> IDENTITY = new ClassValue<>() {
        @Override
        protected Class<?> computeValue(Class<?> type) {
            Class<?> root = topEntity(type);
            return root != type && root.isAnnotationPresent(Inheritance.class) ? root : type;
        }
    };

    private final Class<?> root;
    private final InheritanceStrategy strategy;
    private final String discriminator;
    private final int discriminatorLength;
    private final List<Class<?>> classes;
    private final Map<Class<?>, String> values = new LinkedHashMap<>();
    private final Map<String, Class<?>> byValue = new LinkedHashMap<>();

    private Hierarchy(Class<?> root, Inheritance inheritance) {
        this.root = root;
        this.strategy = inheritance.strategy();
        this.discriminator = inheritance.discriminator();
        this.discriminatorLength = inheritance.discriminatorLength();
        if (discriminator.isBlank()) {
            throw new MappingException(root, "@Inheritance(discriminator = \"\") names no column; name the discriminator column or keep the default \"type\"");
        }
        Set<Class<?>> all = new LinkedHashSet<>();
        all.add(root);
        for (Class<?> c : inheritance.subclasses()) {
            all.add(c);
        }
        addPermitted(root, all);
        for (Class<?> c : all) {
            check(c);
        }
        // Parents before children, otherwise in the order declared.
        List<Class<?>> ordered = new ArrayList<>();
        while (ordered.size() < all.size()) {
            for (Class<?> c : all) {
                if (!ordered.contains(c) && (c == root || ordered.contains(c.getSuperclass()))) {
                    ordered.add(c);
                }
            }
        }
        this.classes = Collections.unmodifiableList(ordered);
        for (Class<?> c : classes) {
            if (Modifier.isAbstract(c.getModifiers())) {
                if (c.isAnnotationPresent(DiscriminatorValue.class)) {
                    throw new MappingException(c, "is abstract but has a @DiscriminatorValue; an abstract class has no rows of its own: remove it");
                }
                if (classes.stream().noneMatch(x -> x != c && c.isAssignableFrom(x) && !Modifier.isAbstract(x.getModifiers()))) {
                    throw new MappingException(c, "is abstract and no concrete class of the hierarchy extends it, so it can have no rows; "
                            + "list a concrete subclass in @Inheritance(subclasses) on " + root.getSimpleName() + ", or make it concrete");
                }
                continue;
            }
            DiscriminatorValue v = c.getAnnotation(DiscriminatorValue.class);
            String value = v == null ? c.getSimpleName() : v.value();
            if (value.isEmpty()) {
                throw new MappingException(c, "has @DiscriminatorValue(\"\"); give it a non-empty value");
            }
            if (value.length() > discriminatorLength) {
                throw new MappingException(c, "has discriminator value \"" + value + "\", longer than the discriminator column ("
                        + discriminatorLength + "); shorten it or raise @Inheritance(discriminatorLength = ...) on " + root.getSimpleName());
            }
            Class<?> other = byValue.put(value, c);
            if (other != null) {
                throw new MappingException(c, "has discriminator value \"" + value + "\", which " + other.getName()
                        + " has too; give one of them another @DiscriminatorValue");
            }
            values.put(c, value);
        }
    }

    private static void addPermitted(Class<?> c, Set<Class<?>> into) {
        if (!c.isSealed()) {
            return;
        }
        for (Class<?> p : c.getPermittedSubclasses()) {
            if (p.isAnnotationPresent(Entity.class)) {
                into.add(p);
                addPermitted(p, into);
            }
        }
    }

    private void check(Class<?> c) {
        if (c == root) {
            return;
        }
        if (!root.isAssignableFrom(c)) {
            throw new MappingException(root, "lists " + c.getName() + " in @Inheritance(subclasses), but it does not extend "
                    + root.getSimpleName() + "; remove it from the list");
        }
        if (!c.isAnnotationPresent(Entity.class)) {
            throw new MappingException(c, "is listed in @Inheritance(subclasses) of " + root.getSimpleName()
                    + " but is not annotated @Entity; annotate it @Entity");
        }
        if (c.isAnnotationPresent(Inheritance.class)) {
            throw new MappingException(c, "declares @Inheritance, but it extends the entity " + root.getSimpleName()
                    + ", the root of its hierarchy; one hierarchy has one strategy, declared on the root only: remove @Inheritance from "
                    + c.getSimpleName());
        }
        if (!c.getAnnotation(Entity.class).table().isEmpty() && strategy == InheritanceStrategy.SINGLE_TABLE) {
            throw new MappingException(c, "names table \"" + c.getAnnotation(Entity.class).table() + "\", but it is stored in the table of "
                    + root.getSimpleName() + " (SINGLE_TABLE); remove table = from its @Entity");
        }
        for (Class<?> s = c.getSuperclass(); s != root; s = s.getSuperclass()) {
            if (!s.isAnnotationPresent(Entity.class)) {
                throw new MappingException(c, "extends " + s.getName() + ", which lies between it and the root " + root.getSimpleName()
                        + " but is not an entity; make " + s.getSimpleName() + " an @Entity listed in @Inheritance(subclasses), or extend "
                        + root.getSimpleName() + " directly");
            }
        }
    }

    /**
     * The hierarchy an entity class belongs to.
     *
     * @param type an entity class
     * @return its hierarchy, or empty if it is not part of one (an entity without {@code @Inheritance} and entity superclasses)
     * @throws MappingException if the class extends an entity whose root declares no {@code @Inheritance}, or its root does not list it
     */
    public static Optional<Hierarchy> of(Class<?> type) {
        Class<?> root = topEntity(type);
        Optional<Hierarchy> h = OF_ROOT.get(root);
        if (root != type) {
            if (type.isAnnotationPresent(Inheritance.class)) {
                throw new MappingException(type, "declares @Inheritance, but it extends the entity " + root.getName()
                        + "; one hierarchy has one strategy, declared on its root only: remove @Inheritance from " + type.getSimpleName()
                        + (h.isEmpty() ? " and declare it on " + root.getSimpleName() : ""));
            }
            if (h.isEmpty()) {
                throw new MappingException(type, "extends the entity " + root.getName() + ", whose mapping declares no inheritance; annotate "
                        + root.getSimpleName() + " with @Inheritance(subclasses = " + type.getSimpleName() + ".class), or remove @Entity from "
                        + root.getSimpleName() + " to use it as a plain superclass whose fields each entity maps in its own table");
            }
            if (!h.get().classes.contains(type)) {
                throw new MappingException(type, "extends " + root.getSimpleName() + ", whose @Inheritance does not list it; add "
                        + type.getSimpleName() + ".class to @Inheritance(subclasses = ...) on " + root.getSimpleName()
                        + " (Retort must know every class of a hierarchy to read its rows)");
            }
        }
        return h;
    }

    /**
     * The class whose identity the objects of an entity class share in a session's identity map:
     * the root of its hierarchy, or the class itself.
     *
     * @param type an entity class
     * @return the class of its identity
     */
    public static Class<?> identityClass(Class<?> type) {
        return IDENTITY.get(type);
    }

    private static Class<?> topEntity(Class<?> type) {
        Class<?> top = type;
        for (Class<?> c = type.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Entity.class)) {
                top = c;
            }
        }
        return top;
    }

    /** @return the root class, which declares {@code @Inheritance} */
    public Class<?> root() {
        return root;
    }

    /** @return how the hierarchy is stored */
    public InheritanceStrategy strategy() {
        return strategy;
    }

    /** @return the discriminator column's name */
    public String discriminator() {
        return discriminator;
    }

    /** @return the discriminator column's length */
    public int discriminatorLength() {
        return discriminatorLength;
    }

    /** @return the classes, the root first and each class after its parent */
    public List<Class<?>> classes() {
        return classes;
    }

    /**
     * @param type a class of the hierarchy
     * @return its discriminator value, or {@code null} for an abstract class
     */
    public String valueOf(Class<?> type) {
        return values.get(type);
    }

    /**
     * @param value a discriminator value
     * @return the class it marks, or {@code null}
     */
    public Class<?> classOf(String value) {
        return byValue.get(value);
    }

    /**
     * @param type a class of the hierarchy
     * @return the discriminator values of the class and its subclasses at any depth, in hierarchy order
     */
    public List<String> valuesFrom(Class<?> type) {
        List<String> out = new ArrayList<>();
        for (Class<?> c : classes) {
            if (type.isAssignableFrom(c) && values.containsKey(c)) {
                out.add(values.get(c));
            }
        }
        return out;
    }

    /**
     * @param type a class of the hierarchy
     * @return whether some class of the hierarchy extends it
     */
    public boolean hasSubclasses(Class<?> type) {
        return classes.stream().anyMatch(c -> c != type && type.isAssignableFrom(c));
    }

    @Override
    public String toString() {
        return "Hierarchy[" + root.getSimpleName() + " " + strategy + " " + values + "]";
    }
}
