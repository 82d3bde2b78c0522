package dev.retort.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Chooses the constructor the generated accessor calls, with the rules the run-time mapping
 * applies: the one marked {@code @Creator}, else the no-argument constructor, else the only
 * constructor; and matches each parameter to the field of the same name (or the name
 * {@code @Creator} gives).
 */
final class ConstructorAnalysis {
    static final String CREATOR = "dev.retort.orm.Creator";

    private final Elements elements;
    private final Types types;

    ConstructorAnalysis(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /**
     * The constructor chosen for an entity.
     *
     * @param parameters the fields its parameters take, in order (indexes into the accessor's fields)
     * @param parameterTypes the parameters' declared types
     * @param handle whether it is called through a method handle (private, or declaring checked exceptions)
     */
    record Choice(List<Integer> parameters, List<TypeMirror> parameterTypes, boolean handle) {
        static final Choice NONE = new Choice(List.of(), List.of(), false);
    }

    /**
     * @param type the entity class (not abstract)
     * @param name its name for messages
     * @param fields the accessor's fields
     * @param problems where problems are reported
     * @return the choice, or {@code null} after reporting a problem
     */
    Choice analyze(TypeElement type, String name, List<EntityModel.Field> fields, List<EntityAnalyzer.Problem> problems) {
        List<ExecutableElement> all = ElementFilter.constructorsIn(type.getEnclosedElements());
        List<ExecutableElement> marked = all.stream().filter(c -> EntityAnalyzer.hasAnnotation(c, CREATOR)).toList();
        ExecutableElement chosen;
        if (marked.size() > 1) {
            problems.add(new EntityAnalyzer.Problem(marked.get(1), "Entity " + name + " has " + marked.size()
                    + " constructors marked @Creator; mark only the one Retort should call to make objects from rows"));
            return null;
        } else if (marked.size() == 1) {
            chosen = marked.get(0);
        } else {
            chosen = all.stream().filter(c -> c.getParameters().isEmpty()).findFirst()
                    .orElse(all.size() == 1 ? all.get(0) : null);
        }
        if (chosen == null) {
            problems.add(new EntityAnalyzer.Problem(type, "Entity " + name + " has " + all.size() + " constructors and none "
                    + "without parameters, so Retort cannot tell which to call when it loads a row: add a no-argument "
                    + "constructor (it may be private) or mark one with @Creator"));
            return null;
        }
        List<String> named = creatorNames(chosen);
        List<? extends VariableElement> params = chosen.getParameters();
        if (!named.isEmpty() && named.size() != params.size()) {
            problems.add(new EntityAnalyzer.Problem(chosen, "@Creator of entity " + name + " names " + named.size()
                    + " fields " + named + " but the constructor has " + params.size()
                    + " parameters; name one field per parameter, in order"));
            return null;
        }
        List<Integer> indexes = new ArrayList<>();
        List<TypeMirror> parameterTypes = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < params.size(); i++) {
            VariableElement p = params.get(i);
            String field = named.isEmpty() ? p.getSimpleName().toString() : named.get(i);
            int index = indexOf(fields, field);
            String where = "Parameter " + (i + 1) + " (" + field + ") of the constructor of entity " + name;
            if (index < 0) {
                problems.add(new EntityAnalyzer.Problem(p, where + " matches no mapped field; Retort passes each parameter the "
                        + "loaded value of the field of the same name, so rename it (or name the field in @Creator)"));
                ok = false;
            } else if (!fits(fields.get(index).type(), p.asType())) {
                problems.add(new EntityAnalyzer.Problem(p, where + " is a " + p.asType() + " but the field is a "
                        + fields.get(index).type() + "; give the parameter the field's type"));
                ok = false;
            } else if (indexes.contains(index)) {
                problems.add(new EntityAnalyzer.Problem(p, where + " takes a field another parameter takes already; "
                        + "each parameter must take a different field"));
                ok = false;
            }
            indexes.add(index);
            parameterTypes.add(p.asType());
        }
        if (!ok) {
            return null;
        }
        boolean handle = chosen.getModifiers().contains(Modifier.PRIVATE) || throwsChecked(chosen);
        return new Choice(List.copyOf(indexes), List.copyOf(parameterTypes), handle);
    }

    /** A field's value fits a parameter: the same primitive, or a reference assignable to it. */
    private boolean fits(TypeMirror field, TypeMirror parameter) {
        if (field.getKind().isPrimitive() || parameter.getKind().isPrimitive()) {
            return types.isSameType(field, parameter);
        }
        return types.isAssignable(types.erasure(field), types.erasure(parameter));
    }

    private static int indexOf(List<EntityModel.Field> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> creatorNames(ExecutableElement constructor) {
        for (AnnotationMirror mirror : constructor.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(CREATOR)) {
                for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
                    if (e.getKey().getSimpleName().contentEquals("value")) {
                        List<String> out = new ArrayList<>();
                        for (Object v : (List<?>) e.getValue().getValue()) {
                            out.add(String.valueOf(((AnnotationValue) v).getValue()));
                        }
                        return out;
                    }
                }
            }
        }
        return List.of();
    }

    private boolean throwsChecked(ExecutableElement constructor) {
        TypeElement runtime = elements.getTypeElement("java.lang.RuntimeException");
        TypeElement error = elements.getTypeElement("java.lang.Error");
        for (TypeMirror thrown : constructor.getThrownTypes()) {
            boolean unchecked = runtime != null && error != null
                    && (types.isSubtype(thrown, runtime.asType()) || types.isSubtype(thrown, error.asType()));
            if (!unchecked) {
                return true;
            }
        }
        return false;
    }
}
