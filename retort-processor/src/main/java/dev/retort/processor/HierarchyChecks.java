package dev.retort.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mistakes in an entity hierarchy ({@code @Inheritance}) that show in one class's declaration,
 * reported at compile time: a subclass of an entity whose root declares no inheritance, a subclass
 * the root does not list, {@code @Inheritance} below the root, an {@code @Id} declared again below
 * the root, a {@code @Version} below the root, a table named by a single-table subclass, a listed
 * class that does not extend the root, and two listed classes with one discriminator value. The ORM checks the same at start-up (and what needs the mapping, such as
 * column clashes).
 */
final class HierarchyChecks {
    static final String ENTITY = "dev.retort.orm.Entity";
    static final String INHERITANCE = "dev.retort.orm.Inheritance";
    static final String DISCRIMINATOR_VALUE = "dev.retort.orm.DiscriminatorValue";
    static final String VERSION = "dev.retort.orm.Version";

    private final Types types;

    /**
     * @param type a class annotated {@code @Entity}
     * @return whether it is part of an entity hierarchy: it declares {@code @Inheritance} or extends an entity
     */
    static boolean inHierarchy(TypeElement type) {
        if (EntityAnalyzer.hasAnnotation(type, INHERITANCE)) {
            return true;
        }
        for (TypeMirror t = type.getSuperclass(); t instanceof DeclaredType dt; ) {
            TypeElement e = (TypeElement) dt.asElement();
            if (EntityAnalyzer.hasAnnotation(e, ENTITY)) {
                return true;
            }
            t = e.getSuperclass();
        }
        return false;
    }

    HierarchyChecks(Types types) {
        this.types = types;
    }

    /**
     * @param type the entity
     * @param chain the entity and its superclasses, the entity first
     * @return the problems found
     */
    List<EntityAnalyzer.Problem> check(TypeElement type, List<TypeElement> chain) {
        List<EntityAnalyzer.Problem> problems = new ArrayList<>();
        String name = type.getQualifiedName().toString();
        TypeElement root = type;
        int rootDepth = 0;
        for (int i = 1; i < chain.size(); i++) {
            if (EntityAnalyzer.hasAnnotation(chain.get(i), ENTITY)) {
                root = chain.get(i);
                rootDepth = i;
            }
        }
        if (root == type) {
            AnnotationMirror inheritance = mirror(type, INHERITANCE);
            if (inheritance != null) {
                checkListed(type, inheritance, problems);
            }
            return problems;
        }
        String rootName = root.getSimpleName().toString();
        if (EntityAnalyzer.hasAnnotation(type, INHERITANCE)) {
            problems.add(new EntityAnalyzer.Problem(type, "Entity " + name + " declares @Inheritance, but it extends the entity "
                    + root.getQualifiedName() + "; one hierarchy has one strategy, declared on its root only: remove @Inheritance from "
                    + type.getSimpleName()));
        }
        AnnotationMirror inheritance = mirror(root, INHERITANCE);
        if (inheritance == null) {
            problems.add(new EntityAnalyzer.Problem(type, "Entity " + name + " extends the entity " + root.getQualifiedName()
                    + ", which declares no @Inheritance; annotate " + rootName + " with @Inheritance(subclasses = "
                    + type.getSimpleName() + ".class), or remove @Entity from " + rootName + " to use it as a plain superclass"));
            return problems;
        }
        if (!root.getModifiers().contains(Modifier.SEALED) && !subclasses(inheritance).stream()
                .anyMatch(t -> types.isSameType(types.erasure(t), types.erasure(type.asType())))) {
            problems.add(new EntityAnalyzer.Problem(type, "Entity " + name + " extends " + rootName + ", whose @Inheritance does not list it; add "
                    + type.getSimpleName() + ".class to @Inheritance(subclasses = ...) on " + rootName));
        }
        for (int i = 0; i < rootDepth; i++) {
            TypeElement declaring = chain.get(i);
            for (VariableElement f : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
                if (EntityAnalyzer.hasAnnotation(f, EntityAnalyzer.ID)) {
                    problems.add(new EntityAnalyzer.Problem(i == 0 ? f : type, "Field " + f.getSimpleName() + " of entity "
                            + declaring.getQualifiedName() + " is @Id, but " + declaring.getSimpleName() + " extends the entity "
                            + rootName + ", whose id all classes of the hierarchy share; remove @Id (and the field) from "
                            + declaring.getSimpleName()));
                }
                if (EntityAnalyzer.hasAnnotation(f, VERSION)) {
                    problems.add(new EntityAnalyzer.Problem(i == 0 ? f : type, "Field " + f.getSimpleName() + " of entity "
                            + declaring.getQualifiedName() + " is @Version, but " + declaring.getSimpleName() + " extends the entity "
                            + rootName + "; declare the version on the root, where every class of the hierarchy has it"));
                }
            }
        }
        String table = stringValue(mirror(type, ENTITY), "table");
        if (table != null && !table.isEmpty() && !"JOINED".equals(enumValue(inheritance, "strategy"))) {
            problems.add(new EntityAnalyzer.Problem(type, "Entity " + name + " names table \"" + table + "\", but it is stored in the table of "
                    + rootName + " (SINGLE_TABLE); remove table = from its @Entity"));
        }
        return problems;
    }

