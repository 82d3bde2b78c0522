package dev.retort.orm;

import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.MappedColumn;
import dev.retort.schema.MetaData;
import dev.retort.schema.Sequence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The entities of an application, checked together at start-up, and the {@link MetaData} that
 * lists their tables, so that {@code registry.metadata().createAll(engine)} creates them and Core
 * queries can use them.
 *
 * <pre>{@code
 * Registry registry = Registry.of(User.class, Order.class);   // mapping mistakes throw here
 * registry.metadata().createAll(engine);
 * }</pre>
 *
 * <p>An entity's mapping belongs to its class (built once, see {@link EntityMapping#of}); several
 * registries may list the same class. A registry is immutable and safe to share.
 */
public final class Registry {
    private final MetaData metadata;
    private final Map<Class<?>, EntityMapping<?>> mappings;

    private Registry(MetaData metadata, Map<Class<?>, EntityMapping<?>> mappings) {
        this.metadata = metadata;
        this.mappings = Collections.unmodifiableMap(mappings);
    }

    /**
     * Maps entity classes into a new MetaData.
     *
     * @param entities the entity classes
     * @return the registry
     * @throws MappingException for the first class whose mapping is wrong
     */
    public static Registry of(Class<?>... entities) {
        return of(new MetaData(), entities);
    }

    /**
     * Maps entity classes and lists their tables in a MetaData, next to tables defined in code.
     *
     * @param metadata the MetaData
     * @param entities the entity classes
     * @return the registry
     * @throws MappingException for the first class whose mapping is wrong
     */
    public static Registry of(MetaData metadata, Class<?>... entities) {
        Objects.requireNonNull(metadata, "metadata");
        Map<Class<?>, EntityMapping<?>> out = new LinkedHashMap<>();
        List<MappingException> errors = new ArrayList<>();
        for (Class<?> type : entities) {
            try {
                out.put(type, EntityMapping.of(type));
            } catch (MappingException e) {
                errors.add(e);
            }
        }
        // Relationships resolve their other side lazily (two entities may refer to each other):
        // resolve them all now, so a wrong mappedBy fails at start-up too.
        for (EntityMapping<?> m : out.values()) {
            for (dev.retort.orm.mapping.Relationship r : m.relationships()) {
                try {
                    r.inverse();
                } catch (MappingException e) {
                    errors.add(e);
                }
            }
        }
        if (!errors.isEmpty()) {
            MappingException first = errors.get(0);
            if (errors.size() == 1) {
                throw first;
            }
            StringBuilder all = new StringBuilder(errors.size() + " entities are mapped wrongly:");
            for (MappingException e : errors) {
                all.append("\n  ").append(e.getMessage());
            }
            MappingException combined = new MappingException(entities[0], all.toString());
            errors.forEach(combined::addSuppressed);
            throw combined;
        }
        for (EntityMapping<?> m : out.values()) {
            if (m.polymorphism() != null && m.polymorphism().tables() != null) {
                m.polymorphism().tables().values().forEach(metadata::add);   // every table of a JOINED hierarchy, parents first
            }
            metadata.add(m.table());
            for (MappedColumn c : m.columns()) {
                c.column().sequence().ifPresent(s -> addSequence(metadata, s));
            }
        }
        for (EntityMapping<?> m : out.values()) {
            for (dev.retort.orm.mapping.Relationship r : m.relationships()) {
                if (r.isManyToMany() && r.isOwningSide()) {
                    metadata.add(r.association().table());     // the association table of a many-to-many
                }
            }
        }
        return new Registry(metadata, out);
    }

    private static void addSequence(MetaData metadata, Sequence s) {
        boolean known = metadata.sequences().stream().anyMatch(x -> x.name().equals(s.name()) && Objects.equals(x.schema(), s.schema()));
        if (!known) {
            metadata.sequence(s.name(), s.start(), s.increment());
        }
    }

    /** @return the MetaData listing the entities' tables */
    public MetaData metadata() {
        return metadata;
    }

    /** @return the mappings, in the order the classes were given */
    public List<EntityMapping<?>> mappings() {
        return List.copyOf(mappings.values());
    }

    /**
     * @param type an entity class of this registry
     * @param <E> the entity type
     * @return its mapping
     * @throws IllegalArgumentException if the class is not in this registry
     */
    @SuppressWarnings("unchecked")
    public <E> EntityMapping<E> mapping(Class<E> type) {
        EntityMapping<?> m = mappings.get(type);
        if (m == null) {
            throw new IllegalArgumentException(type.getName() + " is not in this registry; its entities are "
                    + mappings.keySet().stream().map(Class::getSimpleName).toList());
        }
        return (EntityMapping<E>) m;
    }
}
