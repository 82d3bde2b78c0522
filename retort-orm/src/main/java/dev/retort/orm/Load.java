package dev.retort.orm;

/**
 * How a relationship is loaded: the default set on the relationship, overridable per query with
 * {@link LoadOption}s.
 */
public enum Load {
    /**
     * On first access, while the session is open: a collection loads when its contents are first
     * read, a {@link Ref} on its first {@link Ref#get()} (no query when the identity map holds the
     * object). Touching it on a detached object throws, naming the entity, the attribute and the fixes.
     */
    LAZY,
    /**
     * With the query that loads the owners: one more SELECT per relationship with an IN list of
     * their keys (chunked below the database's parameter limit), whatever the number of owners.
     */
    SELECT_IN,
    /** In the same SELECT, through a LEFT OUTER JOIN (to-one references). */
    JOINED,
    /** Not loaded; reading it (a collection, or a {@link Ref}'s {@code get()}) throws, to find accidental loads (N+1) in development. */
    RAISE,
    /** Not loaded: a reference stays {@code null} (a {@link Ref} reads {@code null}), a collection reads as empty. */
    NO_LOAD,
    /**
     * The relationship's default, chosen by its field: {@link #LAZY} for a {@link Ref} field and a
     * collection, {@link #SELECT_IN} for a plain reference field (either side of a one-to-one
     * included). Only for the annotations' {@code load}; a mapped relationship and a query option
     * always have one of the other strategies.
     */
    DEFAULT
}
