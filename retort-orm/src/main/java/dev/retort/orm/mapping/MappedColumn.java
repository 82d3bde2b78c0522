package dev.retort.orm.mapping;

import dev.retort.schema.Column;

import java.util.function.Supplier;

/**
 * One column of an entity's table and where its value lives in the object: a field, or one
 * component of an embedded value object.
 */
public final class MappedColumn {
    private final Column<?> column;
    private final Attribute attribute;
    private final int component;
    private final int index;
    private final boolean insertable;
    private final boolean updatable;
    private final Supplier<?> insertDefault;
    private final Supplier<?> onUpdate;
    private final boolean fetchServerDefault;
    private final boolean generated;
    private final String deferredGroup;

    MappedColumn(Column<?> column, Attribute attribute, int component, int index, boolean insertable, boolean updatable,
                 Supplier<?> insertDefault, Supplier<?> onUpdate, boolean fetchServerDefault, boolean generated,
                 String deferredGroup) {
        this.column = column;
        this.attribute = attribute;
        this.component = component;
        this.index = index;
        this.insertable = insertable;
        this.updatable = updatable;
        this.insertDefault = insertDefault;
        this.onUpdate = onUpdate;
        this.fetchServerDefault = fetchServerDefault;
        this.generated = generated;
        this.deferredGroup = deferredGroup;
    }

    /**
     * @return whether the column is left out of the entity's default SELECT ({@code @Deferred}; in
     *         a hierarchy also for the classes that do not declare the field)
     */
    public boolean isDeferred() {
        return deferredGroup != null;
    }

    /**
     * @return the {@code @Deferred} group of a deferred column, empty for one without a group;
     *         {@code null} when the column is not deferred
     */
    public String deferredGroup() {
        return deferredGroup;
    }

    /** @return the table's column */
    public Column<?> column() {
        return column;
    }

    /** @return the attribute (field) that holds the value */
    public Attribute attribute() {
        return attribute;
    }

    /** @return the component's index within an embedded value, or -1 for a plain field */
    public int component() {
        return component;
    }

    /** @return the column's position in the table and in every column-value array of the mapping */
    public int index() {
        return index;
    }

    /** @return whether INSERT writes the column */
    public boolean isInsertable() {
        return insertable;
    }

    /** @return whether UPDATE writes the column */
    public boolean isUpdatable() {
        return updatable;
    }

    /** @return the supplier of a value to insert in place of {@code null}, or {@code null} */
    public Supplier<?> insertDefault() {
        return insertDefault;
    }

    /** @return the supplier of the value each UPDATE sets, or {@code null} */
    public Supplier<?> onUpdate() {
        return onUpdate;
    }

    /** @return whether a server default is read back after INSERT when the field was {@code null} */
    public boolean fetchesServerDefault() {
        return fetchServerDefault;
    }

    /** @return whether the database generates the value (identity or sequence key) */
    public boolean isGenerated() {
        return generated;
    }

    /** @return the dotted path of the value: {@code field} or {@code field.component} */
    public String path() {
        return component < 0 ? attribute.name() : attribute.name() + "." + attribute.embedded().componentNames().get(component);
    }

    @Override
    public String toString() {
        return column.qualifiedName() + " (" + path() + ")";
    }
}
