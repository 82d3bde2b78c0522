package dev.retort.orm;

import dev.retort.orm.mapping.EntityMapping;

/**
 * What a session knows about one of its objects: its state, its key, and the column values last
 * read from or written to the database (the snapshot that dirty checking compares with).
 */
final class InstanceState {
    final Object entity;
    final EntityMapping<Object> mapping;
    ObjectState state;
    EntityKey key;
    /** Column values as the database holds them after the last load or flush; {@code null} if unknown. */
    Object[] snapshot;
    /** Column values as of the last commit (what a rollback returns to); {@code null} if the row is new in this transaction. */
    Object[] committed;
    /** Whether the database's values at the last commit are unknown (a re-attached object): a rollback leaves no snapshot. */
    boolean committedUnknown;
    /** A generated key was written into the object by a flush that is not committed yet. */
    boolean keyGenerated;
    /** Reload the columns the application has not changed at the next load that meets the row. */
    boolean expired;
    /** Its INSERT ran in the current transaction. */
    boolean insertedInTransaction;
    /** Whether a flush of the current transaction wrote association rows of its loaded many-to-many collections. */
    boolean associationsWrittenInTransaction;
    /** Its DELETE ran in the current transaction. */
    boolean deletedInTransaction;
    /** Order of addition, for INSERT order. */
    final long order;
    /** What a delete() cascaded: {state, null} for a deleted child, {child, relationship} for a cleared reference. */
    private java.util.List<Object[]> cascaded;
    /** References whose objects are not loaded: their key is the snapshot's, not the field's. */
    private java.util.Set<dev.retort.orm.mapping.Relationship> unloaded;

    /** Columns not loaded (deferred): the field holds its Java default and the snapshot that default; {@code null} when all are loaded. */
    private boolean[] unloadedColumns;
    /** The unloaded columns as of {@link #committed}: what a rollback returns to. */
    private boolean[] committedUnloadedColumns;
    /**
     * Columns the application set while they were not loaded (all the columns of an embedded
     * value so set): the row's values are unknown, so the next flush writes them, even a value
     * equal to its Java default (set back, or copied by a merge); {@code null} for none.
     */
    private boolean[] assignedColumns;
    /**
     * The other sides of one-to-ones as last loaded or brought in line with the owning side (the
     * object, or {@code null} for none); a relationship missing here is not known.
     */
    private java.util.Map<dev.retort.orm.mapping.Relationship, Object> inverses;
    /** Other sides of one-to-ones known, but to load again when a query meets the object (expired). */
    private java.util.Set<dev.retort.orm.mapping.Relationship> staleInverses;

    @SuppressWarnings("unchecked")
    InstanceState(Object entity, EntityMapping<?> mapping, ObjectState state, long order) {
        this.entity = entity;
        this.mapping = (EntityMapping<Object>) mapping;
        this.state = state;
        this.order = order;
    }

    void recordCascade(Object target, dev.retort.orm.mapping.Relationship cleared) {
        if (cascaded == null) {
            cascaded = new java.util.ArrayList<>(4);
        }
        cascaded.add(new Object[] {target, cleared});
    }

    java.util.List<Object[]> cascades() {
        return cascaded == null ? java.util.List.of() : cascaded;
    }

    void clearCascades() {
        cascaded = null;
    }

    /** @return whether some reference is not loaded */
    boolean hasUnloadedReferences() {
        return unloaded != null && !unloaded.isEmpty();
    }

    /** @return the references not loaded, or {@code null} when all are */
    java.util.Set<dev.retort.orm.mapping.Relationship> unloadedReferences() {
        return unloaded == null || unloaded.isEmpty() ? null : java.util.Set.copyOf(unloaded);
    }

    boolean isUnloaded(dev.retort.orm.mapping.Relationship r) {
        return unloaded != null && unloaded.contains(r);
    }

