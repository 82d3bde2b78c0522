package dev.retort.orm.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One mapped field of an entity: a plain column, or an embedded value object over several.
 */
public final class Attribute {
    private final String name;
    private final Class<?> javaType;
    private final int field;
    private final EmbeddedType embedded;
    private final boolean id;
    private final boolean version;
    private final List<MappedColumn> columns = new ArrayList<>();
    /** A read-only view made once: {@link #columns()} is called per value read and written. */
    private final List<MappedColumn> columnsView = Collections.unmodifiableList(columns);
    private Relationship relationship;

    Attribute(String name, Class<?> javaType, int field, EmbeddedType embedded, boolean id, boolean version) {
        this.name = name;
        this.javaType = javaType;
        this.field = field;
        this.embedded = embedded;
        this.id = id;
        this.version = version;
    }

    void relationship(Relationship r) {
        this.relationship = r;
    }

    /** @return for a many-to-one reference, its relationship (the column holds the target's key); else {@code null} */
    public Relationship relationship() {
        return relationship;
    }

    void add(MappedColumn column) {
        columns.add(column);
    }

    /** @return the field's name */
    public String name() {
        return name;
    }

    /** @return the field's type */
    public Class<?> javaType() {
        return javaType;
    }

    /** @return the field's index in the entity's {@link EntityAccessor} */
    public int field() {
        return field;
    }

    /** @return the embedded value type, or {@code null} for a plain column */
    public EmbeddedType embedded() {
        return embedded;
    }

    /** @return whether the field is (part of) the id */
    public boolean isId() {
        return id;
    }

    /** @return whether the field is the version column */
    public boolean isVersion() {
        return version;
    }

    /** @return the field's columns: one, or one per component of an embedded value */
    public List<MappedColumn> columns() {
        return columnsView;
    }

    @Override
    public String toString() {
        return name;
    }
}
