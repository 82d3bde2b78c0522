package dev.retort.orm;

import dev.retort.DefinitionException;

/**
 * A mistake in an entity's mapping, found when the mapping is built (at start-up, by
 * {@link Registry#of} or the first use of the class). The message names the class, the field and
 * the fix.
 */
public class MappingException extends DefinitionException {
    private static final long serialVersionUID = 1L;

    /**
     * @param entityClass the class at fault
     * @param message what is wrong and how to fix it
     */
    public MappingException(Class<?> entityClass, String message) {
        super("Entity " + entityClass.getName() + ": " + message);
    }
}