    void markUnloaded(dev.retort.orm.mapping.Relationship r) {
        if (unloaded == null) {
            unloaded = new java.util.HashSet<>(2);
        }
        unloaded.add(r);
    }

    void markLoaded(dev.retort.orm.mapping.Relationship r) {
        if (unloaded != null) {
            unloaded.remove(r);
        }
    }

    /** @return whether some column of the object was not loaded */
    boolean hasUnloadedColumns() {
        return unloadedColumns != null;
    }

    /** @return whether a column (by index) was not loaded */
    boolean isColumnUnloaded(int index) {
        return unloadedColumns != null && unloadedColumns[index];
    }

    /** @return a copy of the unloaded columns by index, or {@code null} when all are loaded */
    boolean[] unloadedColumns() {
        return unloadedColumns == null ? null : unloadedColumns.clone();
    }

    /**
     * Sets which columns are not loaded (a new object from a row, a re-attached one); its
     * committed values are its snapshot.
     *
     * @param unloaded per column index, whether it is not loaded; {@code null} for none
     */
    void unloadColumns(boolean[] unloaded) {
        unloadedColumns = normalized(unloaded);
        committedUnloadedColumns = unloadedColumns == null ? null : unloadedColumns.clone();
    }

    /** A column's value was read from the database: it goes into the snapshot, and the column counts as loaded. */
    void columnLoaded(int index, Object value) {
        snapshot[index] = value;
        markColumnLoaded(index);
        if (committed == snapshot && committedUnloadedColumns != null) {
            committedUnloadedColumns[index] = false;
            committedUnloadedColumns = normalized(committedUnloadedColumns);
        }
    }

    /** A column counts as loaded (the application or a statement gave it a value). */
    void markColumnLoaded(int index) {
        if (unloadedColumns != null) {
            unloadedColumns[index] = false;
            unloadedColumns = normalized(unloadedColumns);
        }
    }

    /** A loaded column's value is no longer known (an expired object reloaded without it): it is unloaded again. */
    void markColumnUnloaded(int index) {
        if (unloadedColumns == null) {
            unloadedColumns = new boolean[mapping.columns().size()];
        }
        unloadedColumns[index] = true;
    }

    /** The commit made the current values the committed ones: so with the unloaded columns. */
    void columnsCommitted() {
        committedUnloadedColumns = unloadedColumns == null ? null : unloadedColumns.clone();
    }

    /** A rollback put the committed values back: so with the columns unloaded then. */
    void columnsReverted() {
        unloadedColumns = committedUnloadedColumns == null ? null : committedUnloadedColumns.clone();
        assignedColumns = null;
    }

    /** A column's value was read from the row (a bulk update's): what the application had set there is gone. */
    void assignedRead(int index) {
        if (assignedColumns != null) {
            assignedColumns[index] = false;
            assignedColumns = normalized(assignedColumns);
        }
    }

    /** @return whether the application set a column while it was not loaded, and it is not written yet */
    boolean isAssigned(int index) {
        return assignedColumns != null && assignedColumns[index];
    }

    /**
     * The row's values of some columns are known again (written, or read): they no longer need
     * writing for an assignment made while unloaded.
     *
     * @param table the table whose columns are known, or {@code null} for every column
     */
    void assignedKnown(dev.retort.schema.Table table) {
        if (assignedColumns == null) {
            return;
        }
        for (dev.retort.orm.mapping.MappedColumn c : mapping.columns()) {
            if (table == null || c.column().table() == table) {
                assignedColumns[c.index()] = false;
            }
        }
        assignedColumns = normalized(assignedColumns);
    }

    private static boolean[] normalized(boolean[] unloaded) {
        if (unloaded != null) {
            for (boolean u : unloaded) {
                if (u) {
                    return unloaded;
                }
            }
        }
        return null;
    }

    /** @return whether the other side of a one-to-one is known (loaded, or brought in line) */
    boolean knowsInverse(dev.retort.orm.mapping.Relationship r) {
        return inverses != null && inverses.containsKey(r);
    }

