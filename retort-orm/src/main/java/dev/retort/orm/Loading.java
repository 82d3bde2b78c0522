package dev.retort.orm;

import dev.retort.engine.Row;
import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.MappedColumn;
import dev.retort.orm.mapping.Relationship;
import dev.retort.schema.Column;
import dev.retort.sql.Expression;
import dev.retort.sql.Select;
import dev.retort.sql.TableAlias;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one query loads the relationships of the objects it reads: the options of the query over
 * the relationships' defaults, the joins added for joined references, and the select-in loads
 * gathered while rows are read and run once they all are.
 */
final class Loading {
    /**
     * The most keys per SELECT ... IN (...) of a select-in load; fewer where the database takes
     * fewer parameters in one statement. A thousand parents load their children in one statement.
     */
    static final int MAX_KEYS_PER_SELECT = 5_000;

    private final Session session;
    // The maps start empty and shared (a get by id, or a query of an entity without relationships,
    // allocates none of them); writable() swaps in a map of its own at the first entry.
    private final Map<Relationship, LoadOption> options;
    private Map<Relationship, Joined> joined = Map.of();
    private Map<Relationship, Set<InstanceState>> references = Map.of();
    private Map<Relationship, Set<InstanceState>> collections = Map.of();
    /** The columns the query reads of its own entity; other entities' objects read their defaults. */
    private final LoadedColumns own;
    private LoadedColumns lastDefaults;

    private Map<Relationship, JoinedCollection> joinedCollections = Map.of();
    private Map<Relationship, Set<InstanceState>> inverses = Map.of();

    /**
     * A reference loaded through a LEFT OUTER JOIN: its alias, where its columns start in the row,
     * and the loading of the joined objects' own relationships (finished with this one).
     */
    private record Joined(TableAlias alias, int offset, Loading nested) {
    }

    /**
     * A one-to-many collection loaded through a LEFT OUTER JOIN of Retort's (through its alias)
     * or from the query's own join ({@code containsEager}: no alias): where its columns start in
     * the row, the loading of the elements' own relationships, and the elements gathered per owner
     * (in row order, each once) until the rows are all read.
     */
    private record JoinedCollection(int offset, TableAlias alias, boolean fromQueryJoin, Loading nested,
                                    Map<InstanceState, Gathered> elements) {
    }

    /** A column of a joined table: through its alias, or the table's own when the query joined it ({@code null} alias). */
    private static Expression<?> columnOf(TableAlias alias, Column<?> column) {
        return alias == null ? column : alias.column(column);
    }

    /** The elements read for one owner, in row order, each object once (by identity). */
    private static final class Gathered {
        final List<Object> items = new ArrayList<>();
        final Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

        void add(Object element) {
            if (seen.add(element)) {
                items.add(element);
            }
        }
    }

    Loading(Session session, List<LoadOption> options) {
        this(session, options, null);
    }

    Loading(Session session, List<LoadOption> options, LoadedColumns own) {
        this.session = session;
        this.own = own;
        Map<Relationship, LoadOption> byRelationship = Map.of();
        for (LoadOption o : options) {
            if (o.relationship() != null) {
                byRelationship = writable(byRelationship);
                byRelationship.put(o.relationship(), o);
            }
        }
        this.options = byRelationship;
    }

    /** A map to add to: the map itself once it is one of this loading's own, else a new one. */
    private static <K, V> Map<K, V> writable(Map<K, V> map) {
        return map instanceof LinkedHashMap ? map : new LinkedHashMap<>(map);
    }

    /**
     * @param mapping an entity this loading reads rows of
     * @return the columns its rows hold: the query's choice for the query's entity, else the defaults
     */
    LoadedColumns columns(EntityMapping<?> mapping) {
        if (own != null && own.mapping() == mapping) {
            return own;
        }
        LoadedColumns last = lastDefaults;         // asked per row: skip the class-value lookup for a run of one entity
        if (last == null || last.mapping() != mapping) {
            last = LoadedColumns.defaults(mapping);
            lastDefaults = last;
        }
        return last;
    }

    /** Keys per select-in statement on this session's database. */
    private int keysPerSelect() {
        return Math.max(1, Math.min(MAX_KEYS_PER_SELECT, session.dialect().maxParameters() - 64));
    }

