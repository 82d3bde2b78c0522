package dev.retort.processor;

import java.util.List;

import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * What the metamodel of one entity is made of, checked and ready to be written.
 *
 * @param element the entity class
 * @param packageName the entity's package, empty for the unnamed package
 * @param entityName the entity's canonical name ({@code com.example.Outer.User})
 * @param metamodelName the simple name of the metamodel class ({@code Outer_User_})
 * @param generatedAnnotation whether {@code @javax.annotation.processing.Generated} can be used
 * @param constructor the constructor the accessor calls: the fields its parameters take, and whether
 *        it is called through a method handle (it is private, or declares checked exceptions) rather than with {@code new}
 * @param fields the fields the accessor reaches, in index order
 * @param abstractEntity whether the class is abstract (a class of an entity hierarchy that has no rows of its own)
 */
record EntityModel(TypeElement element, String packageName, String entityName, String metamodelName,
        boolean generatedAnnotation, ConstructorAnalysis.Choice constructor, List<Field> fields, boolean abstractEntity) {

    /** @return whether the constructor is called through a method handle */
    boolean constructorHandle() {
        return !abstractEntity && constructor.handle();
    }

    /** @return the qualified name of the metamodel class */
    String qualifiedMetamodelName() {
        return packageName.isEmpty() ? metamodelName : packageName + "." + metamodelName;
    }

    /**
     * A field the accessor reaches.
     *
     * @param name the field's name
     * @param type the field's type as a member of the entity (type variables of generic superclasses replaced)
     * @param declaredType the field's type as declared, whose erasure the field handle is looked up with
     * @param declaringName the canonical name of the class declaring the field
     * @param declaringClass Java source of an expression for the declaring class's {@code Class}
     * @param direct whether generated code reads and writes the field directly, rather than through a {@code VarHandle}
     * @param collection whether the field holds a {@code Collection} or a {@code Map} (no column constant)
     * @param components the components of an {@code @Embedded} field, {@code null} for other fields
     * @param relation for a relationship field ({@code @ManyToOne}, {@code @OneToOne}, {@code @OneToMany},
     *                 {@code @ManyToMany}), the related entity type; else {@code null}
     * @param keyType for a {@code @ManyToOne} or owning {@code @OneToOne} field, the related entity's key type (its
     *                foreign key column's type), or {@code null}
     */
    record Field(String name, TypeMirror type, TypeMirror declaredType, String declaringName, String declaringClass,
            boolean direct, boolean collection, List<Component> components, TypeMirror relation, TypeMirror keyType) {

        /** @return whether the field is {@code @Embedded} */
        boolean embedded() {
            return components != null;
        }
    }

    /**
     * A component of an embedded value: a record component, or a field of a class.
     *
     * @param name the component's name
     * @param type its type as a member of the embedded type
     */
    record Component(String name, TypeMirror type) {
    }
}
