package dev.retort.migrate.scanned.broken;

import dev.retort.migrate.Revision;
import dev.retort.migrate.ops.Operations;

/** A revision the scanner cannot make: it has no no-argument constructor. */
public final class NoDefaultConstructor extends Revision {
    public NoDefaultConstructor(String id) {
        super(id, "needs an argument");
    }

    @Override
    public void upgrade(Operations ops) {
    }

    @Override
    public void downgrade(Operations ops) {
    }
}