    /** The effective strategy of a relationship in this query. */
    Load loadOf(Relationship r) {
        LoadOption o = options.get(r);
        return o != null ? o.load() : r.load();
    }

    private List<LoadOption> nextOf(Relationship r) {
        LoadOption o = options.get(r);
        return o != null ? o.next() : List.of();
    }

    /**
     * The query with what joined loading adds: a LEFT OUTER JOIN and the columns of every
     * relationship loaded joined (for a many-to-many, the association table first), the columns of
     * those loaded from the query's own joins ({@code containsEager}); with joined collections,
     * the order that keeps each owner's rows together and, under LIMIT/OFFSET, the page of owners
     * chosen in a subquery.
     *
     * @param mapping the queried entity
     * @param select the query
     * @return the query to run
     */
    Select withJoins(EntityMapping<?> mapping, Select select) {
        Select out = select;
        List<JoinedColumns> joins = registerJoins(mapping, select.items().size(), select.limit() != null || select.offset() != null);
        for (JoinedColumns j : joins) {
            if (j.on() == null) {
                checkJoined(select, j);       // containsEager: the query's own join brings the rows
            } else {
                if (j.link() != null) {
                    out = out.outerJoin(j.link(), j.linkOn());      // a many-to-many: the association rows first
                }
                out = j.inner() ? out.join(j.alias(), j.on()) : out.outerJoin(j.alias(), j.on());
            }
            out = out.addColumns(j.columns().toArray(new Expression<?>[0]));
        }
        out = lockingOwnTables(select, out, !joins.isEmpty());
        if (!repeatsOwners()) {
            return out;
        }
        List<dev.retort.sql.OrderItem> order = new ArrayList<>();
        for (MappedColumn id : mapping.idColumns()) {
            order.add(id.column().asc());
        }
        collectionOrder(order);
        return JoinedCollections.page(mapping, select, out, order, joinsCollections());
    }

    /** A relationship loaded from the query's join: the query must join the related table. */
    private static void checkJoined(Select select, JoinedColumns j) {
        for (dev.retort.sql.FromItem f : select.fromItems()) {
            if (joins(f, j.relationship().target().table())) {
                return;
            }
        }
        throw new IllegalArgumentException("containsEager(" + j.relationship() + ") loads from the query's join of "
                + j.relationship().target().table().name() + ", but the query does not join it; add .join("
                + j.relationship().metamodelConstant() + ") (or outerJoin) before options(...)");
    }

    private static boolean joins(dev.retort.sql.FromItem item, dev.retort.schema.Table table) {
        if (item instanceof dev.retort.sql.Join j) {
            return joins(j.left(), table) || joins(j.right(), table);
        }
        return item == table;
    }

    /**
     * PostgreSQL refuses FOR UPDATE on the nullable side of an outer join, which the joins of
     * joined loading are: a locking query with such joins locks the tables of the query as
     * written ({@code FOR UPDATE OF ...}), the rows it would have locked without them.
     */
    private Select lockingOwnTables(Select select, Select joined, boolean joins) {
        dev.retort.sql.Lock lock = select.lock();
        if (!joins || lock == null || !lock.of().isEmpty() || lock.share() || session == null
                || !"postgresql".equals(session.dialect().name())) {
            return joined;
        }
        List<dev.retort.sql.TableReference> own = new ArrayList<>();
        for (dev.retort.sql.FromItem item : select.fromItems()) {
            own.addAll(item.tables());
        }
        return joined.forUpdate(lock.waitPolicy(), own.toArray(new dev.retort.sql.TableReference[0]));
    }

    /**
     * Whether a row of the query may repeat an object it already read: it joins a collection (here
     * or below a joined relationship), so the caller keeps the first of each.
     */
    boolean repeatsOwners() {
        if (!joinedCollections.isEmpty()) {
            return true;
        }
        for (Joined j : joined.values()) {
            if (j.nested().repeatsOwners()) {
                return true;
            }
        }
        return false;
    }

    /** Whether Retort joins a collection (rather than loading it from the query's own join) here or below. */
    private boolean joinsCollections() {
        return joinedCollections.values().stream().anyMatch(c -> !c.fromQueryJoin() || c.nested().joinsCollections())
                || joined.values().stream().anyMatch(j -> j.nested().joinsCollections());
    }

