package dev.retort.orm.mapping;

import dev.retort.orm.Cascade;
import dev.retort.orm.Load;
import dev.retort.orm.MappingException;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A relationship of an entity: a many-to-one or owning one-to-one reference held in a foreign key
 * column of its own table, the one-to-many collection of the objects that refer to it, the single
 * object of the other side of a one-to-one, or a many-to-many through an association table. The
 * other side is resolved on first use, so two entities may refer to each other.
 */
public final class Relationship {
    /** The kinds of relationship. */
    public enum Kind {
        /** A reference stored in this entity's foreign key column. */
        MANY_TO_ONE,
        /** The objects whose many-to-one reference points here. */
        ONE_TO_MANY,
        /** Objects related through an association table. */
        MANY_TO_MANY,
        /**
         * One object on each side: the owning side (no mappedBy) is a reference in this entity's
         * foreign key column, which is UNIQUE; the other side holds the one object referring here.
         */
        ONE_TO_ONE
    }

    private final Class<?> owner;
    private final String name;
    private final int field;
    private final Kind kind;
    private final Class<?> targetType;
    private final Load load;
    private final Set<Cascade> cascade;
    private final String mappedBy;
    private final boolean set;
    private String mapKey = "";
    private Class<?> mapKeyType;
    private volatile Attribute mapKeyAttribute;
    private final String orderBy;
    private final boolean passiveDeletes;
    private final boolean optional;
    private boolean postUpdate;
    private boolean ref;
    private MappedColumn column;
    private final String associationTable;
    private final String joinColumn;
    private final String inverseJoinColumn;
    private volatile Association association;
    private volatile Relationship inverse;
    private volatile boolean inverseResolved;

    Relationship(Class<?> owner, String name, int field, Kind kind, Class<?> targetType, Load load, Cascade[] cascade,
                 String mappedBy, boolean set, String orderBy, boolean passiveDeletes, boolean optional) {
        this(owner, name, field, kind, targetType, load, cascade, mappedBy, set, orderBy, passiveDeletes, optional, "", "", "");
    }

    Relationship(Class<?> owner, String name, int field, Kind kind, Class<?> targetType, Load load, Cascade[] cascade,
                 String mappedBy, boolean set, String orderBy, boolean passiveDeletes, boolean optional,
                 String associationTable, String joinColumn, String inverseJoinColumn) {
        this.associationTable = associationTable;
        this.joinColumn = joinColumn;
        this.inverseJoinColumn = inverseJoinColumn;
        this.owner = owner;
        this.name = name;
        this.field = field;
        this.kind = kind;
        this.targetType = targetType;
        this.load = load != Load.DEFAULT ? load
                : kind == Kind.ONE_TO_MANY || kind == Kind.MANY_TO_MANY ? Load.LAZY : Load.SELECT_IN;
        this.cascade = cascade.length == 0 ? EnumSet.noneOf(Cascade.class) : EnumSet.copyOf(java.util.List.of(cascade));
        this.mappedBy = mappedBy;
        this.set = set;
        this.orderBy = orderBy;
        this.passiveDeletes = passiveDeletes;
        this.optional = optional;
    }

    void bind(MappedColumn column) {
        this.column = column;
    }

    /** @return the entity that declares it */
    public Class<?> owner() {
        return owner;
    }

    /** @return the field's name */
    public String name() {
        return name;
    }

