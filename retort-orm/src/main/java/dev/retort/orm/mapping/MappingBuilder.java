package dev.retort.orm.mapping;

import dev.retort.DefinitionException;
import dev.retort.orm.Embedded;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.GenerationStrategy;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToMany;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.OneToMany;
import dev.retort.orm.OneToOne;
import dev.retort.orm.IdClass;
import dev.retort.orm.LifecycleEvent;
import dev.retort.orm.MappingException;
import dev.retort.orm.Naming;
import dev.retort.orm.References;
import dev.retort.orm.NamingStrategy;
import dev.retort.orm.Transient;
import dev.retort.orm.Validates;
import dev.retort.orm.Version;
import dev.retort.schema.ColumnOption;
import dev.retort.schema.ColumnOptions;
import dev.retort.schema.ForeignKeyOptions;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.types.SqlType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Builds an {@link EntityMapping} from a class's annotations, checking every rule once, at
 * start-up. Reflection happens here and nowhere else.
 */
final class MappingBuilder {
    private static final System.Logger LOG = System.getLogger(MappingBuilder.class.getName());
    /**
     * The classes whose mappings this thread is building: a reference to one of them closes a cycle
     * and declares its foreign key by name ({@link LateReference}) instead of asking for a mapping
     * that does not exist yet.
     */
    private static final ThreadLocal<java.util.LinkedHashSet<Class<?>>> BUILDING = ThreadLocal.withInitial(java.util.LinkedHashSet::new);

    private final Class<?> type;
    private final Entity entity;
    private final NamingStrategy naming;
    private final List<Field> fields = new ArrayList<>();
    private final List<Attribute> attributes = new ArrayList<>();
    private final List<MappedColumn> columns = new ArrayList<>();
    private final Map<String, String> columnOwners = new LinkedHashMap<>();
    private final Table.Builder table;
    private final String tableName;
    private MappedColumn version;
    private GenerationStrategy generation;
    /** The hierarchy the class belongs to, or {@code null}. */
    private final Hierarchy hierarchy;
    /** Whether the field being added is declared in a subclass of the hierarchy's root (its column is nullable). */
    private boolean subclassField;
    /** Whether the class is part of a JOINED hierarchy: a table per class, whose key refers to the parent's. */
    private final boolean joined;