    /** @return the known other side of a one-to-one (see {@link #knowsInverse}) */
    Object inverse(dev.retort.orm.mapping.Relationship r) {
        return inverses == null ? null : inverses.get(r);
    }

    void knowInverse(dev.retort.orm.mapping.Relationship r, Object related) {
        if (inverses == null) {
            inverses = new java.util.HashMap<>(2);
        }
        inverses.put(r, related);
        if (staleInverses != null) {
            staleInverses.remove(r);
        }
    }

    void forgetInverse(dev.retort.orm.mapping.Relationship r) {
        if (inverses != null) {
            inverses.remove(r);
        }
    }

    /** Keeps the known other side for the flush, but loads it again at the next query that meets the object. */
    void staleInverse(dev.retort.orm.mapping.Relationship r) {
        if (staleInverses == null) {
            staleInverses = new java.util.HashSet<>(2);
        }
        staleInverses.add(r);
    }

    boolean isInverseStale(dev.retort.orm.mapping.Relationship r) {
        return staleInverses != null && staleInverses.contains(r);
    }

    /**
     * The column values of the object as the flush sees them: an unloaded reference (its field
     * still {@code null}) keeps the key the database has; an unloaded column whose field the
     * application set (it differs from its Java default) counts as loaded from now on, so the
     * flush writes it.
     */
    Object[] currentValues() {
        Object[] values = mapping.read(entity);
        for (dev.retort.orm.mapping.Relationship r : mapping.relationships()) {
            if (r.isReference() && values[r.column().index()] == null && mapping.accessor().get(entity, r.field()) != null) {
                values[r.column().index()] = UnitOfWork.PENDING_KEY;   // refers to an object without a key yet
            }
        }
        if (unloadedColumns != null && snapshot != null) {
            for (int i = 0; i < values.length; i++) {
                if (unloadedColumns[i] && !UnitOfWork.same(values[i], snapshot[i])) {
                    // The application set it: written at the next flush, whatever it holds by then (the
                    // row's value is unknown); a new embedded value whole, its components equal to a Java default too.
                    if (assignedColumns == null) {
                        assignedColumns = new boolean[values.length];
                    }
                    for (dev.retort.orm.mapping.MappedColumn part : mapping.columns().get(i).attribute().columns()) {
                        if (unloadedColumns != null && unloadedColumns[part.index()]) {
                            assignedColumns[part.index()] = true;
                            markColumnLoaded(part.index());
                        }
                    }
                    if (unloadedColumns == null) {
                        break;
                    }
                }
            }
        }
        if (unloaded != null && !unloaded.isEmpty()) {
            for (java.util.Iterator<dev.retort.orm.mapping.Relationship> it = unloaded.iterator(); it.hasNext(); ) {
                dev.retort.orm.mapping.Relationship r = it.next();
                if (assigned(r)) {
                    it.remove();                                  // the application set it
                } else if (snapshot != null && values[r.column().index()] == null) {
                    values[r.column().index()] = snapshot[r.column().index()];
                }                                                 // (an unloaded Ref gives its own key)
            }
        }
        return values;
    }

    /**
     * Whether the application set an unloaded reference: a plain field holds an object; a
     * {@link Ref} field holds anything but the session's unloaded Ref of this object (a loaded Ref,
     * another Ref, or {@code null}).
     */
    private boolean assigned(dev.retort.orm.mapping.Relationship r) {
        if (!r.isRef()) {
            return mapping.accessor().get(entity, r.field()) != null;
        }
        return !(mapping.fieldAccessor().get(entity, r.field()) instanceof Ref<?> ref) || !ref.isUnloadedFor(entity);
    }

    @Override
    public String toString() {
        return mapping.type().getSimpleName() + (key != null ? "#" + key.id() : "(new)") + " " + state;
    }
}