    /** @return the field's index in the owner's accessor */
    public int field() {
        return field;
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    /** @return whether it is a reference held in a foreign key column of the owner (many-to-one, owning one-to-one) */
    public boolean isReference() {
        return kind == Kind.MANY_TO_ONE || (kind == Kind.ONE_TO_ONE && mappedBy.isEmpty());
    }

    /** @return whether it is the other side of a one-to-one: one object, found by its foreign key to the owner */
    public boolean isInverseOneToOne() {
        return kind == Kind.ONE_TO_ONE && !mappedBy.isEmpty();
    }

    /** @return whether it holds one object (a reference, or the other side of a one-to-one), not a collection */
    public boolean isSingle() {
        return kind == Kind.MANY_TO_ONE || kind == Kind.ONE_TO_ONE;
    }

    /** @return whether it is a many-to-many through an association table */
    public boolean isManyToMany() {
        return kind == Kind.MANY_TO_MANY;
    }

    /** @return whether this side names the association table or holds the foreign key (a many-to-many or one-to-one without mappedBy) */
    public boolean isOwningSide() {
        return (kind == Kind.MANY_TO_MANY || kind == Kind.ONE_TO_ONE) && mappedBy.isEmpty();
    }

    /**
     * The association table of a many-to-many, seen from this side ({@link Association#ownerColumn()}
     * holds this entity's key). Built on first use, from both entities' keys.
     *
     * @return the association
     */
    public Association association() {
        if (kind != Kind.MANY_TO_MANY) {
            throw new IllegalStateException(this + " is not a many-to-many");
        }
        Association a = association;
        if (a == null) {
            if (isOwningSide()) {
                a = Association.build(this, associationTable, joinColumn, inverseJoinColumn);
            } else {
                a = inverse().association().reversed();
            }
            association = a;
        }
        return a;
    }

    /** @return the entity on the other side */
    public Class<?> targetType() {
        return targetType;
    }

    /** @return the other side's mapping */
    public EntityMapping<?> target() {
        return EntityMapping.of(targetType);
    }

    /** @return the default loading strategy */
    public Load load() {
        return load;
    }

    /**
     * @param c a cascade
     * @return whether the relationship cascades it
     */
    public boolean cascades(Cascade c) {
        return cascade.contains(c);
    }

    /** @return for a reference (many-to-one, owning one-to-one), the foreign key column in the owner's table; else {@code null} */
    public MappedColumn column() {
        return column;
    }

    /** @return for a one-to-many or the other side of a one-to-one or many-to-many, the related entity's field that owns it; else empty */
    public String mappedBy() {
        return mappedBy;
    }

    /** @return whether a one-to-many is a {@code Set} (else a {@code List} or a {@code Map}) */
    public boolean isSet() {
        return set;
    }

    /** @return whether a one-to-many is a {@code Map} keyed by an element field ({@link #mapKey()}) */
    public boolean isMap() {
        return !mapKey.isEmpty();
    }

    /** @return for a {@code Map} one-to-many, the element field that keys it; else empty */
    public String mapKey() {
        return mapKey;
    }

    /**
     * @return for a {@code Map} one-to-many, the element attribute that keys it
     * @throws MappingException if the elements have no plain field of that name and the map's key type
     */
    public Attribute mapKeyAttribute() {
        Attribute a = mapKeyAttribute;
        if (a == null) {
            a = resolveMapKey();
            mapKeyAttribute = a;
        }
        return a;
    }

    private Attribute resolveMapKey() {
        EntityMapping<?> t = target();
        Attribute a = t.attributes().stream().filter(x -> x.name().equals(mapKey)).findFirst().orElse(null);
        if (a == null || a.relationship() != null || a.embedded() != null) {
            throw new MappingException(owner, "field " + name + " is a Map keyed by " + targetType.getSimpleName() + "." + mapKey
                    + (a == null ? ", which is not a mapped field" : ", which is a relationship or an embedded value")
                    + "; name a plain column field of " + targetType.getSimpleName() + " in mapKey");
        }
        if (Primitives.box(a.javaType()) != Primitives.box(mapKeyType)) {
            throw new MappingException(owner, "field " + name + " is a Map with " + mapKeyType.getSimpleName() + " keys but "
                    + targetType.getSimpleName() + "." + mapKey + " is a " + a.javaType().getSimpleName()
                    + "; declare the map's key type as the field's");
        }
        return a;
    }

    void keyBy(String field, Class<?> keyType) {
        this.mapKey = field;
        this.mapKeyType = keyType;
    }

    /** @return the element field a loaded list is ordered by, or empty */
    public String orderBy() {
        return orderBy;
    }

    /** @return whether deleting the owner leaves the rows to the database's ON DELETE CASCADE */
    public boolean passiveDeletes() {
        return passiveDeletes;
    }

    /** @return whether a reference may be absent */
    public boolean isOptional() {
        return optional;
    }

    /** @return whether a reference's column is written after the INSERTs (and cleared before the DELETEs) of a flush */
    public boolean isPostUpdate() {
        return postUpdate;
    }

    void markPostUpdate() {
        this.postUpdate = true;
    }

    /**
     * @return whether a reference's field is a {@link dev.retort.orm.Ref} (which loads on access, or
     *         throws there) rather than a plain field holding the object
     */
    public boolean isRef() {
        return ref;
    }

    void markRef() {
        this.ref = true;
    }

    /**
     * The other side: for a one-to-many, the many-to-one it is mapped by; for a many-to-one, the
     * one-to-many of the target mapped by it, if there is one; for a one-to-one, the field of the
     * other side (the owning field it is mapped by, or the field mapped by it, if there is one).
     *
     * @return the inverse relationship, or {@code null}
     * @throws MappingException if a mappedBy names no suitable field back to its owner
     */
    public Relationship inverse() {
        if (!inverseResolved) {
            Relationship found = null;
            EntityMapping<?> t = target();
            if (kind == Kind.MANY_TO_MANY) {
                String wanted = mappedBy;
                for (Relationship r : t.relationships()) {
                    boolean match = wanted.isEmpty() ? r.kind == Kind.MANY_TO_MANY && r.mappedBy.equals(name) && r.targetType == owner
                            : r.name.equals(wanted);
                    if (match) {
                        found = r;
                    }
                }
                if (!wanted.isEmpty() && (found == null || found.kind != Kind.MANY_TO_MANY || !found.isOwningSide() || found.targetType != owner)) {
                    throw new MappingException(owner, "field " + name + " is @ManyToMany(mappedBy = \"" + mappedBy + "\"), but "
                            + targetType.getSimpleName() + " has no owning @ManyToMany field " + mappedBy + " of "
                            + owner.getSimpleName() + "; its relationships are " + t.relationships().stream().map(Relationship::name).toList());
                }
            } else if (kind == Kind.ONE_TO_ONE) {
                found = resolveOneToOne(t);
            } else if (kind == Kind.ONE_TO_MANY) {
                found = t.relationships().stream().filter(r -> r.name.equals(mappedBy)).findFirst().orElse(null);
                if (found == null || found.kind != Kind.MANY_TO_ONE || !found.targetType.isAssignableFrom(owner)) {
                    throw new MappingException(owner, "field " + name + " is @OneToMany(mappedBy = \"" + mappedBy + "\"), but "
                            + targetType.getSimpleName() + " has no @ManyToOne field " + mappedBy + " of type " + owner.getSimpleName()
                            + "; its relationships are " + t.relationships().stream().map(Relationship::name).toList());
                }
                if (isMap()) {
                    mapKeyAttribute();              // a wrong key field fails at start-up too
                }
            } else {
                for (Relationship r : t.relationships()) {
                    if (r.kind == Kind.ONE_TO_MANY && r.mappedBy.equals(name) && r.targetType == owner) {
                        found = r;
                    }
                }
            }
            inverse = found;
            inverseResolved = true;
        }
        return inverse;
    }

    private Relationship resolveOneToOne(EntityMapping<?> t) {
        if (mappedBy.isEmpty()) {
            Relationship found = null;
            for (Relationship r : t.relationships()) {
                if (r.isInverseOneToOne() && r.mappedBy.equals(name) && r.targetType.isAssignableFrom(owner)) {
                    found = r;
                }
            }
            if (found == null) {                   // mapped by a subclass of the target (the owning field is typed as its parent)
                for (Class<?> c : Hierarchy.of(targetType).map(Hierarchy::classes).orElse(List.of())) {
                    if (c != targetType && targetType.isAssignableFrom(c)) {
                        for (Relationship r : EntityMapping.of(c).relationships()) {
                            if (found == null && r.isInverseOneToOne() && r.mappedBy.equals(name) && r.targetType.isAssignableFrom(owner)) {
                                found = r;
                            }
                        }
                    }
                }
            }
            return found;
        }
        Relationship found = t.relationships().stream().filter(r -> r.name.equals(mappedBy)).findFirst().orElse(null);
        if (found == null || found.kind != Kind.ONE_TO_ONE || !found.mappedBy.isEmpty() || !found.targetType.isAssignableFrom(owner)) {
            String what = found == null ? "has no field " + mappedBy
                    : "its field " + mappedBy + " is " + (found.kind == Kind.ONE_TO_ONE && !found.mappedBy.isEmpty()
                    ? "mappedBy too (one side must own the foreign key)" : "not an owning @OneToOne of " + owner.getSimpleName());
            throw new MappingException(owner, "field " + name + " is @OneToOne(mappedBy = \"" + mappedBy + "\"), but "
                    + targetType.getSimpleName() + " " + what + "; name the @OneToOne field of " + targetType.getSimpleName()
                    + " (without mappedBy) whose type is " + owner.getSimpleName() + ". Its relationships are "
                    + t.relationships().stream().map(Relationship::name).toList());
        }
        return found;
    }

    @Override
    public String toString() {
        return owner.getSimpleName() + "." + name;
    }

    /** @return the metamodel constant that names this relationship, for messages: {@code Customer_.INVOICES} */
    public String metamodelConstant() {
        return owner.getSimpleName() + "_." + name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }
}
