package dev.retort.processor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes types as Java source with fully qualified names, and answers questions about them that
 * the generated code depends on (can it be named from the entity's package, is it resolved).
 */
final class TypeRenderer {
    private final Types types;
    private final Elements elements;

    TypeRenderer(Types types, Elements elements) {
        this.types = types;
        this.elements = elements;
    }

    /**
     * The type as written, fully qualified, without type annotations. A raw use of a generic type
     * gets unbounded wildcards ({@code List} gives {@code java.util.List<?>}), so that generated
     * code has no raw types; a type variable is written as its erasure.
     *
     * @param type the type
     * @return Java source for it
     */
    String source(TypeMirror type) {
        switch (type.getKind()) {
            case BOOLEAN: case BYTE: case SHORT: case INT: case LONG: case CHAR: case FLOAT: case DOUBLE:
                return type.getKind().name().toLowerCase(Locale.ROOT);
            case ARRAY:
                return source(((ArrayType) type).getComponentType()) + "[]";
            case DECLARED:
                return declared((DeclaredType) type);
            case WILDCARD: {
                WildcardType wildcard = (WildcardType) type;
                if (wildcard.getExtendsBound() != null) {
                    return "? extends " + source(wildcard.getExtendsBound());
                }
                if (wildcard.getSuperBound() != null) {
                    return "? super " + source(wildcard.getSuperBound());
                }
                return "?";
            }
            case TYPEVAR: case INTERSECTION: case UNION:
                return source(types.erasure(type));
            default:
                return type.toString();
        }
    }

    private String declared(DeclaredType type) {
        TypeElement element = (TypeElement) type.asElement();
        StringBuilder out = new StringBuilder();
        TypeMirror enclosing = type.getEnclosingType();
        if (enclosing.getKind() == TypeKind.DECLARED && !((DeclaredType) enclosing).getTypeArguments().isEmpty()) {
            out.append(declared((DeclaredType) enclosing)).append('.').append(element.getSimpleName());
        } else {
            out.append(element.getQualifiedName());
        }
        List<? extends TypeMirror> arguments = type.getTypeArguments();
        if (!arguments.isEmpty()) {
            List<String> written = new ArrayList<>(arguments.size());
            for (TypeMirror argument : arguments) {
                written.add(source(argument));
            }
            out.append('<').append(String.join(", ", written)).append('>');
        } else if (!element.getTypeParameters().isEmpty()) {
            out.append('<').append(String.join(", ", Collections.nCopies(element.getTypeParameters().size(), "?")))
                    .append('>');
        }
        return out.toString();
    }

    /**
     * The type for a constant's type argument or a cast of a boxed value: primitives as their
     * wrapper class, everything else {@linkplain #source as written}.
     *
     * @param type the type
     * @return Java source for it, boxed
     */
    String boxed(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return types.boxedClass((PrimitiveType) type).getQualifiedName().toString();
        }
        return source(type);
    }

    /**
     * The erasure of the type, written for a class literal ({@code java.util.List},
     * {@code byte[]}, {@code int}).
     *
     * @param type the type
     * @return Java source for its erasure, to be followed by {@code .class}
     */
    String erasure(TypeMirror type) {
        TypeMirror erased = types.erasure(type);
        switch (erased.getKind()) {
            case ARRAY:
                return erasure(((ArrayType) erased).getComponentType()) + "[]";
            case DECLARED:
                return ((TypeElement) ((DeclaredType) erased).asElement()).getQualifiedName().toString();
            default:
                return source(erased);
        }
    }

    /**
     * @param type a type
     * @return whether the type, or a type it is made of, could not be resolved
     */
    boolean hasError(TypeMirror type) {
        switch (type.getKind()) {
            case ERROR:
                return true;
            case ARRAY:
                return hasError(((ArrayType) type).getComponentType());
            case DECLARED: {
                DeclaredType declared = (DeclaredType) type;
                for (TypeMirror argument : declared.getTypeArguments()) {
                    if (hasError(argument)) {
                        return true;
                    }
                }
                return declared.getEnclosingType().getKind() == TypeKind.DECLARED && hasError(declared.getEnclosingType());
            }
            case WILDCARD: {
                WildcardType wildcard = (WildcardType) type;
                return (wildcard.getExtendsBound() != null && hasError(wildcard.getExtendsBound()))
                        || (wildcard.getSuperBound() != null && hasError(wildcard.getSuperBound()));
            }
            default:
                return false;
        }
    }

    /**
     * Finds a part of the type that code in the given package cannot name.
     *
     * @param type a type
     * @param from the package of the generated code
     * @return the first class the type is made of that cannot be named from {@code from}, or
     *         {@code null} if all can
     */
    TypeElement inaccessiblePart(TypeMirror type, PackageElement from) {
        switch (type.getKind()) {
            case ARRAY:
                return inaccessiblePart(((ArrayType) type).getComponentType(), from);
            case DECLARED: {
                DeclaredType declared = (DeclaredType) type;
                TypeElement element = (TypeElement) declared.asElement();
                if (!isAccessible(element, from)) {
                    return element;
                }
                for (TypeMirror argument : declared.getTypeArguments()) {
                    TypeElement part = inaccessiblePart(argument, from);
                    if (part != null) {
                        return part;
                    }
                }
                return null;
            }
            case WILDCARD: {
                WildcardType wildcard = (WildcardType) type;
                TypeMirror bound = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : wildcard.getSuperBound();
                return bound == null ? null : inaccessiblePart(bound, from);
            }
            case TYPEVAR: case INTERSECTION: case UNION:
                return inaccessiblePart(types.erasure(type), from);
            default:
                return null;
        }
    }

    /**
     * Whether code in a package other than a subclass can name the class: it and every class
     * enclosing it are public, or not private and in that package.
     *
     * @param type a class
     * @param from the package of the code naming it
     * @return whether {@code type} can be named from {@code from}
     */
    boolean isAccessible(TypeElement type, PackageElement from) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
                return false;
            }
            if (!e.getModifiers().contains(Modifier.PUBLIC)
                    && !elements.getPackageOf(e).getQualifiedName().contentEquals(from.getQualifiedName())) {
                return false;
            }
        }
        return true;
    }
}