    private MappingBuilder(Class<?> type) {
        this.type = type;
        this.entity = type.getAnnotation(Entity.class);
        if (entity == null) {
            throw new MappingException(type, "is not annotated @Entity; annotate it, or map it as a record result with into(...)");
        }
        if (type.isRecord()) {
            throw new MappingException(type, "is a record; records are immutable and map as read-only result types "
                    + "(query with select(...).into(Record.class)); make the entity a class");
        }
        if (type.isInterface()) {
            throw new MappingException(type, "is an interface; annotate a concrete class @Entity");
        }
        if (Modifier.isAbstract(type.getModifiers()) && !type.isAnnotationPresent(dev.retort.orm.Inheritance.class)
                && Hierarchy.identityClass(type) == type) {
            throw new MappingException(type, "is abstract; annotate a concrete class @Entity (an abstract entity is the root or a "
                    + "class of a hierarchy, with @Inheritance)");
        }
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            throw new MappingException(type, "is an inner class; make it static (or top level) so Retort can create instances");
        }
        if (type.isAnonymousClass() || type.isLocalClass()) {
            throw new MappingException(type, "is a local or anonymous class; declare it as a top-level or static nested class");
        }
        this.naming = namingFor(type);
        this.hierarchy = Hierarchy.of(type).orElse(null);
        this.joined = hierarchy != null && hierarchy.strategy() == dev.retort.orm.InheritanceStrategy.JOINED;
        Class<?> tableOwner = hierarchy == null || joined ? type : hierarchy.root();
        Entity tableEntity = tableOwner.getAnnotation(Entity.class);
        this.tableName = tableEntity.table().isEmpty() ? namingFor(tableOwner).tableName(tableOwner) : tableEntity.table();
        this.table = Table.builder(tableName);
        if (!tableEntity.schema().isEmpty()) {
            table.schema(tableEntity.schema());
        }
    }

    static <E> EntityMapping<E> build(Class<E> type) {
        java.util.LinkedHashSet<Class<?>> building = BUILDING.get();
        if (!building.add(type)) {
            throw new MappingException(type, "is part of a cycle of mappings " + building.stream().map(Class::getSimpleName).toList()
                    + " that Retort cannot break (a reference to a class of a hierarchy whose mapping needs the referring class's); "
                    + "keep the column of one of the references plain (without @References or a relationship)");
        }
        try {
            return new MappingBuilder(type).build();
        } catch (MappingException e) {
            throw e;
        } catch (DefinitionException e) {
            throw new MappingException(type, e.getMessage());
        } finally {
            building.remove(type);
        }
    }

    @SuppressWarnings("unchecked")
    private <E> EntityMapping<E> build() {
        collectFields();
        for (Field f : fields) {
            isSubclassField(f);        // an @Id or @Version declared again below the root fails first
        }
        List<Field> idFields = fields.stream().filter(f -> f.isAnnotationPresent(Id.class)).toList();
        if (idFields.isEmpty()) {
            throw new MappingException(type, "has no id: its table needs a primary key. Annotate the key field with @Id "
                    + "(and @Generated for a database-generated key)");
        }
        IdClass idClassAnn = type.getAnnotation(IdClass.class);
        if (idFields.size() > 1 && idClassAnn == null) {
            throw new MappingException(type, "has " + idFields.size() + " @Id fields " + names(idFields)
                    + " but no composite key declared; add @IdClass(Key.class) with a record Key of those fields, or keep one @Id");
        }
        for (int i = 0; i < fields.size(); i++) {
            subclassField = isSubclassField(fields.get(i)) && !joined;
            addAttribute(fields.get(i), i);
        }
        subclassField = false;
        if (attributes.stream().filter(Attribute::isVersion).count() > 1) {
            throw new MappingException(type, "has more than one @Version field; keep one");
        }
        if (hierarchy != null) {
            addDiscriminator();
            if (type == hierarchy.root() && !joined) {
                addSubclassColumns();
            }
        }
        for (LateReference late : laterReferences) {
            late.declare(table);
        }
        for (String[] selfRef : selfReferences) {
            String idColumn = pending.stream().filter(p -> p.attribute.isId()).map(p -> p.name).findFirst().orElseThrow();
            if (pending.stream().filter(p -> p.attribute.isId()).count() != 1) {
                throw new MappingException(type, "field " + selfRef[0] + " is @References(" + type.getSimpleName()
                        + ".class) but " + type.getSimpleName() + " has a composite key; @References needs a single-column id");
            }
            table.foreignKey(List.of(selfRef[1]), joined ? rootTableName() : tableName, List.of(idColumn),
                    ForeignKeyOptions.defaults().onDelete(dev.retort.schema.ReferentialAction.valueOf(selfRef[2])));
        }
        Table t;
        Map<Class<?>, Table> tables = null;
        if (joined) {
            tables = type == hierarchy.root() ? null : EntityMapping.of(hierarchy.root()).polymorphism().tables();
            if (tables == null) {
                tableConstraints();
                tables = subclassTables(buildTable());
            }
            t = tables.get(type);
        } else if (hierarchy == null || type == hierarchy.root()) {
            tableConstraints();
            t = buildTable();
        } else {
            t = EntityMapping.of(hierarchy.root()).table();
        }
        Map<Table, List<MappedColumn>> keyCopies = new LinkedHashMap<>();
        // Bind the built table's columns to the mapped columns.
        List<MappedColumn> bound = new ArrayList<>();
        MappedColumn discriminator = null;
        List<MappedColumn> required = new ArrayList<>();
        for (PendingColumn c : hierarchy == null ? pending : joined ? inHierarchyOrder(tables) : inTableOrder(t)) {
            dev.retort.schema.Column<?> column = c.resolved != null ? c.resolved : t.column(c.name);
            if (c.foreign) {
                // A column of another class of the hierarchy: in the shared table, never written by this class.
                Attribute other = new Attribute(c.attribute.name(), c.attribute.javaType(), -1, null, false, false);
                MappedColumn m = new MappedColumn(column, other, c.component, bound.size(), c.keyCopy, false,
                        null, null, false, false, deferredGroupOf(c, column));
                other.add(m);
                bound.add(m);
                if (c.keyCopy) {
                    keyCopies.computeIfAbsent(column.table(), k -> new ArrayList<>()).add(m);
                }
                continue;
            }
            MappedColumn m = new MappedColumn(column, c.attribute, c.component, bound.size(), c.insertable, c.updatable,
                    c.insertDefault, c.onUpdate, c.fetchServerDefault, c.generated, c.deferredGroup);
            if (c.discriminator) {
                discriminator = m;
            }
            if (c.required) {
                required.add(m);
            }
            c.attribute.add(m);
            if (c.attribute.relationship() != null && c.attribute.relationship().owner() == type) {
                c.attribute.relationship().bind(m);       // an inherited one is bound to the same column position already
            }
            bound.add(m);
            if (c.attribute.isVersion()) {
                version = m;
            }
        }
        columns.addAll(bound);
        IdClassShape idShape = idClassAnn == null ? null : idClassShape(idClassAnn.value(), bound);
        EntityAccessor<E> accessor = (EntityAccessor<E>) findGeneratedAccessor();
        boolean generated = accessor != null;
        if (accessor == null) {
            accessor = new ReflectiveAccessor<>((Class<E>) type, fields);
        } else {
            accessor = reorder(accessor);
        }
        EntityMapping<E> mapping = new EntityMapping<>((Class<E>) type, t, attributes, columns, version, generation, idShape,
                entity.readOnly(), accessor, generated, callbacks(), validators(), relationships);
        if (hierarchy != null) {
            mapping.polymorphism(new Polymorphism(hierarchy, type, discriminator, required, tables, keyCopies, mapping.idColumns()));
        }
        return mapping;
    }

    // ---- hierarchies -------------------------------------------------------------------------

    /** The marker of the discriminator column among the column owners. */
    private static final String DISCRIMINATOR = "<discriminator>";

    private boolean isSubclassField(Field f) {
        Class<?> declaring = f.getDeclaringClass();
        if (hierarchy == null || declaring == hierarchy.root() || !hierarchy.root().isAssignableFrom(declaring)) {
            return false;
        }
        if (f.isAnnotationPresent(Id.class)) {
            throw new MappingException(declaring, "field " + f.getName() + " is @Id, but " + declaring.getSimpleName() + " extends the entity "
                    + hierarchy.root().getSimpleName() + ", whose id all classes of the hierarchy share; remove @Id (and the field) from "
                    + declaring.getSimpleName());
        }
        if (f.isAnnotationPresent(Version.class)) {
            throw new MappingException(declaring, "field " + f.getName() + " is @Version, but " + declaring.getSimpleName()
                    + " extends the entity " + hierarchy.root().getSimpleName() + "; declare the version on the root, where every class of the hierarchy has it");
        }
        return true;
    }

    /** The discriminator column: NOT NULL, written on INSERT with the class's value, never updated. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void addDiscriminator() {
        String name = hierarchy.discriminator();
        String owner = columnOwners.get(name);
        if (owner != null) {
            throw new MappingException(type, "field " + owner + " maps to column " + name + ", the discriminator column of the hierarchy of "
                    + hierarchy.root().getSimpleName() + "; give the field another column with @Column(name = ...), or the "
                    + "discriminator another name with @Inheritance(discriminator = ...)");
        }
        columnOwners.put(name, DISCRIMINATOR);
        Attribute a = new Attribute(DISCRIMINATOR, String.class, -1, null, false, false);
        PendingColumn p = new PendingColumn();
        p.name = name;
        p.attribute = a;
        p.component = -1;
        p.insertable = true;
        p.updatable = false;
        p.discriminator = true;
        p.type = dev.retort.types.SqlTypes.varchar(hierarchy.discriminatorLength());
        p.options = new ColumnOption[] {ColumnOptions.NOT_NULL};
        pending.add(p);
        table.column(name, (SqlType) p.type, p.options);
    }

    /** The root's table holds the columns of its subclasses' fields too (nullable), after its own. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void addSubclassColumns() {
        for (Class<?> sub : hierarchy.classes()) {
            if (sub == type) {
                continue;
            }
            if (sub.getDeclaredAnnotationsByType(dev.retort.orm.Unique.class).length > 0
                    || sub.getDeclaredAnnotationsByType(dev.retort.orm.Index.class).length > 0) {
                throw new MappingException(sub, "declares @Unique or @Index, but its rows are stored in the table of "
                        + type.getSimpleName() + " (SINGLE_TABLE); declare them on " + type.getSimpleName() + ", which may name "
                        + sub.getSimpleName() + "'s fields");
            }
            MappingBuilder definitions = new MappingBuilder(sub);
            definitions.collectFields();
            for (int i = 0; i < definitions.fields.size(); i++) {
                Field f = definitions.fields.get(i);
                if (f.getDeclaringClass() == sub) {
                    definitions.subclassField = definitions.isSubclassField(f);
                    definitions.addAttribute(f, i);
                }
            }
            for (PendingColumn p : definitions.pending) {
                String owner = columnOwners.put(p.name, sub.getSimpleName() + "." + pathOf(p));
                if (DISCRIMINATOR.equals(owner)) {
                    throw new MappingException(sub, "field " + pathOf(p) + " maps to column " + p.name + ", the discriminator column of the "
                            + "hierarchy of " + type.getSimpleName() + "; give the field another column with @Column(name = ...), or the "
                            + "discriminator another name with @Inheritance(discriminator = ...)");
                }
                if (owner != null) {
                    throw new MappingException(sub, "field " + pathOf(p) + " maps to column " + p.name + ", which " + owner
                            + " already uses in the shared table of " + type.getSimpleName() + "; give one of them another name with @Column(name = ...)");
                }
                p.foreign = true;
                pending.add(p);
                table.column(p.name, (SqlType) p.type, p.options);
            }
            selfReferences.addAll(definitions.selfReferences);
            laterReferences.addAll(definitions.laterReferences);
        }
    }

    /** This class's pending columns, and placeholders for the other classes' ones, in the shared table's order. */
    private List<PendingColumn> inTableOrder(Table t) {
        Map<String, PendingColumn> own = new HashMap<>();
        for (PendingColumn p : pending) {
            own.put(p.name, p);
        }
        List<PendingColumn> out = new ArrayList<>();
        for (dev.retort.schema.Column<?> c : t.columns()) {
            PendingColumn p = own.remove(c.name());
            if (p == null) {
                p = new PendingColumn();
                p.name = c.name();
                p.attribute = new Attribute(c.name(), c.type().javaType(), -1, null, false, false);
                p.component = -1;
                p.foreign = true;
            }
            out.add(p);
        }
        if (!own.isEmpty()) {
            throw new MappingException(type, "maps columns " + own.keySet() + " that the table of " + hierarchy.root().getSimpleName()
                    + " lacks; map the classes of a hierarchy with the same naming strategy");
        }
        return out;
    }

    /**
     * The relationship of a field an entity of the hierarchy above this class declares: the very
     * object of that class's mapping (same field index, same column position), so a loading option
     * or a collection treats the relationship alike for every class of the hierarchy.
     */
    private Relationship inheritedRelationship(Field f) {
        Class<?> declaring = f.getDeclaringClass();
        if (hierarchy == null || declaring == type || !hierarchy.classes().contains(declaring)) {
            return null;
        }
        return EntityMapping.of(declaring).relationship(f.getName());
    }

    // ---- joined tables ---------------------------------------------------------------------

    private String rootTableName() {
        Entity e = hierarchy.root().getAnnotation(Entity.class);
        return e.table().isEmpty() ? namingFor(hierarchy.root()).tableName(hierarchy.root()) : e.table();
    }

    /**
     * The root of a JOINED hierarchy builds every class's table: each subclass's holds its key (the
     * root's key columns, a foreign key to its parent's table, ON DELETE CASCADE) and the columns of
     * the fields it declares, NOT NULL as declared.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Map<Class<?>, Table> subclassTables(Table rootTable) {
        Map<Class<?>, Table> tables = new LinkedHashMap<>();
        tables.put(type, rootTable);
        List<PendingColumn> ids = pending.stream().filter(p -> p.attribute.isId()).toList();
        for (Class<?> sub : hierarchy.classes()) {
            if (sub == type) {
                continue;
            }
            if (sub.getDeclaredAnnotationsByType(dev.retort.orm.Unique.class).length > 0
                    || sub.getDeclaredAnnotationsByType(dev.retort.orm.Index.class).length > 0) {
                throw new MappingException(sub, "declares @Unique or @Index, which subclasses of a JOINED hierarchy cannot declare yet; "
                        + "declare a unique column with @Column(unique = true), or the constraint on the root " + type.getSimpleName());
            }
            MappingBuilder definitions = new MappingBuilder(sub);
            definitions.collectFields();
            for (int i = 0; i < definitions.fields.size(); i++) {
                Field f = definitions.fields.get(i);
                if (f.getDeclaringClass() == sub) {
                    definitions.isSubclassField(f);
                    definitions.addAttribute(f, i);
                }
            }
            Table parent = tables.get(sub.getSuperclass());
            Table.Builder b = Table.builder(definitions.tableName);
            Entity e = sub.getAnnotation(Entity.class);
            if (!e.schema().isEmpty()) {
                b.schema(e.schema());
            }
            for (PendingColumn id : ids) {
                b.column(id.name, (SqlType) id.type, ColumnOptions.PRIMARY_KEY, ColumnOptions.NOT_NULL, ColumnOptions.NO_AUTOINCREMENT,
                        ColumnOptions.references((dev.retort.schema.Column) parent.column(id.name), dev.retort.schema.ReferentialAction.CASCADE));
            }
            for (PendingColumn p : definitions.pending) {
                b.column(p.name, (SqlType) p.type, p.options);
            }
            for (LateReference late : definitions.laterReferences) {
                late.declare(b);
            }
            for (String[] selfRef : definitions.selfReferences) {
                b.foreignKey(List.of(selfRef[1]), tableName, List.of(ids.get(0).name),
                        ForeignKeyOptions.defaults().onDelete(dev.retort.schema.ReferentialAction.valueOf(selfRef[2])));
            }
            try {
                tables.put(sub, b.build());
            } catch (DefinitionException ex) {
                throw new MappingException(sub, ex.getMessage());
            }
            for (PendingColumn p : definitions.pending) {
                if (p.deferredGroup != null) {
                    deferredInTables.put(tables.get(sub).column(p.name), p.deferredGroup);
                }
            }
        }
        return java.util.Collections.unmodifiableMap(tables);
    }

    /**
     * This class's pending columns bound to the JOINED hierarchy's tables, in hierarchy order (the
     * same for every class): its own, the keys of its chain's subclass tables, and placeholders
     * for the other classes' columns.
     */
    private List<PendingColumn> inHierarchyOrder(Map<Class<?>, Table> tables) {
        Map<String, PendingColumn> own = new HashMap<>();
        for (PendingColumn p : pending) {
            own.put(ownerOf(p).getName() + "." + p.name, p);
        }
        List<PendingColumn> out = new ArrayList<>();
        for (Map.Entry<Class<?>, Table> e : tables.entrySet()) {
            Class<?> owner = e.getKey();
            Table t = e.getValue();
            boolean chain = owner.isAssignableFrom(type);
            for (dev.retort.schema.Column<?> c : t.columns()) {
                PendingColumn p = chain ? own.remove(owner.getName() + "." + c.name()) : null;
                if (p == null) {
                    p = new PendingColumn();
                    p.name = c.name();
                    p.attribute = new Attribute(c.name(), c.type().javaType(), -1, null, false, false);
                    p.component = -1;
                    p.foreign = true;
                    p.keyCopy = chain && owner != hierarchy.root() && c.isPrimaryKey();
                }
                p.resolved = c;
                out.add(p);
            }
        }
        if (!own.isEmpty()) {
            throw new MappingException(type, "maps columns " + own.keySet() + " that the tables of the hierarchy of "
                    + hierarchy.root().getSimpleName() + " lack; map the classes of a hierarchy with the same naming strategy");
        }
        return out;
    }

    /** The class whose JOINED table holds a pending column: the entity declaring its field (the root for a plain superclass's). */
    private Class<?> ownerOf(PendingColumn p) {
        if (p.discriminator || p.attribute.field() < 0) {
            return hierarchy.root();
        }
        Class<?> declaring = fields.get(p.attribute.field()).getDeclaringClass();
        return hierarchy.classes().contains(declaring) ? declaring : hierarchy.root();
    }

    private boolean inHierarchy(Class<?> target) {
        return target == type || (hierarchy != null && hierarchy.classes().contains(target));
    }

    // ---- fields ------------------------------------------------------------------------------

    private void collectFields() {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        Map<String, Field> seen = new HashMap<>();
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isAnnotationPresent(Transient.class) || f.isSynthetic()) {
                    continue;
                }
                if (Modifier.isFinal(mod)) {
                    throw new MappingException(type, "field " + f.getName() + " is final, so it cannot be loaded from a row; "
                            + "remove final, or mark it @Transient if it is not stored");
                }
                Field previous = seen.put(f.getName(), f);
                if (previous != null) {
                    throw new MappingException(type, "field " + f.getName() + " is declared in both " + previous.getDeclaringClass().getName()
                            + " and " + f.getDeclaringClass().getName() + "; rename one or mark it @Transient");
                }
                fields.add(f);
            }
        }
    }

    /** A column not yet bound to the built table. */
    private static final class PendingColumn {
        String name;
        Attribute attribute;
        int component;
        boolean insertable;
        boolean updatable;
        Supplier<?> insertDefault;
        Supplier<?> onUpdate;
        boolean fetchServerDefault;
        boolean generated;
        SqlType<?> type;
        @SuppressWarnings("rawtypes")
        ColumnOption[] options;
        /** Another class's column in a shared table. */
        boolean foreign;
        boolean discriminator;
        /** Declared not-null in a subclass, nullable in the shared table: checked at flush. */
        boolean required;
        /** The column itself, when it is not found by name in the mapping's table (JOINED). */
        dev.retort.schema.Column<?> resolved;
        /** A key column of a JOINED subclass table of the class's chain: holds the id, written on INSERT. */
        boolean keyCopy;
        /** The {@code @Deferred} group ("" for none) of a deferred column; {@code null} if it is loaded by default. */
        String deferredGroup;
    }

    /** The deferred columns of a JOINED hierarchy's subclass tables, recorded by the root's builder. */
    private final Map<dev.retort.schema.Column<?>, String> deferredInTables = new HashMap<>();

    /**
     * Whether another class's column of a hierarchy is deferred: known from its definition (the
     * root's builder of a single table), the subclass tables it built (JOINED), or the root's mapping.
     */
    private String deferredGroupOf(PendingColumn c, dev.retort.schema.Column<?> column) {
        if (c.deferredGroup != null || hierarchy == null) {
            return c.deferredGroup;
        }
        if (type == hierarchy.root()) {
            return deferredInTables.get(column);
        }
        for (MappedColumn m : EntityMapping.of(hierarchy.root()).columns()) {
            if (m.column() == column) {
                return m.deferredGroup();
            }
        }
        return null;
    }

    private final List<PendingColumn> pending = new ArrayList<>();
    /** {field, column, onDelete} of each {@code @References} to the entity itself. */
    private final List<String[]> selfReferences = new ArrayList<>();
    /** The references to entities whose mappings are being built (cycles), declared by name. */
    private final List<LateReference> laterReferences = new ArrayList<>();

    /**
     * The key of an entity whose mapping is being built, read from its annotations: the table and
     * key column names its builder gives them, and the key's SQL type.
     */
    private record TargetKey(String table, String schema, String column, SqlType<?> type) {
    }

    /**
     * A foreign key to an entity whose mapping is being built on this thread (the two refer to each
     * other, directly or through others). Its key {@code Column} does not exist yet, so the key is
     * declared by table and column names, and Core finds the table through the target's mapping
     * when the key is first used; Core's validation then checks the column and its type.
     */
    private record LateReference(String column, Class<?> target, TargetKey key, dev.retort.schema.ReferentialAction onDelete) {
        void declare(Table.Builder b) {
            Class<?> t = target;
            b.foreignKey(List.of(column), key.table(), List.of(key.column()),
                    ForeignKeyOptions.defaults().onDelete(onDelete).referredSchema(key.schema()),
                    () -> EntityMapping.of(t).idColumns().get(0).column().table());
        }
    }

    /** Whether the mapping of a class (or of its hierarchy) is being built on this thread: a reference to it closes a cycle. */
    private static boolean beingBuilt(Class<?> target) {
        java.util.Set<Class<?>> building = BUILDING.get();
        return building.contains(target) || building.contains(Hierarchy.identityClass(target));
    }

    /**
     * The key of an entity whose mapping is being built, from the annotations of the class that
     * holds its key (the root of its hierarchy), as its own builder names it.
     */
    private TargetKey keyOfBuilding(String what, Class<?> target, String need) {
        Class<?> owner = Hierarchy.identityClass(target);
        List<Field> ids = new ArrayList<>();
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field g : c.getDeclaredFields()) {
                if (g.isAnnotationPresent(Id.class) && !Modifier.isStatic(g.getModifiers())) {
                    ids.add(g);
                }
            }
        }
        if (ids.isEmpty()) {
            throw new MappingException(type, what + " refers to " + target.getSimpleName() + ", which has no @Id; "
                    + "annotate its key field with @Id");
        }
        if (ids.size() != 1 || owner.isAnnotationPresent(IdClass.class)) {
            throw new MappingException(type, what + " refers to " + target.getSimpleName() + ", which has a composite key; " + need);
        }
        Field id = ids.get(0);
        if (id.isAnnotationPresent(ManyToOne.class)) {
            throw new MappingException(type, what + " refers to " + target.getSimpleName() + ", whose key is a reference ("
                    + id.getName() + ", @Id @ManyToOne) to an entity that refers back to it; keys made of references cannot "
                    + "be part of a cycle of mappings: give " + target.getSimpleName() + " a key of its own, or keep one of the "
                    + "references a plain column");
        }
        Entity e = owner.getAnnotation(Entity.class);
        NamingStrategy n = namingFor(owner);
        dev.retort.orm.Column col = id.getAnnotation(dev.retort.orm.Column.class);
        String column = col != null && !col.name().isEmpty() ? col.name() : n.columnName(id.getName());
        return new TargetKey(e.table().isEmpty() ? n.tableName(owner) : e.table(), e.schema().isEmpty() ? null : e.schema(),
                column, TypeResolver.resolve(owner, id, "field " + id.getName(), id.getType()));
    }

    private final List<Relationship> relationships = new ArrayList<>();

    private void addAttribute(Field f, int index) {
        dev.retort.orm.Deferred deferred = f.getAnnotation(dev.retort.orm.Deferred.class);
        if (deferred != null) {
            checkDeferrable(f);
        }
        int before = pending.size();
        addColumnsOf(f, index);
        if (deferred != null) {
            for (PendingColumn p : pending.subList(before, pending.size())) {
                p.deferredGroup = deferred.group();
            }
        }
    }

    /** An id, a version or a relationship always loads: deferring one is a mapping error. */
    private void checkDeferrable(Field f) {
        String why = f.isAnnotationPresent(Id.class) ? "is the @Id, which identifies the object and always loads"
                : f.isAnnotationPresent(Version.class) ? "is the @Version, which every UPDATE checks and always loads"
                : f.isAnnotationPresent(OneToMany.class) || f.isAnnotationPresent(ManyToOne.class) || f.isAnnotationPresent(ManyToMany.class)
                ? "is a relationship, which loads by its own strategy" : null;
        if (why != null) {
            throw new MappingException(type, "field " + f.getName() + " is @Deferred but " + why + "; remove @Deferred"
                    + (why.contains("relationship") ? " and choose the loading with load = ... or a query option (noLoad, lazyLoad)" : ""));
        }
    }

    private void addColumnsOf(Field f, int index) {
        if (f.isAnnotationPresent(OneToMany.class)) {
            addOneToMany(f, index, f.getAnnotation(OneToMany.class));
            return;
        }
        if (f.isAnnotationPresent(ManyToOne.class)) {
            ManyToOne ann = f.getAnnotation(ManyToOne.class);
            addReference(f, index, "@ManyToOne", Relationship.Kind.MANY_TO_ONE, ann.column(), ann.optional(), ann.load(),
                    ann.onDelete(), ann.cascade(), ann.postUpdate());
            return;
        }
        if (f.isAnnotationPresent(OneToOne.class)) {
            addOneToOne(f, index, f.getAnnotation(OneToOne.class));
            return;
        }
        if (f.isAnnotationPresent(ManyToMany.class)) {
            addManyToMany(f, index, f.getAnnotation(ManyToMany.class));
            return;
        }
        if (f.getType() == dev.retort.orm.Ref.class) {
            throw new MappingException(type, "field " + f.getName() + " is a Ref but not a reference: annotate it @ManyToOne "
                    + "(or @OneToOne, on the side that holds the foreign key), or mark it @Transient");
        }
        boolean isId = f.isAnnotationPresent(Id.class);
        boolean isVersion = f.isAnnotationPresent(Version.class);
        dev.retort.orm.Column col = f.getAnnotation(dev.retort.orm.Column.class);
        String columnName = col != null && !col.name().isEmpty() ? col.name() : naming.columnName(f.getName());
        Embedded embedded = f.getAnnotation(Embedded.class);
        if (embedded != null) {
            if (isId || isVersion) {
                throw new MappingException(type, "field " + f.getName() + " is @Embedded and cannot be an @Id or @Version; "
                        + "declare a composite key with several @Id fields and @IdClass");
            }
            EmbeddedType emb = new EmbeddedType(type, f.getName(), f.getType());
            Attribute a = new Attribute(f.getName(), f.getType(), index, emb, false, false);
            attributes.add(a);
            String prefix = embedded.prefix().isEmpty() ? columnName + "_" : embedded.prefix();
            for (int i = 0; i < emb.componentNames().size(); i++) {
                AnnotatedElement part = emb.componentElements().get(i);
                String what = "component " + emb.componentNames().get(i) + " of field " + f.getName();
                if (part.isAnnotationPresent(Embedded.class)) {
                    throw new MappingException(type, what + " is itself @Embedded; embedded values do not nest: flatten it");
                }
                if (emb.componentTypes().get(i) == dev.retort.orm.Ref.class) {
                    throw new MappingException(type, what + " is a Ref; an embedded value holds columns, not relationships: "
                            + "declare the reference in " + type.getSimpleName() + " itself (@ManyToOne Ref<...> " + emb.componentNames().get(i) + ")");
                }
                if (emb.componentTypes().get(i).isPrimitive()) {
                    throw new MappingException(type, what + " is a " + emb.componentTypes().get(i) + "; a null " + f.getName()
                            + " stores NULL in every column, so embedded components need wrapper types ("
                            + Primitives.box(emb.componentTypes().get(i)).getSimpleName() + ")");
                }
                dev.retort.orm.Column pc = part.getAnnotation(dev.retort.orm.Column.class);
                String name = pc != null && !pc.name().isEmpty() ? pc.name() : prefix + naming.columnName(emb.componentNames().get(i));
                SqlType<?> sqlType = TypeResolver.resolve(type, part, what, emb.componentTypes().get(i));
                column(a, i, name, what, sqlType, pc, false, false, null);
            }
            return;
        }
        String what = "field " + f.getName();
        if (isVersion && !(f.getType() == int.class || f.getType() == long.class || f.getType() == Integer.class
                || f.getType() == Long.class)) {
            throw new MappingException(type, "@Version field " + f.getName() + " is a " + f.getType().getName()
                    + "; a version is an int, long, Integer or Long");
        }
        Attribute a = new Attribute(f.getName(), f.getType(), index, null, isId, isVersion);
        attributes.add(a);
        SqlType<?> sqlType = TypeResolver.resolve(type, f, what, f.getType());
        Generated gen = f.getAnnotation(Generated.class);
        if (gen != null) {
            checkGenerated(f, gen, isId);
        }
        column(a, -1, columnName, what, sqlType, col, f.getType().isPrimitive() || isId, isId, gen);
    }

    private void addOneToMany(Field f, int index, OneToMany ann) {
        Class<?> raw = f.getType();
        boolean isSet = raw == java.util.Set.class;
        boolean isMap = raw == java.util.Map.class;
        if (isMap != !ann.mapKey().isEmpty()) {
            throw new MappingException(type, "@OneToMany field " + f.getName() + (isMap
                    ? " is a Map but names no mapKey; say which element field keys it: @OneToMany(mappedBy = ..., mapKey = \"field\")"
                    : " names mapKey \"" + ann.mapKey() + "\" but is a " + raw.getSimpleName() + "; declare it as a java.util.Map"));
        }
        if (raw != java.util.List.class && !isSet && !isMap && raw != java.util.Collection.class) {
            throw new MappingException(type, "@OneToMany field " + f.getName() + " is a " + raw.getSimpleName()
                    + "; declare it as a java.util.List, a java.util.Set, or a java.util.Map with mapKey");
        }
        Class<?> element = isMap ? typeArgument(f, 1) : elementType(f);
        if (!element.isAnnotationPresent(Entity.class)) {
            throw new MappingException(type, "@OneToMany field " + f.getName() + " holds " + element.getName()
                    + ", which is not an @Entity; a one-to-many holds objects of an entity");
        }
        if (ann.load() == dev.retort.orm.Load.JOINED) {
            throw new MappingException(type, "@OneToMany field " + f.getName() + " cannot default to Load.JOINED; "
                    + "use SELECT_IN (one more query for all owners), or joinedLoad(...) on one query");
        }
        Relationship inherited = inheritedRelationship(f);
        Relationship r = inherited != null ? inherited : new Relationship(type, f.getName(), index, Relationship.Kind.ONE_TO_MANY,
                element, ann.load(), ann.cascade(), ann.mappedBy(), isSet, ann.orderBy(), ann.passiveDeletes(), true);
        if (isMap && inherited == null) {
            r.keyBy(ann.mapKey(), typeArgument(f, 0));
        }
        relationships.add(r);
    }

    /** A Map field's key (0) or value (1) type. */
    private Class<?> typeArgument(Field f, int i) {
        if (f.getGenericType() instanceof java.lang.reflect.ParameterizedType pt
                && pt.getActualTypeArguments()[i] instanceof Class<?> c) {
            return c;
        }
        throw new MappingException(type, "@OneToMany field " + f.getName() + " has no key and value types; declare it as Map<Key, Entity>");
    }

    private void addManyToMany(Field f, int index, ManyToMany ann) {
        Class<?> raw = f.getType();
        boolean isSet = raw == java.util.Set.class;
        if (raw != java.util.List.class && !isSet && raw != java.util.Collection.class) {
            throw new MappingException(type, "@ManyToMany field " + f.getName() + " is a " + raw.getSimpleName()
                    + "; declare it as a java.util.List or java.util.Set");
        }
        Class<?> element = elementType(f);
        if (!element.isAnnotationPresent(Entity.class)) {
            throw new MappingException(type, "@ManyToMany field " + f.getName() + " holds " + element.getName()
                    + ", which is not an @Entity");
        }
        if (ann.load() == dev.retort.orm.Load.JOINED) {
            throw new MappingException(type, "@ManyToMany field " + f.getName() + " cannot default to Load.JOINED; "
                    + "use SELECT_IN (one more query for all owners), or joinedLoad(...) on one query");
        }
        for (dev.retort.orm.Cascade c : ann.cascade()) {
            if (c == dev.retort.orm.Cascade.DELETE || c == dev.retort.orm.Cascade.DELETE_ORPHAN) {
                throw new MappingException(type, "@ManyToMany field " + f.getName() + " cascades " + c + "; related objects of a "
                        + "many-to-many are shared, so only their association rows are deleted. Remove " + c);
            }
        }
        if (!ann.mappedBy().isEmpty() && (!ann.table().isEmpty() || !ann.joinColumn().isEmpty() || !ann.inverseJoinColumn().isEmpty())) {
            throw new MappingException(type, "@ManyToMany field " + f.getName() + " is mappedBy \"" + ann.mappedBy()
                    + "\" and names its table or columns too; the owning side (" + element.getSimpleName() + "." + ann.mappedBy()
                    + ") names them");
        }
        Relationship inherited = inheritedRelationship(f);
        relationships.add(inherited != null ? inherited : new Relationship(type, f.getName(), index, Relationship.Kind.MANY_TO_MANY,
                element, ann.load(), ann.cascade(), ann.mappedBy(), isSet, "", false, true, ann.table(), ann.joinColumn(),
                ann.inverseJoinColumn()));
    }

    private Class<?> elementType(Field f) {
        if (f.getGenericType() instanceof java.lang.reflect.ParameterizedType pt
                && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new MappingException(type, "@OneToMany field " + f.getName() + " has no element type; declare it as List<Entity>");
    }

    private void addOneToOne(Field f, int index, OneToOne ann) {
        if (f.getType() == dev.retort.orm.Ref.class && !ann.mappedBy().isEmpty()) {
            throw new MappingException(type, "@OneToOne field " + f.getName() + " is mappedBy \"" + ann.mappedBy() + "\" and a Ref; "
                    + "only the side that holds the foreign key can be a Ref (its key is in this row, the other side's is not): "
                    + "declare this side as the entity itself (it loads SELECT_IN or JOINED), or move the foreign key here");
        }
        Class<?> target = referencedType(f, "@OneToOne");
        if (java.util.Collection.class.isAssignableFrom(target) || java.util.Map.class.isAssignableFrom(target)) {
            throw new MappingException(type, "@OneToOne field " + f.getName() + " is a " + target.getSimpleName()
                    + "; a one-to-one holds one object: declare the field as the entity, or map a collection with @OneToMany");
        }
        if (ann.mappedBy().isEmpty()) {
            owningSidesPointingBack(f, target);
            addReference(f, index, "@OneToOne", Relationship.Kind.ONE_TO_ONE, ann.column(), ann.optional(), ann.load(),
                    ann.onDelete(), ann.cascade(), false);
            return;
        }
        if (!target.isAnnotationPresent(Entity.class)) {
            throw new MappingException(type, "@OneToOne field " + f.getName() + " is a " + target.getName()
                    + ", which is not an @Entity; a one-to-one refers to an object of an entity");
        }
        checkPlainFieldLoad(f, "@OneToOne", ann.load() == dev.retort.orm.Load.DEFAULT ? dev.retort.orm.Load.SELECT_IN : ann.load());
        if (!ann.column().isEmpty() || !ann.optional() || ann.onDelete() != dev.retort.schema.ReferentialAction.NO_ACTION) {
            throw new MappingException(type, "@OneToOne field " + f.getName() + " is mappedBy \"" + ann.mappedBy()
                    + "\" and sets column, optional or onDelete, which belong to the owning side (" + target.getSimpleName()
                    + "." + ann.mappedBy() + "), whose table holds the foreign key; set them there");
        }
        if (f.isAnnotationPresent(Id.class)) {
            throw new MappingException(type, "@OneToOne field " + f.getName() + " cannot be an @Id; keep the key column as a plain @Id field");
        }
        Relationship inherited = inheritedRelationship(f);
        relationships.add(inherited != null ? inherited : new Relationship(type, f.getName(), index, Relationship.Kind.ONE_TO_ONE,
                target, ann.load(), ann.cascade(), ann.mappedBy(), false, "", false, true));
    }

    /** Two owning one-to-ones of two entities pointing at each other would be two foreign keys in a cycle: refused. */
    private void owningSidesPointingBack(Field f, Class<?> target) {
        if (inHierarchy(target)) {
            return;
        }
        for (Class<?> c = target; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field g : c.getDeclaredFields()) {
                OneToOne other = g.getAnnotation(OneToOne.class);
                Class<?> points = g.getType() == dev.retort.orm.Ref.class && g.getGenericType() instanceof java.lang.reflect.ParameterizedType pt
                        && pt.getActualTypeArguments()[0] instanceof Class<?> arg ? arg : g.getType();
                if (other != null && other.mappedBy().isEmpty() && points.isAssignableFrom(type)) {
                    throw new MappingException(type, "@OneToOne field " + f.getName() + " and " + c.getSimpleName() + "." + g.getName()
                            + " both own a one-to-one between " + type.getSimpleName() + " and " + target.getSimpleName()
                            + " (two foreign keys pointing at each other); keep the foreign key on one side and map the other "
                            + "with @OneToOne(mappedBy = \"" + f.getName() + "\") on " + c.getSimpleName() + "." + g.getName());
                }
            }
        }
    }

    private void checkPlainFieldLoad(Field f, String annotation, dev.retort.orm.Load load) {
        if (load != dev.retort.orm.Load.SELECT_IN && load != dev.retort.orm.Load.JOINED && load != dev.retort.orm.Load.NO_LOAD) {
            throw new MappingException(type, annotation + " field " + f.getName() + " cannot be loaded " + load
                    + ": a plain field cannot load on access. Use SELECT_IN, JOINED or NO_LOAD"
                    + (f.getAnnotation(OneToOne.class) != null && !f.getAnnotation(OneToOne.class).mappedBy().isEmpty() ? ""
                    : ", or declare the field as a Ref<" + f.getType().getSimpleName() + ">, which loads on get()"));
        }
    }

    /**
     * The entity a reference field refers to: its type, or for a {@code Ref<Customer>} field the
     * type argument.
     */
    private Class<?> referencedType(Field f, String annotation) {
        if (f.getType() != dev.retort.orm.Ref.class) {
            return f.getType();
        }
        if (f.getGenericType() instanceof java.lang.reflect.ParameterizedType pt
                && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new MappingException(type, annotation + " field " + f.getName() + " is a " + (f.getGenericType() instanceof Class<?>
                ? "raw Ref" : f.getGenericType().getTypeName()) + "; say which entity it refers to: Ref<Customer>");
    }

    private void addReference(Field f, int index, String annotation, Relationship.Kind kind, String column, boolean optional,
                              dev.retort.orm.Load load, dev.retort.schema.ReferentialAction onDelete, dev.retort.orm.Cascade[] cascade,
                              boolean postUpdate) {
        Class<?> target = referencedType(f, annotation);
        boolean isRef = f.getType() == dev.retort.orm.Ref.class;
        if (!target.isAnnotationPresent(Entity.class)) {
            throw new MappingException(type, annotation + " field " + f.getName() + " is a " + (isRef ? "Ref<" + target.getName() + ">"
                    : target.getName()) + ", which is not an @Entity; " + (kind == Relationship.Kind.ONE_TO_ONE ? "a one-to-one" : "a many-to-one")
                    + " refers to an object of an entity");
        }
        if (load == dev.retort.orm.Load.DEFAULT) {
            load = isRef ? dev.retort.orm.Load.LAZY : dev.retort.orm.Load.SELECT_IN;
        }
        if (!isRef) {
            checkPlainFieldLoad(f, annotation, load);
        }
        boolean isId = f.isAnnotationPresent(Id.class);
        if (isId) {
            if (isRef) {
                throw new MappingException(type, annotation + " field " + f.getName() + " is a Ref and an @Id; a key must be "
                        + "known without loading: declare the field as the entity itself (@Id @ManyToOne " + target.getSimpleName()
                        + " " + f.getName() + ")");
            }
            checkReferenceKey(f, annotation, kind);
        }
        String name = column.isEmpty() ? naming.columnName(f.getName() + "Id") : column;
        Attribute a = new Attribute(f.getName(), target, index, null, isId, false);
        Relationship inherited = inheritedRelationship(f);
        Relationship r = inherited != null ? inherited : new Relationship(type, f.getName(), index, kind,
                target, load, cascade, "", false, "", false, optional);
        if (isRef && inherited == null) {
            r.markRef();
        }
        a.relationship(r);
        attributes.add(a);
        relationships.add(r);
        if (postUpdate && inherited == null) {
            if (!optional) {
                throw new MappingException(type, annotation + " field " + f.getName() + " has postUpdate = true but optional = false; "
                        + "a post-update reference is NULL until the UPDATE after the INSERTs, so its column must take NULL");
            }
            r.markPostUpdate();
        }
        SqlType<?> keyType;
        if (inHierarchy(target)) {
            if (isId) {
                throw new MappingException(type, annotation + " field " + f.getName() + " is an @Id referring to "
                        + target.getSimpleName() + ", in the same entity hierarchy; a row's key cannot be another row of its "
                        + "own table: give the entity a key of its own and keep the reference a plain " + annotation);
            }
            Field id = fields.stream().filter(x -> x.isAnnotationPresent(Id.class)).findFirst().orElseThrow(() ->
                    new MappingException(type, "has no id: its table needs a primary key. Annotate the key field with @Id"));
            keyType = TypeResolver.resolve(type, id, "field " + id.getName(), id.getType());
            selfReferences.add(new String[] {f.getName(), name, onDelete.name()});
        } else if (beingBuilt(target)) {
            // The target refers back to this class: its key Column does not exist yet, so refer by name.
            TargetKey key = keyOfBuilding("field " + f.getName(), target, "references need a single-column id");
            keyType = key.type();
            laterReferences.add(new LateReference(name, target, key, onDelete));
        } else {
            keyType = targetMapping(f, target).idColumns().get(0).column().type();
        }
        column(a, -1, name, "field " + f.getName(), keyType, null, !optional || isId, isId, null);
    }

    /**
     * Checks a reference that is (part of) the entity's key: an association object keyed by the
     * objects it joins, or a row that shares its key with the row it extends.
     */
    private void checkReferenceKey(Field f, String annotation, Relationship.Kind kind) {
        if (kind == Relationship.Kind.ONE_TO_ONE) {
            throw new MappingException(type, annotation + " field " + f.getName() + " cannot be an @Id; for a row that shares "
                    + "its key with the row it extends, declare the field @Id @ManyToOne (the key makes it one-to-one)");
        }
        ManyToOne many = f.getAnnotation(ManyToOne.class);
        if (many.postUpdate()) {
            throw new MappingException(type, annotation + " field " + f.getName() + " is an @Id and has postUpdate = true; "
                    + "a key column is written with its row, never NULL: remove postUpdate");
        }
        if (many.onDelete() == dev.retort.schema.ReferentialAction.SET_NULL
                || many.onDelete() == dev.retort.schema.ReferentialAction.SET_DEFAULT) {
            throw new MappingException(type, annotation + " field " + f.getName() + " is an @Id with onDelete = "
                    + many.onDelete() + ", which would change the key of a row; use CASCADE or leave the default");
        }
    }

    private EntityMapping<?> targetMapping(Field f, Class<?> target) {
        EntityMapping<?> t;
        try {
            t = EntityMapping.of(target);
        } catch (MappingException e) {
            if (e.getMessage().contains("cycle of mappings")) {
                throw e;
            }
            throw new MappingException(type, "field " + f.getName() + " refers to " + target.getSimpleName()
                    + ", whose mapping is wrong: " + e.getMessage());
        }
        if (t.idColumns().size() != 1) {
            throw new MappingException(type, "field " + f.getName() + " refers to " + target.getSimpleName()
                    + ", which has a composite key; references need a single-column id");
        }
        return t;
    }

    private void checkGenerated(Field f, Generated gen, boolean isId) {
        if (!isId) {
            throw new MappingException(type, "field " + f.getName() + " is @Generated but not @Id; only keys are generated "
                    + "(use @Column(serverDefault = ...) for other database defaults)");
        }
        if (type.isAnnotationPresent(IdClass.class)) {
            throw new MappingException(type, "field " + f.getName() + " is @Generated in a composite key; a generated key must be the only @Id");
        }
        Class<?> t = f.getType();
        boolean integral = t == long.class || t == Long.class || t == int.class || t == Integer.class;
        if (gen.strategy() == GenerationStrategy.UUID) {
            if (t != UUID.class && t != String.class) {
                throw new MappingException(type, "field " + f.getName() + " is @Generated(strategy = UUID) but is a " + t.getName()
                        + "; make it a java.util.UUID or a String");
            }
        } else if (!integral) {
            throw new MappingException(type, "field " + f.getName() + " is @Generated(strategy = " + gen.strategy() + ") but is a "
                    + t.getName() + "; database-generated keys are Long, Integer, long or int");
        } else if (t.isPrimitive()) {
            LOG.log(System.Logger.Level.DEBUG, "{0}.{1}: a primitive generated key reads 0 as \"not assigned yet\"", type.getName(), f.getName());
        }
        generation = gen.strategy();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void column(Attribute a, int component, String name, String what, SqlType<?> sqlType, dev.retort.orm.Column col,
                        boolean notNull, boolean isId, Generated gen) {
        String owner = columnOwners.put(name, a.name() + (component < 0 ? "" : "." + a.embedded().componentNames().get(component)));
        if (DISCRIMINATOR.equals(owner)) {
            throw new MappingException(type, what + " maps to column " + name + ", the discriminator column of the hierarchy of "
                    + hierarchy.root().getSimpleName() + "; give the field another column with @Column(name = ...), or the "
                    + "discriminator another name with @Inheritance(discriminator = ...)");
        }
        if (owner != null) {
            throw new MappingException(type, what + " maps to column " + name + ", which " + owner
                    + " already uses; give one of them another name with @Column(name = ...)");
        }
        List<ColumnOption> options = new ArrayList<>();
        if (isId) {
            options.add(ColumnOptions.PRIMARY_KEY);
        }
        boolean required = false;
        if (notNull || (col != null && !col.nullable())) {
            if (subclassField) {
                required = !a.javaType().isPrimitive();   // NULL for the other classes' rows; checked at flush
            } else {
                options.add(ColumnOptions.NOT_NULL);
            }
        }
        if ((col != null && col.unique()) || (a.relationship() != null && a.relationship().kind() == Relationship.Kind.ONE_TO_ONE)) {
            options.add(ColumnOptions.UNIQUE);             // an owning one-to-one: one row per referenced object
        }
        if (col != null && !col.serverDefault().isEmpty()) {
            options.add(ColumnOptions.serverDefault(col.serverDefault()));
        }
        boolean generatedByDb = false;
        if (gen != null && gen.strategy() == GenerationStrategy.IDENTITY) {
            options.add(ColumnOptions.AUTOINCREMENT);
            generatedByDb = true;
        } else if (gen != null && gen.strategy() == GenerationStrategy.SEQUENCE) {
            String seq = gen.sequence().isEmpty() ? tableName + "_" + name + "_seq" : gen.sequence();
            options.add(ColumnOptions.sequence(new Sequence(entity.schema().isEmpty() ? null : entity.schema(), seq, 1, 1)));
            generatedByDb = true;
        } else if (isId && gen == null) {
            options.add(ColumnOptions.NO_AUTOINCREMENT);
        }
        Relationship rel = a.relationship();
        if (rel != null && !inHierarchy(rel.targetType()) && !declaredLater(name)) {
            dev.retort.schema.Column key = EntityMapping.of(rel.targetType()).idColumns().get(0).column();
            ManyToOne many = fieldOf(a).getAnnotation(ManyToOne.class);
            options.add(ColumnOptions.references(key, many != null ? many.onDelete() : fieldOf(a).getAnnotation(OneToOne.class).onDelete()));
        }
        References ref = component < 0 ? fieldOf(a).getAnnotation(References.class) : null;
        if (ref != null) {
            if (inHierarchy(ref.value())) {
                selfReferences.add(new String[] {a.name(), name, ref.onDelete().name()});
            } else if (beingBuilt(ref.value())) {
                TargetKey key = keyOfBuilding("field " + a.name() + " (@References(" + ref.value().getSimpleName() + ".class))",
                        ref.value(), "@References needs a single-column id");
                checkReferencedType(a, ref, sqlType, key.type());
                laterReferences.add(new LateReference(name, ref.value(), key, ref.onDelete()));
            } else {
                options.add(reference(a, ref, sqlType));
            }
        }
        PendingColumn p = new PendingColumn();
        p.name = name;
        p.attribute = a;
        p.component = component;
        p.insertable = (col == null || col.insertable()) && !generatedByDb;
        p.updatable = (col == null || col.updatable()) && !isId;
        p.insertDefault = supplier(what, col == null ? Supplier.class : col.insertDefault());
        p.onUpdate = supplier(what, col == null ? Supplier.class : col.onUpdate());
        p.fetchServerDefault = col != null && col.fetchServerDefault();
        if (p.fetchServerDefault && col.serverDefault().isEmpty()) {
            throw new MappingException(type, what + " has fetchServerDefault = true but no serverDefault; give the DEFAULT expression");
        }
        p.generated = generatedByDb;
        p.type = sqlType;
        p.options = options.toArray(new ColumnOption[0]);
        p.required = required;
        pending.add(p);
        table.column(name, (SqlType) sqlType, p.options);
    }

    private Field fieldOf(Attribute a) {
        return fields.get(a.field());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ColumnOption reference(Attribute a, References ref, SqlType<?> sqlType) {
        EntityMapping<?> target;
        try {
            target = EntityMapping.of(ref.value());
        } catch (MappingException e) {
            if (e.getMessage().contains("cycle of mappings")) {
                throw e;
            }
            throw new MappingException(type, "field " + a.name() + " is @References(" + ref.value().getSimpleName()
                    + ".class), whose mapping is wrong: " + e.getMessage());
        }
        if (target.idColumns().size() != 1) {
            throw new MappingException(type, "field " + a.name() + " is @References(" + ref.value().getSimpleName()
                    + ".class), which has a composite key; @References needs a single-column id");
        }
        dev.retort.schema.Column<?> key = target.idColumns().get(0).column();
        checkReferencedType(a, ref, sqlType, key.type());
        return ColumnOptions.references((dev.retort.schema.Column) key, ref.onDelete());
    }

    private void checkReferencedType(Attribute a, References ref, SqlType<?> sqlType, SqlType<?> keyType) {
        if (!keyType.javaType().equals(sqlType.javaType())) {
            throw new MappingException(type, "field " + a.name() + " holds " + sqlType.javaType().getSimpleName() + " but the id of "
                    + ref.value().getSimpleName() + " is " + keyType.javaType().getSimpleName() + "; give them the same type");
        }
    }

    /** Whether a column's foreign key goes to an entity being built, declared by name after the columns. */
    private boolean declaredLater(String column) {
        for (LateReference l : laterReferences) {
            if (l.column().equals(column)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("rawtypes")
    private Supplier<?> supplier(String what, Class<? extends Supplier> cls) {
        if (cls == Supplier.class) {
            return null;
        }
        try {
            var ctor = cls.getDeclaredConstructor();
            ctor.setAccessible(true);
            return ctor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MappingException(type, what + ": cannot make " + cls.getName() + " (" + e
                    + "); give the supplier a no-argument constructor");
        }
    }

    /** The {@code @Unique} and {@code @Index} annotations of the class, by field names. */
    private void tableConstraints() {
        for (dev.retort.orm.Unique u : type.getAnnotationsByType(dev.retort.orm.Unique.class)) {
            String[] cols = columnsOf("@Unique", u.fields());
            String name = u.name().isEmpty() ? null : u.name();
            if (u.deferrable()) {
                table.uniqueDeferrable(name, true, cols);
            } else {
                table.unique(name, cols);
            }
        }
        for (dev.retort.orm.Index ix : type.getAnnotationsByType(dev.retort.orm.Index.class)) {
            table.index(ix.name().isEmpty() ? null : ix.name(), ix.unique(), columnsOf("@Index", ix.fields()));
        }
    }

    private String[] columnsOf(String what, String[] paths) {
        if (paths.length == 0) {
            throw new MappingException(type, what + " names no fields; list the fields it covers");
        }
        String[] out = new String[paths.length];
        for (int i = 0; i < paths.length; i++) {
            String path = paths[i];
            out[i] = pending.stream().filter(p -> pathOf(p).equals(path)).map(p -> p.name).findFirst().orElseThrow(() ->
                    new MappingException(type, what + " names " + path + ", which is no mapped field; the fields are "
                            + pending.stream().map(MappingBuilder::pathOf).toList()));
        }
        return out;
    }

    private static String pathOf(PendingColumn p) {
        return p.component < 0 ? p.attribute.name() : p.attribute.name() + "." + p.attribute.embedded().componentNames().get(p.component);
    }

    private Table buildTable() {
        return table.build();
    }

    // ---- composite keys ----------------------------------------------------------------------

    private IdClassShape idClassShape(Class<? extends Record> key, List<MappedColumn> bound) {
        List<MappedColumn> ids = bound.stream().filter(c -> c.attribute().isId()).toList();
        RecordComponent[] comps = key.getRecordComponents();
        if (comps == null) {
            throw new MappingException(type, "@IdClass(" + key.getName() + ") is not a record; declare the key as a record of the @Id fields");
        }
        List<String> idNames = ids.stream().map(c -> c.attribute().name()).toList();
        List<String> compNames = java.util.Arrays.stream(comps).map(RecordComponent::getName).toList();
        if (!new java.util.HashSet<>(idNames).equals(new java.util.HashSet<>(compNames)) || idNames.size() != compNames.size()) {
            throw new MappingException(type, "@IdClass(" + key.getSimpleName() + ") has components " + compNames
                    + " but the @Id fields are " + idNames + "; give the record exactly the @Id fields' names");
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(key, MethodHandles.lookup());
            MethodHandle[] getters = new MethodHandle[ids.size()];
            int[] columnOfComponent = new int[comps.length];
            Class<?>[] params = new Class<?>[comps.length];
            for (int i = 0; i < comps.length; i++) {
                int col = idNames.indexOf(comps[i].getName());
                Attribute idField = ids.get(col).attribute();
                boolean reference = idField.relationship() != null;      // holds the referenced object's key
                Class<?> expected = reference ? ids.get(col).column().type().javaType() : Primitives.box(idField.javaType());
                if (!Primitives.box(comps[i].getType()).equals(expected)) {
                    throw new MappingException(type, "@IdClass(" + key.getSimpleName() + ") component " + comps[i].getName() + " is a "
                            + comps[i].getType().getName() + " but " + (reference ? "the key of " + idField.javaType().getSimpleName()
                            + ", which the @Id field refers to," : "the @Id field") + " is a " + expected.getName()
                            + "; make them the same type");
                }
                columnOfComponent[i] = col;
                getters[col] = lookup.unreflect(comps[i].getAccessor());
                params[i] = comps[i].getType();
            }
            MethodHandle ctor = lookup.findConstructor(key, MethodType.methodType(void.class, params));
            return new IdClassShape(key, getters, columnOfComponent, ctor);
        } catch (IllegalAccessException | NoSuchMethodException e) {
            throw new MappingException(type, "cannot reach @IdClass(" + key.getName() + ") (" + e + "); make it accessible");
        }
    }

    // ---- accessors ---------------------------------------------------------------------------

    /** The name of the generated metamodel class: {@code User_}, or {@code Outer_User_} for a nested class. */
    static String metamodelName(Class<?> type) {
        String pkg = type.getPackageName();
        String flat = type.getName().substring(pkg.isEmpty() ? 0 : pkg.length() + 1).replace('$', '_');
        return (pkg.isEmpty() ? "" : pkg + ".") + flat + "_";
    }

    /**
     * Set to {@code true} to ignore generated accessors and reach fields through VarHandles (to
     * measure the difference, or to rule the generated code out when troubleshooting).
     */
    static final String REFLECTIVE_ACCESSORS = "retort.orm.reflectiveAccessors";

    private EntityAccessor<?> findGeneratedAccessor() {
        if (Boolean.getBoolean(REFLECTIVE_ACCESSORS)) {
            return null;
        }
        String name = metamodelName(type) + "$Accessor";
        Class<?> cls;
        try {
            cls = Class.forName(name, false, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            LOG.log(System.Logger.Level.DEBUG, "No generated accessor {0}; reaching the fields of {1} through VarHandles", name, type.getName());
            return null;
        }
        try {
            return (EntityAccessor<?>) cls.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot use the generated accessor " + name + " (" + e
                    + "); using VarHandles. Rebuild the project so the annotation processor runs again.");
            return null;
        }
    }

    /** Checks the generated accessor against the fields and re-indexes attributes by name. */
    private <E> EntityAccessor<E> reorder(EntityAccessor<E> generated) {
        List<String> names = generated.fieldNames();
        for (Field f : fields) {
            if (!names.contains(f.getName())) {
                return outOfDate(generated, "lacks field " + f.getName());
            }
        }
        for (String p : generated.constructorParameters()) {
            if (fields.stream().noneMatch(f -> f.getName().equals(p))) {
                return outOfDate(generated, "calls the constructor with field " + p + ", which is not mapped");
            }
        }
        int[] map = new int[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            map[i] = names.indexOf(fields.get(i).getName());
        }
        boolean identity = true;
        for (int i = 0; i < map.length; i++) {
            identity &= map[i] == i;
        }
        return identity ? generated : new ReindexedAccessor<>(generated, map);
    }

    @SuppressWarnings("unchecked")
    private <E> EntityAccessor<E> outOfDate(EntityAccessor<E> generated, String why) {
        LOG.log(System.Logger.Level.WARNING, "The generated accessor of " + type.getName() + " " + why
                + "; it is out of date. Using VarHandles; rebuild the project so the annotation processor runs again.");
        return new ReflectiveAccessor<>((Class<E>) type, fields);
    }

    // ---- hooks -------------------------------------------------------------------------------

    private Map<LifecycleEvent, List<MethodHandle>> callbacks() {
        Map<LifecycleEvent, List<MethodHandle>> out = new EnumMap<>(LifecycleEvent.class);
        for (Method m : methods()) {
            for (LifecycleEvent e : LifecycleEvent.values()) {
                if (m.isAnnotationPresent(e.annotation())) {
                    if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())) {
                        throw new MappingException(type, "hook method " + m.getName() + " (@" + e.annotation().getSimpleName()
                                + ") must be an instance method without parameters");
                    }
                    out.computeIfAbsent(e, k -> new ArrayList<>()).add(unreflect(m));
                }
            }
        }
        return out;
    }

    private Map<Attribute, MethodHandle> validators() {
        Map<Attribute, MethodHandle> out = new LinkedHashMap<>();
        for (Method m : methods()) {
            Validates v = m.getAnnotation(Validates.class);
            if (v == null) {
                continue;
            }
            Attribute a = attributes.stream().filter(x -> x.name().equals(v.value())).findFirst().orElseThrow(() ->
                    new MappingException(type, "@Validates(\"" + v.value() + "\") on " + m.getName() + " names no mapped field; the fields are "
                            + attributes.stream().map(Attribute::name).toList()));
            Class<?> boxed = Primitives.box(a.javaType());
            if (m.getReturnType() == void.class) {
                throw new MappingException(type, "validator " + m.getName() + " of field " + a.name() + " returns nothing; "
                        + "return the value to store (the argument, or a cleaned copy), or throw to refuse it");
            }
            if (m.getParameterCount() != 1 || !Primitives.box(m.getParameterTypes()[0]).isAssignableFrom(boxed)
                    || !boxed.isAssignableFrom(Primitives.box(m.getReturnType()))) {
                throw new MappingException(type, "validator " + m.getName() + " of field " + a.name() + " must take and return a "
                        + a.javaType().getName());
            }
            if (out.put(a, unreflect(m)) != null) {
                throw new MappingException(type, "field " + a.name() + " has two @Validates methods; keep one");
            }
        }
        return out;
    }

    private List<Method> methods() {
        List<Method> out = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (!m.isSynthetic() && !m.isBridge()) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private MethodHandle unreflect(Method m) {
        try {
            return MethodHandles.privateLookupIn(m.getDeclaringClass(), MethodHandles.lookup()).unreflect(m);
        } catch (IllegalAccessException e) {
            throw new MappingException(type, "cannot call " + m.getName() + " (" + e.getMessage() + "); open its package to dev.retort.orm");
        }
    }

    // ---- naming ------------------------------------------------------------------------------

    private static NamingStrategy namingFor(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Naming n = c.getAnnotation(Naming.class);
            if (n == null && c.getPackage() != null) {
                n = c.getPackage().getAnnotation(Naming.class);
            }
            if (n != null) {
                try {
                    var ctor = n.value().getDeclaredConstructor();
                    ctor.setAccessible(true);
                    return ctor.newInstance();
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new MappingException(type, "cannot make naming strategy " + n.value().getName() + " (" + e
                            + "); give it a public no-argument constructor");
                }
            }
        }
        return new NamingStrategy.SnakeCase();
    }

    private static List<String> names(List<Field> fs) {
        return fs.stream().map(Field::getName).toList();
    }
}
