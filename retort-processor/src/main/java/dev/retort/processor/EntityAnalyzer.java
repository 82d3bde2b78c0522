package dev.retort.processor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Checks an {@code @Entity} class and collects what its metamodel is made of. */
final class EntityAnalyzer {
    static final String TRANSIENT = "dev.retort.orm.Transient";
    static final String EMBEDDED = "dev.retort.orm.Embedded";
    static final String MANY_TO_ONE = "dev.retort.orm.ManyToOne";
    static final String ONE_TO_MANY = "dev.retort.orm.OneToMany";
    static final String MANY_TO_MANY = "dev.retort.orm.ManyToMany";
    static final String ONE_TO_ONE = "dev.retort.orm.OneToOne";
    static final String ID = "dev.retort.orm.Id";
    static final String REF = "dev.retort.orm.Ref";
    private static final String GENERATED = "javax.annotation.processing.Generated";

    private final Elements elements;
    private final Types types;
    private final TypeRenderer renderer;

    EntityAnalyzer(Elements elements, Types types, TypeRenderer renderer) {
        this.elements = elements;
        this.types = types;
        this.renderer = renderer;
    }

    /** What to do with an entity. */
    enum Outcome {
        /** Write the metamodel. */
        GENERATE,
        /** Write nothing and report nothing (an abstract class). */
        SKIP,
        /** Write nothing and report the problems. */
        INVALID,
        /** A type the entity uses is not resolved yet: try again in the next round. */
        PENDING
    }

    /**
     * A compile-time error.
     *
     * @param element the element to report it on
     * @param message the message
     */
    record Problem(Element element, String message) {
    }

    /**
     * The result of checking an entity.
     *
     * @param outcome what to do
     * @param model the metamodel, for {@link Outcome#GENERATE}
     * @param problems the errors, for {@link Outcome#INVALID}
     * @param pending what is not resolved, for {@link Outcome#PENDING}
     */
    record Analysis(Outcome outcome, EntityModel model, List<Problem> problems, Problem pending) {
        static Analysis invalid(Element element, String message) {
            return new Analysis(Outcome.INVALID, null, List.of(new Problem(element, message)), null);
        }
    }

