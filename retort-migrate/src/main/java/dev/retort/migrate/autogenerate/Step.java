package dev.retort.migrate.autogenerate;

import java.util.ArrayList;
import java.util.List;

/**
 * One operation of a generated revision and its inverse: what closes one difference in
 * {@code upgrade}, and what undoes that in {@code downgrade}.
 */
abstract class Step {
    private final Phase phase;
    private final String table;
    private final List<String> warnings = new ArrayList<>();

    /**
     * @param phase where it goes in {@code upgrade}
     * @param table the table it changes, as named when it runs ({@code null} for enum types); batchable
     *              steps of one table in one phase are written as one {@code ops.batch}
     */
    Step(Phase phase, String table) {
        this.phase = phase;
        this.table = table;
    }

    Phase phase() {
        return phase;
    }

    String table() {
        return table;
    }

    /** Adds a loud comment written above the operation in {@code upgrade} (and listed by the diff). */
    Step warn(String text) {
        warnings.add(text);
        return this;
    }

    List<String> warnings() {
        return warnings;
    }

    /** @return the difference this step closes */
    abstract SchemaChange change();

    /** @return the operation for {@code upgrade} */
    abstract Call upgrade(Code code);

    /** @return the operation for {@code downgrade} that undoes {@link #upgrade} */
    abstract Call downgrade(Code code);

    /** @return what the upgrade operation may lose, or {@code null} */
    String destructiveUpgrade() {
        return null;
    }

    /** @return what the downgrade operation may lose, or {@code null} */
    String destructiveDowngrade() {
        return null;
    }

    /**
     * An operation as code: the statement on {@code ops}, and, for a change to one table that a
     * batch can hold, the same as a call on a batch ({@code b}); no semicolons.
     *
     * @param ops e.g. {@code ops.dropColumn("users", "nick")}
     * @param batch e.g. {@code .dropColumn("nick")}, or {@code null} when no batch holds it
     */
    record Call(String ops, String batch) {
        static Call of(String ops) {
            return new Call(ops, null);
        }
    }
}
