package dev.retort.orm;

import dev.retort.orm.mapping.Relation;
import dev.retort.orm.mapping.Relationship;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one query loads a relationship, overriding the relationship's default; chained with
 * {@link #then} along a path:
 *
 * <pre>{@code
 * select(Artist.class).options(selectInLoad(Artist_.ALBUMS).then(selectInLoad(Album_.TRACKS)), joinedLoad(Artist_.LABEL))
 * }</pre>
 */
public final class LoadOption {
    private final Relationship relationship;
    private final Load load;
    private final List<LoadOption> next;

    private LoadOption(Relationship relationship, Load load, List<LoadOption> next) {
        this.relationship = relationship;
        this.load = load;
        this.next = next;
    }

    private static LoadOption of(Relation<?, ?> relation, Load load) {
        return new LoadOption(Objects.requireNonNull(relation, "relation").relationship(), load, List.of());
    }

    /**
     * @param relation a relationship
     * @return load it with one more SELECT ... WHERE key IN (...) for all owners
     */
    public static LoadOption selectInLoad(Relation<?, ?> relation) {
        return of(relation, Load.SELECT_IN);
    }

    /**
     * @param relation a many-to-one or one-to-one relationship
     * @return load it in the same SELECT through a LEFT OUTER JOIN
     */
    public static LoadOption joinedLoad(Relation<?, ?> relation) {
        if (!relation.relationship().isSingle()) {
            throw new IllegalArgumentException("joinedLoad(" + relation + "): joined loading of collections is not supported yet; "
                    + "use selectInLoad, which also keeps LIMIT and OFFSET on the owners");
        }
        return of(relation, Load.JOINED);
    }

    /**
     * @param relation a one-to-many relationship
     * @return load it on first access
     */
    public static LoadOption lazyLoad(Relation<?, ?> relation) {
        if (relation.relationship().isSingle()) {
            throw new IllegalArgumentException("lazyLoad(" + relation + "): a reference held in a plain field cannot load on "
                    + "access; use selectInLoad or joinedLoad, or noLoad to skip it");
        }
        return of(relation, Load.LAZY);
    }

    /**
     * @param relation a one-to-many relationship
     * @return do not load it, and throw when it is read
     */
    public static LoadOption raiseLoad(Relation<?, ?> relation) {
        if (relation.relationship().isSingle()) {
            throw new IllegalArgumentException("raiseLoad(" + relation + "): a reference held in a plain field cannot throw on "
                    + "access; use noLoad to leave it null");
        }
        return of(relation, Load.RAISE);
    }

    /**
     * @param relation a relationship
     * @return do not load it (a reference stays null, a collection reads as empty)
     */
    public static LoadOption noLoad(Relation<?, ?> relation) {
        return of(relation, Load.NO_LOAD);
    }

    /**
     * Options for the objects this option loads.
     *
     * @param options options on relationships of the related entity
     * @return a new option
     */
    public LoadOption then(LoadOption... options) {
        List<LoadOption> all = new ArrayList<>(next);
        for (LoadOption o : options) {
            Class<?> owner = o.relationship.owner();        // in a hierarchy: an ancestor's, or a subclass's (for its objects)
            if (!owner.isAssignableFrom(relationship.targetType()) && !relationship.targetType().isAssignableFrom(owner)) {
                throw new IllegalArgumentException(this + ".then(" + o + "): " + o.relationship + " is not a relationship of "
                        + relationship.targetType().getSimpleName());
            }
            all.add(o);
        }
        return new LoadOption(relationship, load, List.copyOf(all));
    }

    Relationship relationship() {
        return relationship;
    }

    Load load() {
        return load;
    }

    List<LoadOption> next() {
        return next;
    }

    @Override
    public String toString() {
        return load + " " + relationship;
    }
}
