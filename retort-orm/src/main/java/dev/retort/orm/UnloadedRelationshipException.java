package dev.retort.orm;

import dev.retort.InvalidStateException;

/**
 * A relationship was read that is not loaded and cannot load now: it is marked {@link Load#RAISE},
 * or its object is detached (its session closed or expunged it). The message names the entity,
 * the attribute and the ways out.
 */
public class UnloadedRelationshipException extends InvalidStateException {
    private static final long serialVersionUID = 1L;

    /** @param message what was read and what to do */
    public UnloadedRelationshipException(String message) {
        super(message);
    }
}