    /** Adds the order that keeps each collection's elements in its order: this level's collections, then those below. */
    private void collectionOrder(List<dev.retort.sql.OrderItem> order) {
        for (Map.Entry<Relationship, JoinedCollection> e : joinedCollections.entrySet()) {
            TableAlias alias = e.getValue().alias();
            for (Expression<?> x : orderOf(e.getKey(), e.getKey().target())) {
                order.add(columnOf(alias, (Column<?>) x).asc());
            }
        }
        for (Joined j : joined.values()) {
            j.nested().collectionOrder(order);
        }
        for (JoinedCollection c : joinedCollections.values()) {
            c.nested().collectionOrder(order);
        }
    }

    private static TableAlias collectionAlias(Relationship r, int n) {
        return r.target().table().as("c" + n + "_" + r.target().table().name());
    }

    /**
     * What a joined relationship adds to a query: the aliased table and the join condition (both
     * {@code null} when it loads from the query's own join), and its columns; for a many-to-many,
     * first the aliased association table and its join condition.
     */
    record JoinedColumns(Relationship relationship, TableAlias alias, dev.retort.sql.Predicate on, List<Expression<?>> columns,
                         TableAlias link, dev.retort.sql.Predicate linkOn, boolean inner) {

        JoinedColumns(Relationship relationship, TableAlias alias, dev.retort.sql.Predicate on, List<Expression<?>> columns) {
            this(relationship, alias, on, columns, null, null, false);
        }
    }

    /** Whether a relationship loads from a join of the query ({@code containsEager}). */
    private boolean fromQueryJoin(Relationship r) {
        LoadOption o = options.get(r);
        return o != null && o.fromQueryJoin();
    }

    /**
     * Registers the joined relationships of a query whose own columns end at an offset, and says
     * what they add to it; a query built once (a get by id) registers them again per execution
     * without building the statement again. Relationships joined below joined ones
     * ({@code joinedLoad(A_.BS).then(joinedLoad(B_.CS))}) join the alias of their owner, in the same
     * query; a relationship already joined on the way down (a tree of one entity) loads select-in.
     *
     * @param mapping the queried entity
     * @param offset where the first joined column will be in the row
     * @return the joins to add, in order (an owner's join before the joins below it)
     */
    List<JoinedColumns> registerJoins(EntityMapping<?> mapping, int offset) {
        return registerJoins(mapping, offset, false);
    }

    /**
     * @param paged whether the query has LIMIT or OFFSET: then the rows of a collection loaded from
     *              the query's own join ({@code containsEager}) are the rows the page counts, and a
     *              collection below them loads select-in, since joining it would repeat those rows
     */
    private List<JoinedColumns> registerJoins(EntityMapping<?> mapping, int offset, boolean paged) {
        if (mapping.relationships().isEmpty()) {
            return List.of();                 // most gets by id: nothing to join, nothing to allocate
        }
        JoinPlan plan = new JoinPlan(offset, paged);
        register(mapping, null, plan, List.of(), true, false);
        return plan.out;
    }

    /** Whether a reference leads back to the object the path just came from (its parent, which the row already has). */
    private static boolean leadsBack(Relationship r, List<Relationship> path) {
        return !path.isEmpty() && path.get(path.size() - 1).equals(r.inverse());
    }

    /** The joins of one query as they are registered: in order, with the next column offset and alias numbers. */
    private static final class JoinPlan {
        final List<JoinedColumns> out = new ArrayList<>();
        int offset;
        int references;
        int collections;
        /** The query has LIMIT or OFFSET (see {@link #registerJoins(EntityMapping, int, boolean)}). */
        final boolean paged;

        JoinPlan(int offset, boolean paged) {
            this.offset = offset;
            this.paged = paged;
        }
    }

