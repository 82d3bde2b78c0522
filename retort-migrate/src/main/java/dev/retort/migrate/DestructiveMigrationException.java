package dev.retort.migrate;

import java.util.List;

/**
 * {@code upgrade} was asked to run revisions that may lose data (dropping a table or column,
 * narrowing a column's type) without being allowed to. Nothing was run. The message lists each
 * such revision and operation, and says how to confirm: {@code Migrator.allowDestructive(true)},
 * or {@code --allow-destructive} on the command line.
 */
public class DestructiveMigrationException extends MigrationException {
    private static final long serialVersionUID = 1L;
    /** Each destructive operation, prefixed with its revision's id. */
    private final List<String> operations;

    /**
     * Creates the exception.
     *
     * @param operations each destructive operation, as {@code revision: what it loses}
     * @param message what was refused and how to confirm
     */
    public DestructiveMigrationException(List<String> operations, String message) {
        super(message);
        this.operations = List.copyOf(operations);
    }

    /** @return each destructive operation, as {@code revision: what it loses} */
    public List<String> operations() {
        return operations;
    }
}
