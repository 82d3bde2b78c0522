package dev.retort.migrate;

import dev.retort.migrate.ops.Operations;

import java.util.function.Consumer;

/** A revision written inline in a test: id, parents, and what its upgrade and downgrade record. */
final class Rev extends Revision {
    private final Consumer<Operations> up;
    private final Consumer<Operations> down;

    private Rev(String id, String[] revises, Consumer<Operations> up, Consumer<Operations> down) {
        super(id, "test revision " + id, revises);
        this.up = up;
        this.down = down;
    }

    /** A revision with operations. */
    static Rev of(String id, String[] revises, Consumer<Operations> up, Consumer<Operations> down) {
        return new Rev(id, revises, up, down);
    }

    /** A revision of one parent (or a base, for {@code null}) that does nothing. */
    static Rev empty(String id, String... revises) {
        return new Rev(id, revises, ops -> { }, ops -> { });
    }

    static String[] after(String... parents) {
        return parents;
    }

    @Override
    public void upgrade(Operations ops) {
        up.accept(ops);
    }

    @Override
    public void downgrade(Operations ops) {
        down.accept(ops);
    }
}