    /**
     * Registers the joined relationships of objects of an entity read from a table (or an alias of
     * it), then those below them.
     *
     * @param mapping the entity
     * @param owner the alias its columns are read through, or {@code null} for its table
     * @param plan the joins so far
     * @param path the relationships joined on the way down to here
     * @param innerPath whether every join on the way down is an INNER JOIN (only then may one here be)
     * @param pagedRows whether these rows come from the query's own join of a collection under LIMIT or
     *                  OFFSET, which counts them: a collection here or below is not joined
     */
    private void register(EntityMapping<?> mapping, TableAlias owner, JoinPlan plan, List<Relationship> path, boolean innerPath,
                          boolean pagedRows) {
        List<Relationship> registered = new ArrayList<>(0);
        Set<Relationship> innerJoined = new java.util.HashSet<>(0);
        for (Relationship r : mapping.relationships()) {
            if (!r.isSingle() || loadOf(r) != Load.JOINED || path.contains(r) || leadsBack(r, path)) {
                continue;
            }
            EntityMapping<?> target = r.target();
            if (target.polymorphism() != null && target.polymorphism().tables() != null) {
                continue;                // its row spans tables (JOINED hierarchy): loaded select-in instead
            }
            boolean own = fromQueryJoin(r);
            TableAlias alias = own ? null : target.table().as("j" + (plan.references++) + "_" + target.table().name());
            Column<?> key = target.idColumns().get(0).column();
            List<Expression<?>> columns = new ArrayList<>();
            for (MappedColumn c : LoadedColumns.defaults(target).columns()) {
                columns.add(columnOf(alias, c.column()));
            }
            dev.retort.sql.Predicate on = own ? null : r.isReference() ? same(alias.column(key), columnOf(owner, r.column().column()))
                    : same(alias.column(r.inverse().column().column()), columnOf(owner, mapping.idColumns().get(0).column()));
            dev.retort.sql.Predicate rows = r.isReference() || own ? null : Polymorphic.rowsOf(target, alias);   // not a sibling class's row
            on = rows == null ? on : on.and(rows);
            LoadOption option = options.get(r);
            boolean inner = innerPath && !own && option != null && option.inner();
            if (inner) {
                innerJoined.add(r);
            }
            plan.out.add(new JoinedColumns(r, alias, on, columns, null, null, inner));
            Joined before = joined.get(r);          // registered by an earlier chunk of the same select-in load
            joined = writable(joined);
            joined.put(r, new Joined(alias, plan.offset, before != null ? before.nested() : new Loading(session, nextOf(r))));
            plan.offset += columns.size();
            registered.add(r);
        }
        for (Relationship r : mapping.relationships()) {
            if (r.isSingle() || loadOf(r) != Load.JOINED || path.contains(r)) {
                continue;
            }
            EntityMapping<?> target = r.target();
            if ((target.polymorphism() != null && target.polymorphism().tables() != null) || mapping.idColumns().size() != 1) {
                continue;                // a row spanning tables, or a composite owner key: loaded select-in instead
            }
            boolean own = fromQueryJoin(r);
            if (pagedRows && !own) {
                continue;                // it would repeat the rows the query's LIMIT counts: loaded select-in instead
            }
            int n = plan.collections++;
            TableAlias alias = own ? null : collectionAlias(r, n);
            List<Expression<?>> columns = new ArrayList<>();
            for (MappedColumn col : LoadedColumns.defaults(target).columns()) {
                columns.add(columnOf(alias, col.column()));
            }
            Expression<?> ownerKey = columnOf(owner, mapping.idColumns().get(0).column());
            dev.retort.sql.Predicate rows = own ? null : Polymorphic.rowsOf(target, alias);   // a subclass: not its siblings' rows
            if (r.isManyToMany()) {
                dev.retort.orm.mapping.Association a = r.association();
                TableAlias link = a.table().as("l" + n + "_" + a.table().name());
                dev.retort.sql.Predicate on = same(alias.column(target.idColumns().get(0).column()), link.column(a.targetColumn()));
                plan.out.add(new JoinedColumns(r, alias, rows == null ? on : on.and(rows), columns, link,
                        same(link.column(a.ownerColumn()), ownerKey), false));
            } else if (own) {
                plan.out.add(new JoinedColumns(r, null, null, columns));
            } else {
                dev.retort.sql.Predicate on = same(alias.column(r.inverse().column().column()), ownerKey);
                plan.out.add(new JoinedColumns(r, alias, rows == null ? on : on.and(rows), columns));
            }
            JoinedCollection before = joinedCollections.get(r);
            joinedCollections = writable(joinedCollections);
            joinedCollections.put(r, before != null ? new JoinedCollection(plan.offset, alias, own, before.nested(), before.elements())
                    : new JoinedCollection(plan.offset, alias, own, new Loading(session, nextOf(r)), new LinkedHashMap<>()));
            plan.offset += columns.size();
            registered.add(r);
        }
        for (Relationship r : registered) {
            List<Relationship> below = new ArrayList<>(path);
            below.add(r);
            if (r.isSingle()) {
                Joined j = joined.get(r);
                j.nested().register(r.target(), j.alias(), plan, below, innerJoined.contains(r), pagedRows);
            } else {
                JoinedCollection j = joinedCollections.get(r);
                j.nested().register(r.target(), j.alias(), plan, below, false, pagedRows || plan.paged && j.fromQueryJoin());
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static dev.retort.sql.Predicate same(Expression a, Expression b) {
        return a.eq(b);
    }

    /**
     * Sets the relationships of an object just read: references from the identity map, joined
     * references from the row, and the rest gathered for select-in or left to load lazily.
     *
     * @param s the object's state
     * @param fresh whether the object was just made from the row (else it was in the session)
     * @param row the row, for joined references
     */
    void relate(InstanceState s, boolean fresh, Row row) {
        List<Relationship> relationships = s.mapping.relationships();
        for (int i = 0; i < relationships.size(); i++) {       // per row: no iterator
            Relationship r = relationships.get(i);
            Load load = loadOf(r);
            if (r.isReference()) {
                relateReference(s, r, load, fresh, row);
            } else if (r.isInverseOneToOne()) {
                relateInverse(s, r, load, fresh, row);
            } else {
                relateCollection(s, r, load, fresh, row);
            }
        }
    }

    private void relateReference(InstanceState s, Relationship r, Load load, boolean fresh, Row row) {
        Joined j = joined.get(r);
        if (j != null) {
            Object related = session.loadOrNull(r.target(), row, j.offset(), j.nested());
            if (fresh || s.isUnloaded(r) && !(r.isRef() && session.refAssigned(s, r))) {   // (a Ref set since: the flush writes it)
                session.setReference(s, r, related);
                knowOtherSide(r, s.entity, related);
            }
            return;
        }
        if (!fresh && !s.isUnloaded(r)) {
            return;
        }
        if (!fresh && r.isRef() && session.refAssigned(s, r)) {
            return;                    // the application set it since: the flush writes it
        }
        Object key = s.snapshot[r.column().index()];
        if (key == null) {
            session.setReference(s, r, null);
            return;
        }
        Object known = session.identity(r.targetType(), key);
        if (known != null) {
            session.setReference(s, r, known);
            knowOtherSide(r, s.entity, known);
            return;
        }
        if (r.isRef()) {
            session.unloadReference(s, r, key, load, fresh);     // the field gets the session's unloaded Ref
        } else {
            s.markUnloaded(r);
        }
        if (load == Load.SELECT_IN || load == Load.JOINED) {    // joined without a join here (nested): select-in
            references = writable(references);
            references.computeIfAbsent(r, k -> new LinkedHashSet<>()).add(s);
        }
    }

    private void relateInverse(InstanceState s, Relationship r, Load load, boolean fresh, Row row) {
        if (fresh && !s.knowsInverse(r)) {
            // What the constructor put there (a field initializer) is not the application's change: the row's is loaded.
            // (A row referring to itself has already told the object its other side: that is kept.)
            s.mapping.accessor().set(s.entity, r.field(), null);
        }
        boolean reload = fresh || !s.knowsInverse(r) || s.isInverseStale(r);
        boolean changed = !fresh && s.knowsInverse(r) && s.mapping.accessor().get(s.entity, r.field()) != s.inverse(r);
        Joined j = joined.get(r);
        if (j != null) {
            Object related = session.loadOrNull(r.target(), row, j.offset(), j.nested());
            if (reload && !changed) {
                session.setInverse(s, r, related);
            }
            return;
        }
        if (reload && !changed && (load == Load.SELECT_IN || load == Load.JOINED)) {
            inverses = writable(inverses);
            inverses.computeIfAbsent(r, k -> new LinkedHashSet<>()).add(s);
        }
    }

    /**
     * A reference of a one-to-one was set: the referenced object's other side, if not known (or
     * expired, or known to be empty, which the row just read contradicts), is the referring object
     * (the UNIQUE foreign key allows no other), without a query.
     */
    private void knowOtherSide(Relationship r, Object referring, Object referenced) {
        knowOtherSide(session, r, referring, referenced);
    }

    static void knowOtherSide(Session session, Relationship r, Object referring, Object referenced) {
        Relationship inv = r.kind() == Relationship.Kind.ONE_TO_ONE ? r.inverse() : null;
        InstanceState ts = inv == null || !inv.owner().isInstance(referenced) ? null : session.stateOf(referenced);
        if (ts != null && (!ts.knowsInverse(inv) || ts.isInverseStale(inv) || ts.inverse(inv) == null)) {
            session.setInverse(ts, inv, referring);
        }
    }

    private void relateCollection(InstanceState s, Relationship r, Load load, boolean fresh, Row row) {
        JoinedCollection j = joinedCollections.get(r);
        RelatedObjects<?> c = fresh ? session.newCollection(s, r, null, false) : session.collectionOf(s, r);
        if (j != null && (j.elements().containsKey(s) || c != null && !c.isLoaded() && !c.loading)) {
            Gathered elements = j.elements().computeIfAbsent(s, k -> new Gathered());
            Object element = session.loadOrNull(r.target(), row, j.offset(), j.nested());
            if (element != null) {
                elements.add(element);
            }
            return;
        }
        if (c == null || c.isLoaded() || c.loading) {
            return;
        }
        if (load == Load.SELECT_IN || load == Load.JOINED) {    // joined without a join here (nested): select-in
            collections = writable(collections);
            collections.computeIfAbsent(r, k -> new LinkedHashSet<>()).add(s);
        } else if (load == Load.LAZY) {
            List<LoadOption> next = nextOf(r);
            c.then = next.isEmpty() ? null : next;   // a path going on below the lazy load applies when it runs
        } else if (fresh && load == Load.RAISE) {
            c.raiseOnAccess();             // only for objects this query made: others keep their state
        } else if (fresh && load == Load.NO_LOAD) {
            c.readAsEmpty();
        }
    }

    /** Runs the select-in loads gathered, until none is left (loaded objects may gather more). */
    void finish() {
        for (Joined j : joined.values()) {
            j.nested().finish();
        }
        for (Map.Entry<Relationship, JoinedCollection> e : joinedCollections.entrySet()) {
            e.getValue().elements().forEach((s, elements) -> {
                RelatedObjects<?> c = session.collectionOf(s, e.getKey());
                if (c != null && !c.isLoaded()) {
                    fill(c, elements.items);
                }
            });
            e.getValue().elements().clear();
            e.getValue().nested().finish();
        }
        while (!references.isEmpty() || !collections.isEmpty() || !inverses.isEmpty()) {
            Map<Relationship, Set<InstanceState>> refs = references;    // loading them may gather more
            Map<Relationship, Set<InstanceState>> cols = collections;
            Map<Relationship, Set<InstanceState>> invs = inverses;
            references = Map.of();
            collections = Map.of();
            inverses = Map.of();
            refs.forEach(this::loadReferences);
            invs.forEach(this::loadInverses);
            cols.forEach(this::loadCollections);
        }
    }

    private void loadReferences(Relationship r, Set<InstanceState> owners) {
        EntityMapping<?> target = r.target();
        List<Object> keys = new ArrayList<>();
        Set<Object> seen = new java.util.HashSet<>();
        for (InstanceState s : owners) {
            Object key = s.snapshot[r.column().index()];
            if (key != null && session.identity(r.targetType(), key) == null && seen.add(key)) {
                keys.add(key);
            }
        }
        Column<?> id = target.idColumns().get(0).column();
        Loading nested = new Loading(session, nextOf(r));
        for (int from = 0; from < keys.size(); from += keysPerSelect()) {
            List<Object> chunk = keys.subList(from, Math.min(keys.size(), from + keysPerSelect()));
            session.loadAll(target, in(id, chunk), null, nested, "select-in load of " + r);
        }
        for (InstanceState s : owners) {
            if (s.isUnloaded(r)) {
                Object key = s.snapshot[r.column().index()];
                Object related = key == null ? null : session.identity(r.targetType(), key);
                if (related == null && key != null && !session.holdsDeleted(r.targetType(), key)) {
                    // No row of the target's class has the key (gone, or a row of another class of its
                    // hierarchy): the reference stays unloaded and keeps its key, never written as NULL.
                    continue;
                }
                session.setReference(s, r, related);
                knowOtherSide(r, s.entity, related);
            }
        }
        nested.finish();
    }

    /** Select-in load of the other side of a one-to-one: the objects whose foreign key holds the owners' keys. */
    private void loadInverses(Relationship r, Set<InstanceState> owners) {
        List<InstanceState> wanted = new ArrayList<>();
        for (InstanceState s : owners) {
            if (s.key != null && (!s.knowsInverse(r) || s.isInverseStale(r))) {
                wanted.add(s);        // not known from the owning side meanwhile
            }
        }
        Loading nested = new Loading(session, OneToOneSides.backReferenceFromIdentityMap(r, nextOf(r)));
        for (int from = 0; from < wanted.size(); from += keysPerSelect()) {
            List<InstanceState> chunk = wanted.subList(from, Math.min(wanted.size(), from + keysPerSelect()));
            Map<Object, Object> found = session.loadOneToOnes(r, chunk, nested, "select-in load of " + r);
            for (InstanceState s : chunk) {
                session.setInverse(s, r, found.get(s.key.id()));
            }
        }
        nested.finish();
    }

    private void loadCollections(Relationship r, Set<InstanceState> owners) {
        if (r.isManyToMany()) {
            loadManyToMany(r, owners);
            return;
        }
        Relationship back = r.inverse();
        EntityMapping<?> target = r.target();
        Column<?> fk = back.column().column();
        Map<Object, List<Object>> byOwner = new LinkedHashMap<>();
        List<Object> keys = new ArrayList<>();
        for (InstanceState s : owners) {
            byOwner.put(s.key.id(), new ArrayList<>());
            keys.add(s.key.id());
            RelatedObjects<?> c = session.collectionOf(s, r);
            if (c != null) {
                c.loading = true;          // a cyclic graph must not gather it again while it loads
            }
        }
        Loading nested = new Loading(session, nextOf(r));
        for (int from = 0; from < keys.size(); from += keysPerSelect()) {
            List<Object> chunk = keys.subList(from, Math.min(keys.size(), from + keysPerSelect()));
            List<Object> children = session.loadAll(target, in(fk, chunk), orderOf(r, target),
                    nested, "select-in load of " + r);
            for (Object child : children) {
                Object ownerKey = session.stateOf(child).snapshot[back.column().index()];
                List<Object> list = byOwner.get(ownerKey);
                if (list != null) {
                    list.add(child);
                }
            }
        }
        for (InstanceState s : owners) {
            RelatedObjects<?> c = session.collectionOf(s, r);
            if (c != null && !c.isLoaded()) {
                fill(c, byOwner.get(s.key.id()));
            }
        }
        nested.finish();
    }

    private void loadManyToMany(Relationship r, Set<InstanceState> owners) {
        List<Object> keys = new ArrayList<>();
        for (InstanceState s : owners) {
            keys.add(s.key.id());
            RelatedObjects<?> c = session.collectionOf(s, r);
            if (c != null) {
                c.loading = true;
            }
        }
        Loading nested = new Loading(session, nextOf(r));
        Map<Object, List<Object>> byOwner = new HashMap<>();
        for (int from = 0; from < keys.size(); from += keysPerSelect()) {
            List<Object> chunk = keys.subList(from, Math.min(keys.size(), from + keysPerSelect()));
            session.loadManyToMany(r, chunk, nested, "select-in load of " + r).forEach((k, v) -> byOwner.merge(k, v, (x, y) -> {
                x.addAll(y);
                return x;
            }));
        }
        for (InstanceState s : owners) {
            RelatedObjects<?> c = session.collectionOf(s, r);
            if (c != null && !c.isLoaded()) {
                fill(c, byOwner.getOrDefault(s.key.id(), List.of()));
            }
        }
        nested.finish();
    }

    @SuppressWarnings("unchecked")
    static <E> void fill(RelatedObjects<E> c, List<Object> items) {
        c.fill((List<E>) (List<?>) items);
    }

    static Expression<?>[] orderOf(Relationship r, EntityMapping<?> target) {
        if (!r.orderBy().isEmpty()) {
            return new Expression<?>[] {target.mappedColumn(r.orderBy()).column()};
        }
        return target.idColumns().stream().map(MappedColumn::column).toArray(Expression<?>[]::new);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static dev.retort.sql.Predicate in(Column column, List<Object> values) {
        return column.in(values);
    }
}
