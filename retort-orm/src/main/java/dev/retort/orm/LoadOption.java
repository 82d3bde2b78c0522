package dev.retort.orm;

import dev.retort.orm.mapping.Relation;
import dev.retort.orm.mapping.Relationship;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one query loads a relationship, overriding the relationship's default, chained with
 * {@link #then} along a path; or which columns of the query's entity it reads
 * ({@link #undefer}, {@link #undeferGroup}, {@link #defer}, {@link #loadOnly}). Immutable.
 *
 * <pre>{@code
 * select(Artist.class).options(selectInLoad(Artist_.ALBUMS).then(selectInLoad(Album_.TRACKS)), joinedLoad(Artist_.LABEL))
 * select(User.class).options(undefer(User_.BIO))          // SELECT users.id, users.name, users.bio FROM users
 * }</pre>
 */
public final class LoadOption {
    /** What a column option does to the columns a query reads. */
    enum Columns { UNDEFER, UNDEFER_GROUP, DEFER, LOAD_ONLY }

    private final Relationship relationship;
    private final Load load;
    private final List<LoadOption> next;
    private final Columns columnChoice;
    private final List<dev.retort.schema.Column<?>> columns;
    private final String group;
    /** Loaded from the columns of a join the query already has ({@link #containsEager}), not from one Retort adds. */
    private final boolean fromQueryJoin;
    /** A joined load of a required reference through an INNER JOIN ({@link #innerJoin}). */
    private final boolean inner;

    private LoadOption(Relationship relationship, Load load, List<LoadOption> next) {
        this(relationship, load, next, false);
    }

    private LoadOption(Relationship relationship, Load load, List<LoadOption> next, boolean fromQueryJoin) {
        this(relationship, load, next, fromQueryJoin, false);
    }

    private LoadOption(Relationship relationship, Load load, List<LoadOption> next, boolean fromQueryJoin, boolean inner) {
        this.relationship = relationship;
        this.load = load;
        this.next = next;
        this.columnChoice = null;
        this.columns = List.of();
        this.group = null;
        this.fromQueryJoin = fromQueryJoin;
        this.inner = inner;
    }

    private LoadOption(Columns choice, List<dev.retort.schema.Column<?>> columns, String group) {
        this.relationship = null;
        this.load = null;
        this.next = List.of();
        this.columnChoice = choice;
        this.columns = columns;
        this.group = group;
        this.fromQueryJoin = false;
        this.inner = false;
    }

    private static LoadOption ofColumns(String name, Columns choice, dev.retort.schema.Column<?>[] columns) {
        Objects.requireNonNull(columns, "columns");
        if (columns.length == 0) {
            throw new IllegalArgumentException(name + "(): name at least one column (User_.BIO)");
        }
        for (dev.retort.schema.Column<?> c : columns) {
            Objects.requireNonNull(c, () -> name + "(): a column is null");
        }
        return new LoadOption(choice, List.of(columns), null);
    }

    /**
     * Reads deferred columns of the query's entity in the query itself:
     * {@code select(User.class).options(undefer(User_.BIO))}.
     *
     * @param columns columns of the entity ({@code User_.BIO})
     * @return the option
     * @throws IllegalArgumentException if no column is given
     */
    public static LoadOption undefer(dev.retort.schema.Column<?>... columns) {
        return ofColumns("undefer", Columns.UNDEFER, columns);
    }

    /**
     * Reads the deferred columns of one {@code @Deferred(group = ...)} group in the query itself.
     *
     * @param group the group's name
     * @return the option
     * @throws IllegalArgumentException if the name is empty
     */
    public static LoadOption undeferGroup(String group) {
        if (Objects.requireNonNull(group, "group").isEmpty()) {
            throw new IllegalArgumentException("undeferGroup(\"\"): name a group given in @Deferred(group = ...)");
        }
        return new LoadOption(Columns.UNDEFER_GROUP, List.of(), group);
    }

    /**
     * Leaves columns the entity loads by default out of this query; they stay unloaded on the
     * objects it makes, as {@code @Deferred} ones do.
     *
     * @param columns columns of the entity
     * @return the option
     * @throws IllegalArgumentException if no column is given
     */
    public static LoadOption defer(dev.retort.schema.Column<?>... columns) {
        return ofColumns("defer", Columns.DEFER, columns);
    }

    /**
     * Reads only these columns of the query's entity, plus those that always load: the id, the
     * version, the discriminator and the keys of references. Every other column is deferred for
     * this query.
     *
     * @param columns columns of the entity
     * @return the option
     * @throws IllegalArgumentException if no column is given
     */
    public static LoadOption loadOnly(dev.retort.schema.Column<?>... columns) {
        return ofColumns("loadOnly", Columns.LOAD_ONLY, columns);
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
     * Loads a relationship in the same SELECT through a LEFT OUTER JOIN (for a many-to-many, two:
     * the association table, then the related table). For a collection the owners' rows repeat
     * once per element; the query still returns each owner once, and with LIMIT or OFFSET the
     * owners are chosen in a subquery so the page counts owners, not joined rows.
     *
     * @param relation a many-to-one or one-to-one relationship, or a one-to-many or many-to-many collection
     * @return load it in the same SELECT through a LEFT OUTER JOIN
     */
    public static LoadOption joinedLoad(Relation<?, ?> relation) {
        return of(relation, Load.JOINED);
    }

    /**
     * Loads a relationship from the rows of a join the query already has, instead of adding one:
     * the query's own {@code join(Customer_.INVOICES)}, usually filtered, fills each customer's
     * invoices with the invoices of its rows (only those), and {@code join(Invoice_.CUSTOMER)}
     * sets each invoice's customer. The related entity's columns are added to the query's SELECT
     * list; the rows, the page (LIMIT/OFFSET) and their order are the query's own.
     *
     * <pre>{@code
     * select(Customer.class).join(Customer_.INVOICES).where(Invoice_.TOTAL.gt(big))
     *         .options(containsEager(Customer_.INVOICES))      // each customer with its big invoices only
     * }</pre>
     *
     * @param relation a many-to-one or owning one-to-one reference, or a one-to-many collection, that
     *                 the query joins with {@code join(relation)} or {@code outerJoin(relation)}
     * @return load it from the query's join
     * @throws IllegalArgumentException for a many-to-many or the other side of a one-to-one
     */
    public static LoadOption containsEager(Relation<?, ?> relation) {
        Relationship r = Objects.requireNonNull(relation, "relation").relationship();
        if (r.isManyToMany() || (r.isSingle() && !r.isReference())) {
            throw new IllegalArgumentException("containsEager(" + relation + "): only references and one-to-many collections "
                    + "load from a join of the query; use selectInLoad for " + r);
        }
        return new LoadOption(r, Load.JOINED, List.of(), true);
    }

    /**
     * @param relation a collection, or a reference declared as a {@link Ref} (loaded on its first {@code get()})
     * @return load it on first access
     * @throws IllegalArgumentException for a reference held in a plain field, or the other side of a one-to-one
     */
    public static LoadOption lazyLoad(Relation<?, ?> relation) {
        Relationship r = relation.relationship();
        if (r.isSingle() && !r.isRef()) {
            throw new IllegalArgumentException("lazyLoad(" + relation + "): a reference held in a plain field cannot load on "
                    + "access; use selectInLoad or joinedLoad, or noLoad to skip it"
                    + (r.isReference() ? ", or declare the field as a Ref<" + r.targetType().getSimpleName() + ">" : ""));
        }
        return of(relation, Load.LAZY);
    }

    /**
     * @param relation a collection, or a reference declared as a {@link Ref} (whose {@code get()} then throws)
     * @return do not load it, and throw when it is read
     * @throws IllegalArgumentException for a reference held in a plain field, or the other side of a one-to-one
     */
    public static LoadOption raiseLoad(Relation<?, ?> relation) {
        Relationship r = relation.relationship();
        if (r.isSingle() && !r.isRef()) {
            throw new IllegalArgumentException("raiseLoad(" + relation + "): a reference held in a plain field cannot throw on "
                    + "access; use noLoad to leave it null"
                    + (r.isReference() ? ", or declare the field as a Ref<" + r.targetType().getSimpleName() + ">" : ""));
        }
        return of(relation, Load.RAISE);
    }

    /**
     * @param relation a relationship
     * @return do not load it (a reference stays null, a {@link Ref} reads null, a collection reads as empty)
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
        if (columnChoice != null) {
            throw new IllegalArgumentException(this + ".then(...): then follows a relationship; pass " + this
                    + " to options(...) of the query on its own");
        }
        List<LoadOption> all = new ArrayList<>(next);
        for (LoadOption o : options) {
            if (o.columnChoice != null) {
                throw new IllegalArgumentException(this + ".then(" + o + "): column options apply to the query's own entity, "
                        + "not yet to related objects; load their columns afterwards with session.undefer(objects, columns...)");
            }
            Class<?> owner = o.relationship.owner();        // in a hierarchy: an ancestor's, or a subclass's (for its objects)
            if (!owner.isAssignableFrom(relationship.targetType()) && !relationship.targetType().isAssignableFrom(owner)) {
                throw new IllegalArgumentException(this + ".then(" + o + "): " + o.relationship + " is not a relationship of "
                        + relationship.targetType().getSimpleName());
            }
            all.add(o);
        }
        return new LoadOption(relationship, load, List.copyOf(all), fromQueryJoin, inner);
    }

    /**
     * Makes a {@link #joinedLoad} of a required reference an INNER JOIN, which databases often plan
     * better than an outer one: {@code joinedLoad(Invoice_.CUSTOMER).innerJoin()}. Every row has a
     * related row (the foreign key column is NOT NULL), so no owner is lost. Below an outer join
     * (a joined collection, an optional reference) it stays a LEFT OUTER JOIN: an inner one there
     * would drop the owners that have no related row.
     *
     * @return a new option
     * @throws IllegalArgumentException if this is not a joined load of a reference whose column is NOT NULL
     */
    public LoadOption innerJoin() {
        if (relationship == null || load != Load.JOINED || fromQueryJoin) {
            throw new IllegalArgumentException(this + ".innerJoin(): only a joinedLoad(...) of a reference can be an INNER JOIN");
        }
        if (!relationship.isReference() || relationship.column().column().isNullable()) {
            throw new IllegalArgumentException("joinedLoad(" + relationship + ").innerJoin(): " + relationship
                    + (relationship.isReference() ? " may be NULL" : " is not a reference held in a foreign key column")
                    + ", so an INNER JOIN would drop the objects without one; keep the LEFT OUTER JOIN (declare the reference "
                    + "optional = false if it never is absent)");
        }
        return new LoadOption(relationship, load, next, false, true);
    }

    /** @return whether a joined load asks for an INNER JOIN ({@link #innerJoin}) */
    boolean inner() {
        return inner;
    }

    /** @return whether the relationship loads from a join the query has ({@link #containsEager}) */
    boolean fromQueryJoin() {
        return fromQueryJoin;
    }

    /** @return the relationship, or {@code null} for a column option */
    Relationship relationship() {
        return relationship;
    }

    /** @return what a column option does, or {@code null} for a relationship option */
    Columns columnChoice() {
        return columnChoice;
    }

    /** @return the columns a column option names */
    List<dev.retort.schema.Column<?>> columns() {
        return columns;
    }

    /** @return the group of {@link #undeferGroup} */
    String group() {
        return group;
    }

    Load load() {
        return load;
    }

    List<LoadOption> next() {
        return next;
    }

    @Override
    public String toString() {
        if (columnChoice == null) {
            return (fromQueryJoin ? "CONTAINS_EAGER" : load) + (inner ? " INNER" : "") + " " + relationship;
        }
        String name = switch (columnChoice) {
            case UNDEFER -> "undefer";
            case UNDEFER_GROUP -> "undeferGroup";
            case DEFER -> "defer";
            case LOAD_ONLY -> "loadOnly";
        };
        return name + "(" + (group != null ? "\"" + group + "\"" : String.join(", ", columns.stream().map(c -> c.qualifiedName()).toList())) + ")";
    }
}