    /** The root's listed subclasses extend it and have distinct discriminator values. */
    private void checkListed(TypeElement root, AnnotationMirror inheritance, List<EntityAnalyzer.Problem> problems) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(discriminatorValue(root), root.getQualifiedName().toString());
        for (TypeMirror t : subclasses(inheritance)) {
            if (!(t instanceof DeclaredType dt) || !(dt.asElement() instanceof TypeElement sub)) {
                continue;
            }
            if (!types.isSubtype(types.erasure(t), types.erasure(root.asType())) || types.isSameType(types.erasure(t), types.erasure(root.asType()))) {
                problems.add(new EntityAnalyzer.Problem(root, "Entity " + root.getQualifiedName() + " lists " + sub.getQualifiedName()
                        + " in @Inheritance(subclasses), but it does not extend " + root.getSimpleName() + "; remove it from the list"));
                continue;
            }
            String value = discriminatorValue(sub);
            String other = values.put(value, sub.getQualifiedName().toString());
            if (other != null) {
                problems.add(new EntityAnalyzer.Problem(root, "Entity " + sub.getQualifiedName() + " has discriminator value \"" + value
                        + "\", which " + other + " has too; give one of them another @DiscriminatorValue"));
            }
        }
    }

    private static String stringValue(AnnotationMirror m, String member) {
        if (m != null) {
            for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : m.getElementValues().entrySet()) {
                if (e.getKey().getSimpleName().contentEquals(member)) {
                    return String.valueOf(e.getValue().getValue());
                }
            }
        }
        return null;
    }

    /** The name of an enum constant given to an annotation member, or {@code null} when defaulted. */
    private static String enumValue(AnnotationMirror m, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : m.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(member) && e.getValue().getValue() instanceof VariableElement v) {
                return v.getSimpleName().toString();
            }
        }
        return null;
    }

    private static String discriminatorValue(TypeElement type) {
        AnnotationMirror m = mirror(type, DISCRIMINATOR_VALUE);
        if (m != null) {
            for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : m.getElementValues().entrySet()) {
                if (e.getKey().getSimpleName().contentEquals("value")) {
                    return String.valueOf(e.getValue().getValue());
                }
            }
        }
        return type.getSimpleName().toString();
    }

    private static List<TypeMirror> subclasses(AnnotationMirror inheritance) {
        List<TypeMirror> out = new ArrayList<>();
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : inheritance.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals("subclasses")) {
                Object v = e.getValue().getValue();
                if (v instanceof List<?> list) {
                    for (Object item : list) {
                        if (item instanceof AnnotationValue av && av.getValue() instanceof TypeMirror tm) {
                            out.add(tm);
                        }
                    }
                } else if (v instanceof TypeMirror tm) {
                    out.add(tm);
                }
            }
        }
        return out;
    }

    private static AnnotationMirror mirror(TypeElement type, String annotation) {
        for (AnnotationMirror m : type.getAnnotationMirrors()) {
            if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation)) {
                return m;
            }
        }
        return null;
    }
}
