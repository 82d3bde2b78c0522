package dev.retort.orm.mapping;

import dev.retort.orm.GenerationStrategy;
import dev.retort.orm.LifecycleEvent;
import dev.retort.orm.MappingException;
import dev.retort.schema.Column;
import dev.retort.schema.Table;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one entity class maps to its table: built once per class from its annotations (by
 * {@link #of}) and immutable afterwards. The table is an ordinary Core {@link Table}, so Core
 * statements, DDL and reflection work on it; the generated metamodel ({@code User_}) exposes its
 * columns as constants.
 *
 * <p>Column values travel as {@code Object[]} arrays in the order of {@link #columns()}, the
 * table's column order.
 *
 * @param <E> the entity type
 */
public final class EntityMapping<E> {
    private static final ClassValue<EntityMapping<?>> MAPPINGS = new ClassValue<>() {
        @Override
        protected EntityMapping<?> computeValue(Class<?> type) {
            return MappingBuilder.build(type);
        }
    };

    private final Class<E> type;
    private final Table table;
    private final List<Attribute> attributes;
    private final List<MappedColumn> columns;
    private final List<MappedColumn> idColumns;
    private final MappedColumn version;
    private final MappedColumn generatedKey;
    private final GenerationStrategy generation;
    private final IdClassShape idClass;
    private final boolean readOnly;
    private final EntityAccessor<E> accessor;
    /** The fields as declared ({@link dev.retort.orm.Ref} fields give their Ref); {@link #accessor} unless there are Ref fields. */
    private final EntityAccessor<E> fieldAccessor;
    private final boolean generatedAccessor;
    private final Map<LifecycleEvent, List<MethodHandle>> callbacks;
    private final Map<Attribute, MethodHandle> validators;
    private final Map<String, MappedColumn> byPath = new LinkedHashMap<>();
    private final Map<String, Attribute> byName = new LinkedHashMap<>();
    private final List<Relationship> relationships;
    private final Map<String, Relationship> relationshipsByName = new LinkedHashMap<>();
    private final Attribute[] creator;
    private Polymorphism polymorphism;

    private static final Object[] NO_ARGUMENTS = new Object[0];

    EntityMapping(Class<E> type, Table table, List<Attribute> attributes, List<MappedColumn> columns,
                  MappedColumn version, GenerationStrategy generation, IdClassShape idClass, boolean readOnly,
                  EntityAccessor<E> accessor, boolean generatedAccessor, Map<LifecycleEvent, List<MethodHandle>> callbacks,
                  Map<Attribute, MethodHandle> validators, List<Relationship> relationships) {
        this.type = type;
        this.table = table;
        this.attributes = List.copyOf(attributes);
        this.columns = List.copyOf(columns);
        this.idColumns = columns.stream().filter(c -> c.attribute().isId()).toList();
        this.version = version;
        this.generation = generation;
        this.generatedKey = generation == GenerationStrategy.IDENTITY || generation == GenerationStrategy.SEQUENCE
                ? idColumns.get(0) : null;
        this.idClass = idClass;
        this.readOnly = readOnly;
        this.fieldAccessor = accessor;
        boolean[] refFields = new boolean[accessor.fieldNames().size()];
        boolean anyRef = false;
        for (Relationship r : relationships) {
            if (r.isRef() && r.field() >= 0 && r.field() < refFields.length && r.owner().isAssignableFrom(type)) {
                refFields[r.field()] = true;
                anyRef = true;
            }
        }
        this.accessor = anyRef ? new RefFieldAccessor<>(accessor, refFields) : accessor;
        this.generatedAccessor = generatedAccessor;
        EnumMap<LifecycleEvent, List<MethodHandle>> cb = new EnumMap<>(LifecycleEvent.class);
        callbacks.forEach((k, v) -> cb.put(k, List.copyOf(v)));
        this.callbacks = Collections.unmodifiableMap(cb);
        this.validators = Map.copyOf(validators);
        for (MappedColumn c : columns) {
            if (c.attribute().field() >= 0) {
                byPath.put(c.path(), c);       // not the discriminator, nor other classes' columns of a shared table
            }
        }
        for (Attribute a : attributes) {
            byName.put(a.name(), a);
        }
        List<String> parameters = accessor.constructorParameters();
        this.creator = new Attribute[parameters.size()];
        for (int i = 0; i < creator.length; i++) {
            creator[i] = byName.get(parameters.get(i));       // null for a collection: the loader installs it
        }
        this.relationships = List.copyOf(relationships);
        for (Relationship r : relationships) {
            relationshipsByName.put(r.name(), r);
        }
    }

    /**
     * A relationship as a typed handle; the generated metamodel uses this.
     *
     * @param name the relationship field's name
     * @param <T> the related entity
     * @return the handle
     */
    public <T> Relation<E, T> relation(String name) {
        return new Relation<>(relationship(name));
    }

    /** @return the relationships (many-to-one references and one-to-many collections), in field order */
    public List<Relationship> relationships() {
        return relationships;
    }

    /**
     * @param name a relationship field's name
     * @return the relationship
     * @throws IllegalArgumentException naming the entity's relationships if there is none of that name
     */
    public Relationship relationship(String name) {
        Relationship r = relationshipsByName.get(name);
        if (r == null) {
            throw new IllegalArgumentException(type.getName() + " has no relationship " + name + "; its relationships are "
                    + relationshipsByName.keySet());
        }
        return r;
    }

    /**
     * The mapping of an entity class, built on first use and cached for the life of the class.
     *
     * @param type a class annotated {@code @Entity}
     * @param <E> the entity type
     * @return its mapping
     * @throws MappingException naming the class, the field and the fix, if the mapping is wrong
     */
    @SuppressWarnings("unchecked")
    public static <E> EntityMapping<E> of(Class<E> type) {
        Objects.requireNonNull(type, "type");
        return (EntityMapping<E>) MAPPINGS.get(type);
    }

    void polymorphism(Polymorphism p) {
        this.polymorphism = p;
    }

    /**
     * @return for a class of an entity hierarchy ({@link dev.retort.orm.Inheritance}), its place in
     *         it; {@code null} otherwise
     */
    public Polymorphism polymorphism() {
        return polymorphism;
    }

    /**
     * The mapping to load a row of this entity's query as: this one, or for a class of a hierarchy
     * the mapping of the class the row's discriminator names.
     *
     * @param columnValues the row's column values, in {@link #columns()} order
     * @return the mapping of the row's class
     */
    public EntityMapping<?> mappingOf(Object[] columnValues) {
        return polymorphism == null ? this : polymorphism.mappingOf(columnValues);
    }

    /** @return the entity class */
    public Class<E> type() {
        return type;
    }

    /** @return the entity's table (in no MetaData; a {@code Registry} lists it in one) */
    public Table table() {
        return table;
    }

    /** @return the mapped fields, in field order */
    public List<Attribute> attributes() {
        return attributes;
    }

    /**
     * @param field a field name
     * @return its attribute
     * @throws IllegalArgumentException naming the entity's attributes if there is none of that name
     */
    public Attribute attribute(String field) {
        Attribute a = byName.get(field);
        if (a == null) {
            throw new IllegalArgumentException(type.getName() + " has no mapped field " + field + "; its fields are " + byName.keySet());
        }
        return a;
    }

    /** @return every column, in table order */
    public List<MappedColumn> columns() {
        return columns;
    }

    /** @return the primary key's columns */
    public List<MappedColumn> idColumns() {
        return idColumns;
    }

    /** @return the version column of optimistic locking */
    public Optional<MappedColumn> version() {
        return Optional.ofNullable(version);
    }

    /** @return the key column the database generates (identity or sequence), if any */
    public Optional<MappedColumn> generatedKey() {
        return Optional.ofNullable(generatedKey);
    }

    /** @return how the id is generated, or {@code null} when the application assigns it */
    public GenerationStrategy generation() {
        return generation;
    }

    /** @return whether the entity is read-only */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** @return whether the fields are reached through the accessor the annotation processor wrote */
    public boolean usesGeneratedAccessor() {
        return generatedAccessor;
    }

    /**
     * The accessor of the entity's fields as the session sees them: a {@link dev.retort.orm.Ref}
     * field reads as the object it holds when loaded, else {@code null}, and setting it fills the Ref.
     *
     * @return the field accessor
     */
    public EntityAccessor<E> accessor() {
        return accessor;
    }

    /**
     * @return the accessor of the fields as declared: a {@link dev.retort.orm.Ref} field gives its
     *         {@code Ref} object (the same as {@link #accessor()} for an entity without Ref fields)
     */
    public EntityAccessor<E> fieldAccessor() {
        return fieldAccessor;
    }

    /**
     * The column of a field, or of a component of an embedded field ({@code "address.city"}).
     * The generated metamodel uses this; the type is the field's (boxed) type.
     *
     * @param path the field name, or {@code field.component}
     * @param <T> the column's Java type
     * @return the column
     */
    @SuppressWarnings("unchecked")
    public <T> Column<T> column(String path) {
        return (Column<T>) mappedColumn(path).column();
    }

    /**
     * The column of a field, checked against the Java type you expect.
     *
     * @param path the field name, or {@code field.component}
     * @param javaType the expected type
     * @param <T> the column's Java type
     * @return the column
     * @throws IllegalArgumentException if the column holds another type
     */
    @SuppressWarnings("unchecked")
    public <T> Column<T> column(String path, Class<T> javaType) {
        Column<?> c = mappedColumn(path).column();
        if (!Primitives.box(javaType).equals(c.type().javaType())) {
            throw new IllegalArgumentException("Column " + c.qualifiedName() + " of " + type.getName() + "." + path + " holds "
                    + c.type().javaType().getName() + ", not " + javaType.getName());
        }
        return (Column<T>) c;
    }

    /**
     * @param path the field name, or {@code field.component}
     * @return the mapped column
     * @throws IllegalArgumentException naming the entity's columns if the path maps none
     */
    public MappedColumn mappedColumn(String path) {
        MappedColumn c = byPath.get(path);
        if (c == null) {
            throw new IllegalArgumentException(type.getName() + " maps no column at " + path + "; its columns are " + byPath.keySet());
        }
        return c;
    }

    // ---- values ------------------------------------------------------------------------------

    /**
     * Makes a new instance holding a row's column values: through the constructor Retort calls
     * (its parameters get the values of the fields of the same names; relationship fields get
     * {@code null}), then every mapped field is written, so the object holds exactly the row.
     * References and collections are left to the loader.
     *
     * @param values the row's values, in {@link #columns()} order
     * @return the new instance
     * @throws IllegalStateException naming the entity and the row's id if the constructor refuses the values
     */
    public E instantiate(Object[] values) {
        return instantiate(values, null);
    }

    /**
     * {@link #instantiate(Object[])} for a row read without some columns (deferred ones, or left
     * out by a query's options), which hold their fields' Java defaults: a constructor that
     * refuses one of those is told which and why.
     *
     * @param values the row's values, in {@link #columns()} order
     * @param unloaded per column index, whether the row did not read it; {@code null} for none
     * @return the new instance
     * @throws IllegalStateException naming the entity, the row's id and the columns not loaded if the constructor refuses the values
     */
    public E instantiate(Object[] values, boolean[] unloaded) {
        E entity;
        if (creator.length == 0) {
            entity = accessor.newInstance(NO_ARGUMENTS);
        } else {
            Object[] arguments = new Object[creator.length];
            for (int i = 0; i < creator.length; i++) {
                Attribute a = creator[i];
                if (a != null && a.relationship() == null) {
                    Object v = fieldValue(a, values);
                    if (v == null && a.javaType().isPrimitive()) {
                        throw nullIntoPrimitive(a);
                    }
                    arguments[i] = v;
                }
            }
            try {
                entity = accessor.newInstance(arguments);
            } catch (RuntimeException e) {
                List<String> notLoaded = new ArrayList<>();
                for (Attribute a : creator) {
                    if (a != null && a.relationship() == null && unloaded != null
                            && a.columns().stream().anyMatch(c -> unloaded[c.index()])) {
                        notLoaded.add(type.getName() + "." + a.name());
                    }
                }
                throw new IllegalStateException("The constructor of " + type.getName() + " failed on the values of the row with id "
                        + idFromColumns(values) + " (" + e + "); " + (notLoaded.isEmpty()
                        ? "Retort passes each parameter the loaded value of the field of the same name (null for relationships), "
                                + "so the constructor must accept every value the table holds"
                        : "the query did not load " + String.join(", ", notLoaded) + " (deferred, or left out by defer or loadOnly), "
                                + "so the constructor received Java defaults (null, 0, false) for them; load them with the query "
                                + "(undefer, loadOnly), or let the constructor accept the Java default of a column that is not loaded"), e);
            }
        }
        write(entity, values);
        return entity;
    }

    /**
     * Reads every column's value from an entity.
     *
     * @param entity the entity
     * @return its values, in {@link #columns()} order
     */
    public Object[] read(E entity) {
        Object[] values = new Object[columns.size()];
        for (Attribute a : attributes) {
            Object v = accessor.get(entity, a.field());
            EmbeddedType emb = a.embedded();
            if (a.relationship() != null) {
                if (v == null && a.relationship().isRef()
                        && fieldAccessor.get(entity, a.field()) instanceof dev.retort.orm.Ref<?> ref && !ref.isLoaded()) {
                    values[a.columns().get(0).index()] = ref.id();     // known by its key alone
                    continue;
                }
                values[a.columns().get(0).index()] = v == null ? null : referencedKey(a.relationship(), v);
            } else if (emb == null) {
                values[a.columns().get(0).index()] = v;
            } else {
                for (MappedColumn c : a.columns()) {
                    values[c.index()] = v == null ? null : emb.component(v, c.component());
                }
            }
        }
        if (polymorphism != null) {
            polymorphism.stamp(values);
        }
        return values;
    }

    /**
     * Writes column values into an entity's fields.
     *
     * @param entity the entity
     * @param values the values, in {@link #columns()} order
     */
    public void write(E entity, Object[] values) {
        for (Attribute a : attributes) {
            if (a.relationship() != null) {
                continue;            // references are set by the loader, from the identity map
            }
            set(entity, a, fieldValue(a, values));
        }
    }

    /** The value of a (non-relationship) field from column values: the column's, or the embedded value composed of its columns. */
    private static Object fieldValue(Attribute a, Object[] values) {
        EmbeddedType emb = a.embedded();
        if (emb == null) {
            return values[a.columns().get(0).index()];
        }
        Object[] parts = new Object[a.columns().size()];
        for (MappedColumn c : a.columns()) {
            parts[c.component()] = values[c.index()];
        }
        return emb.compose(parts);
    }

    /**
     * Sets one column's value in an entity (a generated key, a fetched default).
     *
     * @param entity the entity
     * @param column the column
     * @param value its value
     */
    public void writeColumn(E entity, MappedColumn column, Object value) {
        Attribute a = column.attribute();
        if (a.relationship() != null) {
            return;                  // the reference itself is the value
        }
        if (a.embedded() == null) {
            set(entity, a, value);
            return;
        }
        Object[] current = read(entity);
        current[column.index()] = value;
        Object[] parts = new Object[a.columns().size()];
        for (MappedColumn c : a.columns()) {
            parts[c.component()] = current[c.index()];
        }
        set(entity, a, a.embedded().compose(parts));
    }

    @SuppressWarnings("unchecked")
    private static Object referencedKey(Relationship r, Object related) {
        return ((EntityMapping<Object>) r.target()).idOf(related);
    }

    private void set(E entity, Attribute a, Object v) {
        if (v == null && a.javaType().isPrimitive()) {
            throw nullIntoPrimitive(a);
        }
        accessor.set(entity, a.field(), v);
    }

    private IllegalStateException nullIntoPrimitive(Attribute a) {
        return new IllegalStateException("Column " + a.columns().get(0).column().qualifiedName() + " is NULL but "
                + type.getName() + "." + a.name() + " is a " + a.javaType() + "; make the field a wrapper type or the column NOT NULL");
    }

    /**
     * The id of an entity, as {@code get} takes it: the single id value, or an instance of the
     * {@code @IdClass} record for a composite key.
     *
     * @param entity the entity
     * @return the id, or {@code null} while some id column is {@code null}
     */
    public Object idOf(E entity) {
        if (idColumns.size() == 1 && idColumns.get(0).attribute().embedded() == null) {
            Attribute a = idColumns.get(0).attribute();
            Object v = accessor.get(entity, a.field());
            return a.relationship() == null || v == null ? v : referencedKey(a.relationship(), v);
        }
        return idFromColumns(read(entity));
    }

    /**
     * The id held in a row's column values.
     *
     * @param values column values in {@link #columns()} order
     * @return the id, or {@code null} if some id column is {@code null}
     */
    public Object idFromColumns(Object[] values) {
        if (idClass == null && idColumns.size() == 1) {
            return values[idColumns.get(0).index()];        // a single id: no array
        }
        Object[] parts = new Object[idColumns.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = values[idColumns.get(i).index()];
            if (parts[i] == null) {
                return null;
            }
        }
        return idClass == null ? parts[0] : idClass.make(parts);
    }

    /**
     * The id columns' values of an id given by the application, converted to the columns' types.
     *
     * @param id the id: a value, or the {@code @IdClass} record
     * @return the values, in {@link #idColumns()} order
     * @throws IllegalArgumentException naming the entity and the expected type if the id does not fit
     */
    public Object[] idValues(Object id) {
        Objects.requireNonNull(id, () -> "The id of " + type.getSimpleName() + " is null");
        if (idClass != null) {
            if (!idClass.type().isInstance(id)) {
                throw new IllegalArgumentException(type.getName() + " has a composite key: pass a " + idClass.type().getName()
                        + ", not a " + id.getClass().getName());
            }
            Object[] parts = idClass.parts(id);
            for (int i = 0; i < parts.length; i++) {
                parts[i] = IdValues.convert(this, idColumns.get(i), parts[i]);
            }
            return parts;
        }
        return new Object[] {IdValues.convert(this, idColumns.get(0), id)};
    }

    /**
     * Normalises an id given by the application (an {@code Integer} for a {@code Long} key, say)
     * to the form {@link #idOf} returns, so both find the same identity-map entry.
     *
     * @param id the id
     * @return the normalised id
     */
    public Object normalizeId(Object id) {
        Object[] parts = idValues(id);
        return idClass == null ? parts[0] : idClass.make(parts);
    }

    // ---- hooks -------------------------------------------------------------------------------

    /**
     * @param event an event
     * @return whether the entity has hook methods for it
     */
    public boolean hasHooks(LifecycleEvent event) {
        return callbacks.containsKey(event);
    }

    /**
     * Runs the entity's hook methods for an event.
     *
     * @param event the event
     * @param entity the entity
     */
    public void fire(LifecycleEvent event, E entity) {
        List<MethodHandle> hooks = callbacks.get(event);
        if (hooks == null) {
            return;
        }
        for (MethodHandle h : hooks) {
            try {
                h.invoke(entity);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("The " + event + " hook of " + type.getName() + " threw " + t, t);
            }
        }
    }

    /** @return whether some attribute has a {@code @Validates} method */
    public boolean hasValidators() {
        return !validators.isEmpty();
    }

    /**
     * Runs the {@code @Validates} methods of some attributes, storing what they return.
     *
     * @param entity the entity
     * @param changed the attributes to check; {@code null} for all
     */
    public void validate(E entity, java.util.Collection<Attribute> changed) {
        for (Map.Entry<Attribute, MethodHandle> v : validators.entrySet()) {
            Attribute a = v.getKey();
            if (changed != null && !changed.contains(a)) {
                continue;
            }
            Object value = accessor.get(entity, a.field());
            Object checked;
            try {
                checked = v.getValue().invoke(entity, value);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("The validator of " + type.getName() + "." + a.name() + " threw " + t, t);
            }
            if (!Objects.equals(checked, value)) {
                set(entity, a, checked);
            }
        }
    }

    /**
     * The attributes owning some column positions.
     *
     * @param columnIndexes positions in {@link #columns()}
     * @return the attributes, without repeats
     */
    public List<Attribute> attributesOf(int[] columnIndexes) {
        java.util.LinkedHashSet<Attribute> out = new java.util.LinkedHashSet<>();
        for (int i : columnIndexes) {
            out.add(columns.get(i).attribute());
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "EntityMapping[" + type.getName() + " -> " + table.fullName() + " " + Arrays.toString(columns.toArray()) + "]";
    }
}