    /**
     * Checks an entity class.
     *
     * @param type a class annotated {@code @Entity}
     * @return what to do with it
     */
    Analysis analyze(TypeElement type) {
        String name = type.getQualifiedName().toString();
        switch (type.getKind()) {
            case CLASS:
                break;
            case RECORD:
                return Analysis.invalid(type, "Record " + name + " cannot be an @Entity: records map as read-only "
                        + "result types; use a class");
            case INTERFACE:
                return Analysis.invalid(type, "Interface " + name + " cannot be an @Entity; use a class");
            case ANNOTATION_TYPE:
                return Analysis.invalid(type, "Annotation type " + name + " cannot be an @Entity; use a class");
            case ENUM:
                return Analysis.invalid(type, "Enum " + name + " cannot be an @Entity; use a class");
            default:
                return Analysis.invalid(type, name + " cannot be an @Entity; use a class");
        }
        NestingKind nesting = type.getNestingKind();
        if (nesting == NestingKind.LOCAL || nesting == NestingKind.ANONYMOUS) {
            return Analysis.invalid(type, "Local or anonymous class " + name + " cannot be an @Entity: its metamodel "
                    + "cannot name it; make it a top-level or static nested class");
        }
        if (nesting == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
                && !isInterfaceLike(type.getEnclosingElement())) {
            return Analysis.invalid(type, "Inner class " + name + " cannot be an @Entity: its instances need an "
                    + "enclosing instance; make it static (a static nested class) or top level");
        }
        boolean abstractEntity = type.getModifiers().contains(Modifier.ABSTRACT);
        if (abstractEntity && !HierarchyChecks.inHierarchy(type)) {
            return new Analysis(Outcome.SKIP, null, List.of(), null);   // an abstract class of an entity hierarchy gets a metamodel
        }
        if (!type.getTypeParameters().isEmpty()) {
            return Analysis.invalid(type, "Entity " + name + " declares type parameters; an entity class cannot be "
                    + "generic: remove them (a generic superclass is fine)");
        }
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
                return Analysis.invalid(type, "Entity " + name + (e == type ? " is private" : " is nested in private "
                        + ((TypeElement) e).getQualifiedName()) + ", so its metamodel cannot name it; "
                        + "make it package-private or public");
            }
        }

        PackageElement pkg = elements.getPackageOf(type);
        List<Problem> problems = new ArrayList<>();

        // The class and its superclasses, the entity first.
        List<TypeElement> hierarchy = new ArrayList<>();
        for (TypeElement current = type; ; ) {
            hierarchy.add(current);
            TypeMirror superclass = current.getSuperclass();
            if (superclass.getKind() == TypeKind.ERROR) {
                return pending(current, "the superclass of " + current.getQualifiedName() + " (" + superclass + ")");
            }
            if (superclass.getKind() != TypeKind.DECLARED) {
                break;
            }
            TypeElement next = (TypeElement) ((DeclaredType) superclass).asElement();
            if (next.getQualifiedName().contentEquals("java.lang.Object")) {
                break;
            }
            current = next;
        }

        problems.addAll(new HierarchyChecks(types).check(type, hierarchy));

        DeclaredType entityType = (DeclaredType) type.asType();
        Map<String, VariableElement> seen = new LinkedHashMap<>();
        List<EntityModel.Field> fields = new ArrayList<>();
        for (int depth = hierarchy.size() - 1; depth >= 0; depth--) {
            TypeElement declaring = hierarchy.get(depth);
            for (VariableElement field : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
                if (!isPersistent(field)) {
                    continue;
                }
                String fieldName = field.getSimpleName().toString();
                String where = "Field " + fieldName + (depth == 0 ? "" : " (declared in " + declaring.getQualifiedName() + ")")
                        + " of entity " + name;
                Element reportOn = depth == 0 ? field : type;
                if (field.getModifiers().contains(Modifier.FINAL)) {
                    problems.add(new Problem(reportOn, where + " is final: a final field cannot be loaded; "
                            + "remove final or mark it @Transient"));
                }
                VariableElement hidden = seen.put(fieldName, field);
                if (hidden != null) {
                    problems.add(new Problem(reportOn, where + " hides field " + fieldName + " of "
                            + ((TypeElement) hidden.getEnclosingElement()).getQualifiedName()
                            + ": each mapped field needs its own name; rename one of them or mark one @Transient"));
                }
                TypeMirror fieldType = types.asMemberOf(entityType, field);
                if (renderer.hasError(fieldType) || renderer.hasError(field.asType())) {
                    return pending(field, "the type of field " + fieldName + " of entity " + name + " (" + field.asType() + ")");
                }
                if (!checkAccessible(fieldType, pkg, reportOn, where, problems)
                        || !checkAccessible(types.erasure(field.asType()), pkg, reportOn, where, problems)) {
                    continue;
                }

                List<EntityModel.Component> components = null;
                if (hasAnnotation(field, EMBEDDED)) {
                    components = new ArrayList<>();
                    Problem pending = embeddedComponents(fieldType, pkg, reportOn, where, components, problems);
                    if (pending != null) {
                        return new Analysis(Outcome.PENDING, null, List.of(), pending);
                    }
                }
                boolean samePackageChain = hierarchy.subList(0, depth + 1).stream()
                        .allMatch(c -> samePackage(c, pkg));
                boolean direct = !field.getModifiers().contains(Modifier.PRIVATE)
                        && (field.getModifiers().contains(Modifier.PUBLIC) ? renderer.isAccessible(declaring, pkg) : samePackageChain);
                String declaringClass = renderer.isAccessible(declaring, pkg)
                        ? declaring.getQualifiedName() + ".class"
                        : name + ".class" + ".getSuperclass()".repeat(depth);
                TypeMirror relation = null;
                TypeMirror keyType = null;
                boolean reference = hasAnnotation(field, MANY_TO_ONE) || hasAnnotation(field, ONE_TO_ONE);
                TypeMirror referenced = reference ? referencedType(fieldType) : fieldType;
                if (referenced == null) {
                    boolean raw = ((DeclaredType) fieldType).getTypeArguments().isEmpty();
                    problems.add(new Problem(reportOn, where + " is " + (raw ? "a raw Ref" : "a " + renderer.source(fieldType))
                            + "; say which entity it refers to: Ref<Customer>"));
                    continue;
                }
                if (hasAnnotation(field, MANY_TO_ONE)) {
                    relation = referenced;                         // a Ref<Customer> field relates to Customer
                    keyType = keyTypeOf(referenced);
                } else if (hasAnnotation(field, ONE_TO_ONE)) {
                    relation = referenced;                         // the owning side has a foreign key column, the other none
                    keyType = annotationString(field, ONE_TO_ONE, "mappedBy").isEmpty() ? keyTypeOf(referenced) : null;
                } else if ((hasAnnotation(field, ONE_TO_MANY) || hasAnnotation(field, MANY_TO_MANY))
                        && fieldType instanceof javax.lang.model.type.DeclaredType dt
                        && (dt.getTypeArguments().size() == 1 || dt.getTypeArguments().size() == 2)) {
                    relation = dt.getTypeArguments().get(dt.getTypeArguments().size() - 1);   // a Map's elements are its values
                }
                fields.add(new EntityModel.Field(fieldName, fieldType, field.asType(), declaring.getQualifiedName().toString(),
                        declaringClass, direct, components == null && isCollection(fieldType),
                        components == null ? null : Collections.unmodifiableList(components), relation, keyType));
            }
        }

        ConstructorAnalysis.Choice constructor = abstractEntity ? ConstructorAnalysis.Choice.NONE
                : new ConstructorAnalysis(elements, types).analyze(type, name, fields, problems);
        if (!problems.isEmpty()) {
            return new Analysis(Outcome.INVALID, null, List.copyOf(problems), null);
        }
        String metamodelName = metamodelName(type);
        EntityModel model = new EntityModel(type, pkg.getQualifiedName().toString(), name, metamodelName,
                canUseGenerated(type), constructor, List.copyOf(fields), abstractEntity);
        return new Analysis(Outcome.GENERATE, model, List.of(), null);
    }

    /**
     * Collects the components of an embedded field's type.
     *
     * @return what is not resolved yet, or {@code null}
     */
    private Problem embeddedComponents(TypeMirror fieldType, PackageElement pkg, Element reportOn, String where,
            List<EntityModel.Component> components, List<Problem> problems) {
        TypeElement embeddedType = fieldType.getKind() == TypeKind.DECLARED
                ? (TypeElement) ((DeclaredType) fieldType).asElement() : null;
        boolean usable = embeddedType != null && (embeddedType.getKind() == ElementKind.RECORD
                || (embeddedType.getKind() == ElementKind.CLASS && !embeddedType.getModifiers().contains(Modifier.ABSTRACT)));
        if (!usable) {
            problems.add(new Problem(reportOn, where + " is @Embedded, but its type " + renderer.source(fieldType)
                    + " is neither a record nor a concrete class: embed a record or a class with a no-argument "
                    + "constructor, or remove @Embedded"));
            return null;
        }
        DeclaredType declared = (DeclaredType) fieldType;
        if (embeddedType.getKind() == ElementKind.RECORD) {
            for (RecordComponentElement component : ElementFilter.recordComponentsIn(embeddedType.getEnclosedElements())) {
                TypeMirror componentType = ((ExecutableType) types.asMemberOf(declared, component.getAccessor())).getReturnType();
                Problem pending = addComponent(component, componentType, pkg, reportOn, where, components, problems);
                if (pending != null) {
                    return pending;
                }
            }
        } else {
            for (VariableElement component : ElementFilter.fieldsIn(embeddedType.getEnclosedElements())) {
                if (isPersistent(component)) {
                    Problem pending = addComponent(component, types.asMemberOf(declared, component), pkg, reportOn,
                            where, components, problems);
                    if (pending != null) {
                        return pending;
                    }
                }
            }
        }
        return null;
    }

    private Problem addComponent(Element component, TypeMirror componentType, PackageElement pkg, Element reportOn,
            String where, List<EntityModel.Component> components, List<Problem> problems) {
        String componentName = component.getSimpleName().toString();
        if (renderer.hasError(componentType)) {
            return new Problem(component, "the type of component " + componentName + " of "
                    + ((TypeElement) component.getEnclosingElement()).getQualifiedName() + " (" + componentType + ")");
        }
        if (checkAccessible(componentType, pkg, reportOn, where + ", component " + componentName, problems)) {
            components.add(new EntityModel.Component(componentName, componentType));
        }
        return null;
    }

    private boolean checkAccessible(TypeMirror type, PackageElement pkg, Element reportOn, String where, List<Problem> problems) {
        TypeElement part = renderer.inaccessiblePart(type, pkg);
        if (part == null) {
            return true;
        }
        String target = pkg.isUnnamed() ? "the unnamed package" : "package " + pkg.getQualifiedName();
        problems.add(new Problem(reportOn, where + " has type " + renderer.source(type) + ", but "
                + part.getQualifiedName() + " cannot be named from " + target + ", where the metamodel is generated: "
                + "make it public (or package-private in " + target + "), or mark the field @Transient"));
        return false;
    }

    private static Analysis pending(Element element, String what) {
        return new Analysis(Outcome.PENDING, null, List.of(), new Problem(element, what));
    }

    /** @return whether the field is stored: an instance field, neither {@code transient} nor {@code @Transient} */
    private static boolean isPersistent(VariableElement field) {
        Set<Modifier> modifiers = field.getModifiers();
        return !modifiers.contains(Modifier.STATIC) && !modifiers.contains(Modifier.TRANSIENT)
                && !hasAnnotation(field, TRANSIENT);
    }

    /**
     * The entity a reference field refers to: its type, or the type argument of a
     * {@code dev.retort.orm.Ref<Customer>}; {@code null} for a raw {@code Ref} or one of a wildcard
     * or type variable.
     */
    private static TypeMirror referencedType(TypeMirror fieldType) {
        if (fieldType instanceof DeclaredType dt
                && ((TypeElement) dt.asElement()).getQualifiedName().contentEquals(REF)) {
            return dt.getTypeArguments().size() == 1 && dt.getTypeArguments().get(0).getKind() == TypeKind.DECLARED
                    ? dt.getTypeArguments().get(0) : null;
        }
        return fieldType;
    }

    /**
     * The type of the key held in the single {@code @Id} field of an entity type and its
     * superclasses, or {@code null} (no single id, or a reference cycle of keys).
     */
    private TypeMirror keyTypeOf(TypeMirror entity) {
        return keyTypeOf(entity, 0);
    }

    private TypeMirror keyTypeOf(TypeMirror entity, int depth) {
        if (depth > 16) {
            return null;
        }
        TypeMirror found = null;
        int ids = 0;
        for (TypeMirror t = entity; t instanceof javax.lang.model.type.DeclaredType dt; ) {
            TypeElement te = (TypeElement) dt.asElement();
            for (Element e : te.getEnclosedElements()) {
                if (e.getKind() == javax.lang.model.element.ElementKind.FIELD && hasAnnotation(e, ID)) {
                    // a key that is a reference (@Id @ManyToOne) holds the referenced row's key
                    found = hasAnnotation(e, MANY_TO_ONE) ? keyTypeOf(e.asType(), depth + 1) : e.asType();
                    ids++;
                }
            }
            t = te.getSuperclass();
        }
        return ids == 1 ? found : null;
    }

    /** The value of a String member of an annotation on an element, or empty when absent or left at its default. */
    static String annotationString(Element element, String annotation, String member) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            Element annotationType = mirror.getAnnotationType().asElement();
            if (annotationType instanceof TypeElement te && te.getQualifiedName().contentEquals(annotation)) {
                for (var e : mirror.getElementValues().entrySet()) {
                    if (e.getKey().getSimpleName().contentEquals(member)) {
                        return String.valueOf(e.getValue().getValue());
                    }
                }
            }
        }
        return "";
    }

    static boolean hasAnnotation(Element element, String annotation) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            Element annotationType = mirror.getAnnotationType().asElement();
            if (annotationType instanceof TypeElement
                    && ((TypeElement) annotationType).getQualifiedName().contentEquals(annotation)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInterfaceLike(Element element) {
        return element.getKind().isInterface();
    }

    private boolean samePackage(Element element, PackageElement pkg) {
        return elements.getPackageOf(element).getQualifiedName().contentEquals(pkg.getQualifiedName());
    }

    private boolean isCollection(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        TypeMirror erased = types.erasure(type);
        for (String container : List.of("java.util.Collection", "java.util.Map")) {
            TypeElement element = elements.getTypeElement(container);
            if (element != null && types.isSubtype(erased, types.erasure(element.asType()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether generated code may carry {@code @javax.annotation.processing.Generated}: the annotation
     * exists (it does from Java 9) and the entity's module reads {@code java.compiler} (the unnamed
     * module reads every module).
     */
    private boolean canUseGenerated(TypeElement type) {
        if (elements.getTypeElement(GENERATED) == null) {
            return false;
        }
        ModuleElement module = elements.getModuleOf(type);
        return module == null || module.isUnnamed() || reads(module, "java.compiler");
    }

    private static boolean reads(ModuleElement module, String target) {
        List<ModuleElement> queue = new ArrayList<>(List.of(module));
        List<ModuleElement> visited = new ArrayList<>();
        boolean first = true;
        while (!queue.isEmpty()) {
            ModuleElement current = queue.remove(queue.size() - 1);
            if (visited.contains(current)) {
                continue;
            }
            visited.add(current);
            for (ModuleElement.RequiresDirective requires
                    : ElementFilter.requiresIn(current.getDirectives())) {
                if (!first && !requires.isTransitive()) {
                    continue;
                }
                if (requires.getDependency().getQualifiedName().contentEquals(target)) {
                    return true;
                }
                queue.add(requires.getDependency());
            }
            first = false;
        }
        return false;
    }

    /**
     * The simple name of the metamodel: the simple names of the entity and of the classes around it,
     * outermost first, joined by underscores, then an underscore ({@code Outer.User} gives
     * {@code Outer_User_}).
     *
     * @param type the entity class
     * @return the metamodel's simple name
     */
    static String metamodelName(TypeElement type) {
        List<String> names = new ArrayList<>();
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            names.add(e.getSimpleName().toString());
        }
        Collections.reverse(names);
        return String.join("_", names) + "_";
    }
}
